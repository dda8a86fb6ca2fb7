import type { ValidationContext } from "../context.js";

/**
 * JsonName: within a structure or union, the names members serialize to in JSON (their
 * @jsonName, or their member name) must be unique.
 */
export function validateJsonNames(ctx: ValidationContext): void {
  for (const shape of ctx.index.userShapes) {
    if (shape.type !== "structure" && shape.type !== "union") continue;
    const members = ctx.index.membersOf(shape);
    if (!members.some((m) => m.traits["smithy.api#jsonName"] !== undefined)) continue;
    const byName = new Map<string, string[]>();
    for (const member of members) {
      const jsonName = member.traits["smithy.api#jsonName"];
      const name = typeof jsonName === "string" ? jsonName : member.memberName!;
      byName.set(name, [...(byName.get(name) ?? []), member.memberName!]);
    }
    for (const [name, names] of byName) {
      if (names.length < 2) continue;
      ctx.emit(
        "JsonName",
        "ERROR",
        shape.id,
        `Members of \`${shape.id}\` serialize to the same JSON name \`${name}\`: ${names.map((n) => `\`${n}\``).join(", ")}`,
      );
    }
  }
}
