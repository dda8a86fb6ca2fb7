import type { ValidationContext } from "../context.js";
import type { IndexedShape } from "../model-index.js";

/**
 * OperationInputOutputMisuse (ERROR): structures marked @input/@output serve as the input/output
 * of one operation only, never the other side and never as a member target.
 * OperationInputOutputName / OperationNameAmbiguity (WARNING): naming that misleads codegen.
 */
export function validateOperationInputOutput(ctx: ValidationContext): void {
  check(ctx, "input", "output");
  check(ctx, "output", "input");
  for (const operation of ctx.index.userShapes) {
    if (operation.type === "operation") ambiguity(ctx, operation);
  }
}

function check(ctx: ValidationContext, descriptor: "input" | "output", invalid: string): void {
  for (const shape of ctx.index.withTrait(`smithy.api#${descriptor}`)) {
    const operations = new Set<string>();
    for (const edge of ctx.index.reverse(shape.id)) {
      const user = ctx.index.get(edge.to);
      if (!user) continue;
      if (edge.label === descriptor) {
        operations.add(user.id);
        if (!nameOf(shape.id).startsWith(nameOf(user.id)))
          ctx.emit(
            `OperationInputOutputName.${descriptor}`,
            "WARNING",
            user.id,
            `The ${descriptor} of this operation should target a shape that starts with the operation's name, '${nameOf(user.id)}', but the targeted shape is \`${shape.id}\``,
          );
      } else if (edge.label === invalid) {
        ctx.emit(
          "OperationInputOutputMisuse",
          "ERROR",
          user.id,
          `Operation \`${invalid}\` cannot target structures marked with the \`@${descriptor}\` trait: \`${shape.id}\``,
        );
      } else if (edge.label === "") {
        ctx.emit(
          "OperationInputOutputMisuse",
          "ERROR",
          user.id,
          `Members cannot target structures marked with the @${descriptor} trait: ${shape.id}`,
        );
      }
    }
    if (operations.size > 1)
      ctx.emit(
        "OperationInputOutputMisuse",
        "ERROR",
        shape.id,
        `Shapes marked with the @${descriptor} trait cannot be used as ${descriptor} by multiple operations: ${[...operations].map((o) => `\`${o}\``).join(", ")}`,
      );
  }
}

function nameOf(id: string): string {
  return id.slice(id.indexOf("#") + 1);
}

const SUFFIXES = { input: ["Input", "Request"], output: ["Output", "Response"] } as const;

function ambiguity(ctx: ValidationContext, operation: IndexedShape): void {
  for (const side of ["input", "output"] as const) {
    const actual = operation.ast[side]?.target ?? "smithy.api#Unit";
    for (const suffix of SUFFIXES[side]) {
      const implied = `${operation.id}${suffix}`;
      if (implied === actual || !ctx.index.get(implied)) continue;
      ctx.emit(
        "OperationNameAmbiguity",
        "WARNING",
        implied,
        `The name of this shape implies that it is the ${side} of ${operation.id}, but that operation uses ${actual} for ${side}. This kind of ambiguity can confuse developers calling this operation and can cause issues in code generators that use similar naming conventions to generate ${side} types.`,
      );
    }
  }
}
