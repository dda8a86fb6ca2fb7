import type { ValidationContext } from "../context.js";

/**
 * Operation and resource mixins only carry what can be mixed in: operation mixins have no input
 * or output, resource mixins no identifiers or properties (Smithy rejects these while building
 * the shapes, hence `Model`).
 */
const UNIT = "smithy.api#Unit";

export function validateMixinShapes(ctx: ValidationContext): void {
  for (const shape of ctx.index.withTrait("smithy.api#mixin")) {
    if (!("smithy.api#mixin" in shape.ownTraits)) continue;
    const ast = shape.ast;
    if (shape.type === "operation") {
      const io = [ast.input?.target, ast.output?.target].filter((t) => t && t !== UNIT);
      if (io.length > 0)
        ctx.emit(
          "Model",
          "ERROR",
          shape.id,
          `Operation shapes with the mixin trait MUST target \`${UNIT}\` for their input and output. Operation mixin shape \`${shape.id}\` defines one or both of these properties.`,
        );
    } else if (shape.type === "resource") {
      const bound =
        Object.keys(ast.identifiers ?? {}).length + Object.keys(ast.properties ?? {}).length;
      if (bound > 0)
        ctx.emit(
          "Model",
          "ERROR",
          shape.id,
          `Resource shapes with the mixin trait may not define any properties. Resource mixin shape \`${shape.id}\` defines one or more properties.`,
        );
    }
  }
}
