import type { ValidationContext } from "../context.js";
import { relationshipName } from "./target.js";

/**
 * UnitType: `smithy.api#Unit` stands for "no value"; only operation input/output and union,
 * enum and intEnum members may reference it.
 */
const UNIT = "smithy.api#Unit";
const MAY_TARGET_UNIT = new Set(["union", "enum", "intEnum"]);

export function validateUnitTargets(ctx: ValidationContext): void {
  for (const edge of ctx.index.reverse(UNIT)) {
    const user = ctx.index.get(edge.to);
    if (!user || !ctx.index.isUserShape(user)) continue;
    if (edge.label === "input" || edge.label === "output") continue;
    if (edge.label === "") {
      const container = user.container ? ctx.index.get(user.container) : undefined;
      if (!container || MAY_TARGET_UNIT.has(container.type)) continue;
      ctx.emit(
        "UnitType",
        "ERROR",
        user.id,
        `Only members of a union, enum, or intEnum can reference ${UNIT}`,
      );
    } else {
      ctx.emit(
        "UnitType",
        "ERROR",
        user.id,
        `This shape has an invalid ${relationshipName(user, { label: edge.label, to: UNIT })} reference to ${UNIT}`,
      );
    }
  }
}
