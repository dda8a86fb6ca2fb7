import type { ValidationContext } from "../context.js";
import { SelectorSyntaxError } from "../selector/index.js";

/**
 * Traits must be trait shapes, and a trait definition's selector must parse. Smithy reports both
 * while loading, hence the `Model` id. (A trait id naming no shape at all is the loader's error.)
 */
export function validateTraitDefinitions(ctx: ValidationContext): void {
  const reported = new Set<string>();
  for (const shape of ctx.index.userShapes) {
    for (const traitId of Object.keys(shape.ownTraits)) {
      const traitShape = ctx.index.get(traitId);
      if (!traitShape || ctx.traitDefinition(traitId) || reported.has(traitId)) continue;
      reported.add(traitId);
      // Reported on the shape used as a trait, as Smithy does.
      ctx.emit(
        "Model",
        "ERROR",
        traitId,
        `Shape \`${traitId}\` cannot be applied as a trait. If this is a custom trait, please add \`@trait\` to this shape.`,
      );
    }
    const definition = shape.ownTraits["smithy.api#trait"];
    if (definition === undefined) continue;
    const text = ctx.traitDefinition(shape.id)?.selector;
    if (typeof text !== "string") continue;
    const selector = ctx.selector(text);
    if (selector instanceof SelectorSyntaxError) {
      ctx.emit("Model", "ERROR", shape.id, `Invalid trait selector: ${selector.message}`);
    }
  }
}
