import type { NodeValue } from "../../ast.js";
import { nodeEquals as sameNode } from "../../node-equality.js";
import type { ValidationContext } from "../context.js";
import type { IndexedShape } from "../model-index.js";
import { NodeValidator } from "../node-value.js";

/**
 * DefaultTrait: default values are valid values of their shape; collections and documents only
 * default to empty; members of structures repeat the default of a target that has one.
 */
const DEFAULT = "smithy.api#default";

export function validateDefaults(ctx: ValidationContext): void {
  for (const shape of ctx.index.withTrait(DEFAULT)) {
    const value = shape.traits[DEFAULT];
    checkValue(ctx, shape, value);
    if (shape.type === "member") continue;
    for (const edge of ctx.index.reverse(shape.id)) {
      if (edge.label !== "") continue;
      const member = ctx.index.get(edge.to);
      const container = member?.container ? ctx.index.get(member.container) : undefined;
      if (!member || container?.type !== "structure") continue;
      const memberDefault = member.traits[DEFAULT];
      if (memberDefault === undefined) {
        ctx.emit(
          "DefaultTrait",
          "ERROR",
          member.id,
          `Member targets ${shape.id}, which requires that the member defines the same default of \`${JSON.stringify(value)}\``,
        );
      } else if (memberDefault !== null && !sameNode(memberDefault, value)) {
        ctx.emit(
          "DefaultTrait",
          "ERROR",
          member.id,
          `Member defines a default value that differs from the default value of the target shape, ${shape.id}. The member has a default of \`${JSON.stringify(memberDefault)}\`, but the target has a default of \`${JSON.stringify(value)}\`.`,
        );
      }
    }
  }
}

function checkValue(ctx: ValidationContext, shape: IndexedShape, value: NodeValue): void {
  if (value === null) {
    if (shape.type !== "member")
      ctx.emit(
        "DefaultTrait",
        "ERROR",
        shape.id,
        "The @default trait can only be set to null on members",
      );
    return;
  }
  for (const problem of new NodeValidator(ctx, shape.id).validate(shape, value)) {
    const where = problem.path ? `.${problem.path}` : "";
    ctx.emit(
      "DefaultTrait",
      problem.zeroRange ? "WARNING" : "ERROR",
      shape.id,
      `Error validating @default trait${where}: ${problem.message}`,
    );
  }
  const target = ctx.index.resolve(shape);
  const nonEmptyArray = Array.isArray(value) && value.length > 0;
  const nonEmptyObject =
    typeof value === "object" && !Array.isArray(value) && Object.keys(value).length > 0;
  if (target?.type === "map" && nonEmptyObject)
    ctx.emit("DefaultTrait", "ERROR", shape.id, "The @default value of a map must be an empty map");
  if ((target?.type === "list" || target?.type === "set") && nonEmptyArray)
    ctx.emit(
      "DefaultTrait",
      "ERROR",
      shape.id,
      "The @default value of a list must be an empty list",
    );
  if (target?.type === "document" && nonEmptyArray)
    ctx.emit(
      "DefaultTrait",
      "ERROR",
      shape.id,
      "The @default value of a document cannot be a non-empty array",
    );
  if (target?.type === "document" && nonEmptyObject)
    ctx.emit(
      "DefaultTrait",
      "ERROR",
      shape.id,
      "The @default value of a document cannot be a non-empty object",
    );
}
