import type { ValidationContext } from "../context.js";
import { idiomaticTraitName } from "../model-index.js";
import { NodeValidator } from "../node-value.js";

/** TraitValue: each trait value must be a valid value of its trait shape. */
export function validateTraitValues(ctx: ValidationContext): void {
  for (const shape of ctx.index.userShapes) {
    for (const [traitId, value] of Object.entries(shape.ownTraits)) {
      const traitShape = ctx.index.get(traitId);
      if (!traitShape || !ctx.traitDefinition(traitId)) continue;
      const problems = new NodeValidator(ctx, shape.id).validate(traitShape, value);
      const name = idiomaticTraitName(traitId);
      for (const problem of problems) {
        const where = problem.path ? `.${problem.path}` : "";
        ctx.emit(
          "TraitValue",
          "ERROR",
          shape.id,
          `Error validating trait \`${name}\`${where}: ${problem.message}`,
        );
      }
    }
  }
}
