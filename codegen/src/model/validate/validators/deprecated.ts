import type { NodeValue } from "../../ast.js";
import type { ValidationContext } from "../context.js";
import { idiomaticTraitName } from "../model-index.js";

/** DeprecatedTrait / DeprecatedShape: warnings for using deprecated traits and shapes. */
const DEPRECATED = "smithy.api#deprecated";

export function validateDeprecations(ctx: ValidationContext): void {
  for (const shape of ctx.index.userShapes) {
    if (shape.id.startsWith("smithy.api#")) continue;
    for (const traitId of Object.keys(shape.ownTraits)) {
      const trait = ctx.index.get(traitId);
      const deprecated = trait?.traits[DEPRECATED];
      if (deprecated === undefined) continue;
      ctx.emit(
        "DeprecatedTrait",
        "WARNING",
        shape.id,
        `This shape applies a trait that is deprecated: ${idiomaticTraitName(traitId)}${detail(deprecated)}`,
      );
    }
    for (const edge of ctx.index.forward(shape.id)) {
      if (edge.label === "member") continue;
      const target = ctx.index.get(edge.to);
      const deprecated = target?.traits[DEPRECATED];
      if (!target || deprecated === undefined || target.id.startsWith("smithy.api#")) continue;
      ctx.emit(
        "DeprecatedShape",
        "WARNING",
        shape.id,
        `This shape has a ${edge.label || "member target"} relationship to a deprecated shape, \`${target.id}\`${detail(deprecated)}`,
      );
    }
  }
}

function detail(value: NodeValue): string {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return "";
  const parts: string[] = [];
  if (typeof value.message === "string") parts.push(value.message);
  if (typeof value.since === "string") parts.push(`(since ${value.since})`);
  return parts.length ? `. ${parts.join(" ")}` : "";
}
