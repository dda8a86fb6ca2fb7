import type { ValidationContext } from "../context.js";
import { idiomaticTraitName } from "../model-index.js";

/**
 * ExclusiveStructureMemberTrait: traits defined with `structurallyExclusive` may appear on (or be
 * targeted by) only one member of a structure, e.g. `httpPayload`, `idempotencyToken`.
 */
export function validateExclusiveMembers(ctx: ValidationContext): void {
  const exclusive: [string, string][] = [];
  for (const shape of ctx.index.shapes.values()) {
    const kind = ctx.traitDefinition(shape.id)?.structurallyExclusive;
    if (kind === "member" || kind === "target") exclusive.push([shape.id, kind]);
  }
  if (exclusive.length === 0) return;
  for (const shape of ctx.index.userShapes) {
    if (shape.type !== "structure") continue;
    const members = ctx.index.membersOf(shape);
    for (const [traitId, kind] of exclusive) {
      const matching = members.filter((member) => {
        if (kind === "member") return member.traits[traitId] !== undefined;
        const target = member.target ? ctx.index.get(member.target) : undefined;
        return target?.traits[traitId] !== undefined;
      });
      if (matching.length < 2) continue;
      const names = matching.map((m) => m.memberName).join(", ");
      const trait = idiomaticTraitName(traitId);
      ctx.emit(
        "ExclusiveStructureMemberTrait",
        "ERROR",
        shape.id,
        kind === "member"
          ? `The \`${trait}\` trait can be applied to only a single member of a shape, but it was found on the following members: ${names}`
          : `Only a single member of a structure can target a shape marked with the \`${trait}\` trait, but it was found on the following members: ${names}`,
      );
    }
  }
}
