import type { Severity } from "../../ast.js";
import type { ValidationContext } from "../context.js";
import { idiomaticTraitName } from "../model-index.js";
import { SelectorSyntaxError } from "../selector/index.js";

/**
 * `@traitValidators`: a trait can carry selectors that find incompatible shapes starting from
 * the shape it is applied to (e.g. awsQuery rejects document members); each match is an event
 * with the validator's own id.
 */
const SEVERITIES = new Set(["ERROR", "DANGER", "WARNING", "NOTE"]);

export function validateTraitValidators(ctx: ValidationContext): void {
  for (const traitShape of ctx.index.withTrait("smithy.api#traitValidators")) {
    const validators = traitShape.traits["smithy.api#traitValidators"];
    if (validators === null || typeof validators !== "object" || Array.isArray(validators))
      continue;
    for (const shape of ctx.index.withTrait(traitShape.id)) {
      for (const [eventId, definition] of Object.entries(validators)) {
        if (definition === null || typeof definition !== "object" || Array.isArray(definition))
          continue;
        if (typeof definition.selector !== "string") continue;
        const selector = ctx.selector(definition.selector);
        if (selector instanceof SelectorSyntaxError) continue;
        const severity = (
          typeof definition.severity === "string" && SEVERITIES.has(definition.severity)
            ? definition.severity
            : "ERROR"
        ) as Severity;
        const detail = typeof definition.message === "string" ? `: ${definition.message}` : "";
        for (const found of selector.selectFrom(ctx.index, shape)) {
          ctx.emit(
            eventId,
            severity,
            found.id,
            `Found an incompatible shape when validating the constraints of the \`${idiomaticTraitName(traitShape.id)}\` trait attached to \`${shape.id}\`${detail}`,
          );
        }
      }
    }
  }
}
