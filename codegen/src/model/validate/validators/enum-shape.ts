import type { ValidationContext } from "../context.js";
import type { IndexedShape } from "../model-index.js";

/** EnumShape: enum values are unique non-empty strings, intEnum values unique 32-bit integers. */

const RECOMMENDED_NAME = /^[A-Z]+[A-Z_0-9]*$/;
const ENUM_VALUE = "smithy.api#enumValue";

export function validateEnumShapes(ctx: ValidationContext): void {
  for (const shape of ctx.index.userShapes) {
    if (shape.type === "enum") validateEnum(ctx, shape);
    else if (shape.type === "intEnum") validateIntEnum(ctx, shape);
  }
}

function validateEnum(ctx: ValidationContext, shape: IndexedShape): void {
  const seen = new Set<string>();
  for (const member of ctx.index.membersOf(shape)) {
    // The loader gives every enum member an enumValue (its name when none is written).
    const value = member.traits[ENUM_VALUE] ?? member.memberName!;
    if (typeof value !== "string") {
      ctx.emit(
        "EnumShape",
        "ERROR",
        member.id,
        `enum members can only be assigned string values, but found: ${JSON.stringify(value)}`,
      );
    } else {
      if (seen.has(value))
        ctx.emit(
          "EnumShape",
          "ERROR",
          member.id,
          `Multiple enum members found with duplicate value \`${value}\``,
        );
      seen.add(value);
      if (value === "") ctx.emit("EnumShape", "ERROR", member.id, "enum values may not be empty.");
    }
    checkName(ctx, member);
  }
}

function validateIntEnum(ctx: ValidationContext, shape: IndexedShape): void {
  const seen = new Set<number>();
  for (const member of ctx.index.membersOf(shape)) {
    const value = member.traits[ENUM_VALUE];
    if (value === undefined) {
      ctx.emit(
        "EnumShape",
        "ERROR",
        member.id,
        "intEnum members must be assigned an integer value",
      );
      continue;
    }
    if (typeof value !== "number") {
      ctx.emit(
        "EnumShape",
        "ERROR",
        member.id,
        `intEnum members require integer values, but found: ${JSON.stringify(value)}`,
      );
      continue;
    }
    if (!Number.isInteger(value)) {
      ctx.emit(
        "EnumShape",
        "ERROR",
        member.id,
        `intEnum members do not support floating point values: ${value}`,
      );
      continue;
    }
    if (value > 2147483647 || value < -2147483648) {
      ctx.emit(
        "EnumShape",
        "ERROR",
        member.id,
        `intEnum members must fit within an integer, but found: ${value}`,
      );
      continue;
    }
    if (seen.has(value))
      ctx.emit(
        "EnumShape",
        "ERROR",
        member.id,
        `Multiple intEnum members found with duplicate value \`${value}\``,
      );
    seen.add(value);
    checkName(ctx, member);
  }
}

function checkName(ctx: ValidationContext, member: IndexedShape): void {
  if (!RECOMMENDED_NAME.test(member.memberName!))
    ctx.emit(
      "EnumShape",
      "WARNING",
      member.id,
      `The name \`${member.memberName}\` does not match the recommended enum name format of beginning with an uppercase letter, followed by any number of uppercase letters, numbers, or underscores.`,
    );
}
