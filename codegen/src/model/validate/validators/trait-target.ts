import type { ValidationContext } from "../context.js";
import { idiomaticTraitName } from "../model-index.js";

/** TraitTarget: a trait applied to a shape its definition's selector does not match. */
export function validateTraitTargets(ctx: ValidationContext): void {
  for (const shape of ctx.index.userShapes) {
    for (const traitId of Object.keys(shape.traits)) {
      const definition = ctx.traitDefinition(traitId);
      if (!definition) continue;
      if (ctx.traitApplies(traitId, shape)) continue;
      ctx.emit(
        "TraitTarget",
        "ERROR",
        shape.id,
        `Trait \`${idiomaticTraitName(traitId)}\` cannot be applied to \`${shape.id}\`. This trait may only be applied to shapes that match the following selector: ${String(definition.selector).trim()}`,
      );
    }
  }
}
