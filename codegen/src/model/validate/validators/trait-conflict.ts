import type { ValidationContext } from "../context.js";
import { idiomaticTraitName, namespaceOf } from "../model-index.js";

/** TraitConflict: two traits on one shape where a definition lists the other in `conflicts`. */
export function validateTraitConflicts(ctx: ValidationContext): void {
  for (const shape of ctx.index.userShapes) {
    const applied = Object.keys(shape.traits);
    if (applied.length < 2) continue;
    for (const traitId of applied) {
      const conflicts = ctx.traitDefinition(traitId)?.conflicts;
      if (!Array.isArray(conflicts)) continue;
      for (const other of conflicts) {
        if (typeof other !== "string") continue;
        const otherId = resolveTraitName(ctx, other, traitId);
        if (otherId === traitId || shape.traits[otherId] === undefined) continue;
        ctx.emit(
          "TraitConflict",
          "ERROR",
          shape.id,
          `Found conflicting traits on ${shape.type} shape: \`${idiomaticTraitName(traitId)}\` conflicts with \`${idiomaticTraitName(otherId)}\``,
        );
      }
    }
  }
}

/** Relative names in `conflicts` resolve to the defining trait's namespace, then the prelude. */
function resolveTraitName(ctx: ValidationContext, name: string, definedBy: string): string {
  if (name.includes("#")) return name;
  const local = `${namespaceOf(definedBy)}#${name}`;
  return ctx.index.get(local) ? local : `smithy.api#${name}`;
}
