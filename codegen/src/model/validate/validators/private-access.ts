import type { ValidationContext } from "../context.js";
import { namespaceOf } from "../model-index.js";

/** PrivateAccess: shapes marked @private are only referenced from their own namespace. */
const PRIVATE = "smithy.api#private";

export function validatePrivateAccess(ctx: ValidationContext): void {
  for (const shape of ctx.index.userShapes) {
    const ns = namespaceOf(shape.id);
    for (const edge of ctx.index.forward(shape.id)) {
      const target = ctx.index.get(edge.to);
      if (!target || target.type === "member" || target.traits[PRIVATE] === undefined) continue;
      if (namespaceOf(target.id) === ns) continue;
      ctx.emit(
        "PrivateAccess",
        "ERROR",
        shape.id,
        `This shape has an invalid ${edge.label || "member target"} relationship that targets a private shape, \`${target.id}\`, in another namespace.`,
      );
    }
    for (const traitId of Object.keys(shape.ownTraits)) {
      const trait = ctx.index.get(traitId);
      if (!trait || trait.traits[PRIVATE] === undefined || namespaceOf(traitId) === ns) continue;
      ctx.emit(
        "PrivateAccess",
        "ERROR",
        shape.id,
        `This shape applies a trait that is private to another namespace, \`${traitId}\`.`,
      );
    }
  }
}
