import type { NodeValue } from "../../ast.js";
import type { ValidationContext } from "../context.js";

/** LengthTrait / RangeTrait: a `min` greater than `max` can never be satisfied. */
export function validateLengthAndRange(ctx: ValidationContext): void {
  check(ctx, "smithy.api#length", "LengthTrait", "length");
  check(ctx, "smithy.api#range", "RangeTrait", "range");
}

function check(ctx: ValidationContext, traitId: string, eventId: string, name: string): void {
  for (const shape of ctx.index.withTrait(traitId)) {
    const value: NodeValue = shape.traits[traitId];
    if (value === null || typeof value !== "object" || Array.isArray(value)) continue;
    const { min, max } = value;
    if (typeof min === "number" && typeof max === "number" && min > max) {
      ctx.emit(
        eventId,
        "ERROR",
        shape.id,
        `A ${name} trait is applied with a \`min\` value greater than its \`max\` value.`,
      );
    }
  }
}
