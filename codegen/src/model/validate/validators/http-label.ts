import type { ValidationContext } from "../context.js";

/**
 * HttpLabelTrait: for every operation with @http, each `{label}` of the URI has an input member
 * marked @httpLabel, each such member has a label, and greedy labels (`{key+}`) bind strings.
 */
export function validateHttpLabels(ctx: ValidationContext): void {
  for (const operation of ctx.index.withTrait("smithy.api#http")) {
    if (operation.type !== "operation") continue;
    const http = operation.traits["smithy.api#http"];
    if (http === null || typeof http !== "object" || Array.isArray(http)) continue;
    if (typeof http.uri !== "string") continue;
    const labels = uriLabels(http.uri);
    const inputId = operation.ast.input?.target ?? "smithy.api#Unit";
    const input = ctx.index.get(inputId);
    if (!input) continue;
    const unmatched = new Set(labels.keys());
    for (const member of ctx.index.membersOf(input)) {
      if (member.traits["smithy.api#httpLabel"] === undefined) continue;
      const identifier = member.traits["smithy.api#resourceIdentifier"];
      const name = typeof identifier === "string" ? identifier : member.memberName!;
      unmatched.delete(name);
      const greedy = labels.get(name);
      if (greedy === undefined) {
        ctx.emit(
          "HttpLabelTrait",
          "ERROR",
          member.id,
          `This \`${member.memberName}\` structure member is marked with the \`httpLabel\` trait, but no corresponding \`http\` URI label could be found when used as the input of the \`${operation.id}\` operation.`,
        );
      } else if (greedy) {
        const target = member.target ? ctx.index.get(member.target) : undefined;
        if (target && target.type !== "string" && target.type !== "enum")
          ctx.emit(
            "HttpLabelTrait",
            "ERROR",
            member.id,
            `The \`${member.memberName}\` structure member corresponds to a greedy label when used as the input of the \`${operation.id}\` operation. This member targets (${target.type}: \`${target.id}\`), but greedy labels must target string shapes.`,
          );
      }
    }
    if (unmatched.size > 0) {
      ctx.emit(
        "HttpLabelTrait",
        "ERROR",
        operation.id,
        `This operation uses \`${input.id}\` as input, but the following URI labels found in the operation's \`http\` trait do not have a corresponding member marked with the \`httpLabel\` trait: ${[...unmatched].map((l) => `\`${l}\``).join(", ")}`,
      );
    }
  }
}

/** Labels of the path part of an `http` URI, mapped to whether they are greedy. */
export function uriLabels(uri: string): Map<string, boolean> {
  const labels = new Map<string, boolean>();
  const path = uri.split("?")[0];
  for (const match of path.matchAll(/\{([^}]*)\}/g)) {
    const content = match[1];
    const greedy = content.endsWith("+");
    labels.set(greedy ? content.slice(0, -1) : content, greedy);
  }
  return labels;
}
