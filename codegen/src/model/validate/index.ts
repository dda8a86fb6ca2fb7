import type { Model, SourceLocation, ValidationEvent } from "../ast.js";
import { ValidationContext } from "./context.js";
import { ModelIndex } from "./model-index.js";
import { applySuppressions } from "./suppressions.js";
import { validateAuth } from "./validators/auth.js";
import { validateDefaults } from "./validators/default-value.js";
import { validateDeprecations } from "./validators/deprecated.js";
import { validateEnumShapes } from "./validators/enum-shape.js";
import { validateExamples } from "./validators/examples.js";
import { validateExclusiveMembers } from "./validators/exclusive-structure-member.js";
import { validateHttpBindings } from "./validators/http-bindings.js";
import { validateHttpLabels } from "./validators/http-label.js";
import { validateJsonNames } from "./validators/json-name.js";
import { validateLengthAndRange } from "./validators/length-range.js";
import { validateMetadataValidators } from "./validators/metadata-validators.js";
import { validateMixinShapes } from "./validators/mixin-shapes.js";
import { validateOperationInputOutput } from "./validators/operation-io.js";
import { validatePaginated } from "./validators/paginated.js";
import { validatePrivateAccess } from "./validators/private-access.js";
import { validateServiceClosures } from "./validators/service-closure.js";
import { validateShapeRecursion } from "./validators/shape-recursion.js";
import { validateTargets } from "./validators/target.js";
import { validateTraitConflicts } from "./validators/trait-conflict.js";
import { validateTraitDefinitions } from "./validators/trait-definitions.js";
import { validateTraitTargets } from "./validators/trait-target.js";
import { validateTraitValidators } from "./validators/trait-validators.js";
import { validateTraitValues } from "./validators/trait-value.js";
import { validateUnitTargets } from "./validators/unit-type.js";

/** The built-in validators, in the order their events are reported. */
const VALIDATORS: ((ctx: ValidationContext) => void)[] = [
  validateTraitDefinitions,
  validateMixinShapes,
  validateTargets,
  validateUnitTargets,
  validateOperationInputOutput,
  validateTraitTargets,
  validateTraitValues,
  validateTraitConflicts,
  validateEnumShapes,
  validateLengthAndRange,
  validateDefaults,
  validateShapeRecursion,
  validateExclusiveMembers,
  validateHttpLabels,
  validateHttpBindings,
  validateJsonNames,
  validatePaginated,
  validateExamples,
  validatePrivateAccess,
  validateServiceClosures,
  validateAuth,
  validateTraitValidators,
  validateDeprecations,
  validateMetadataValidators,
];

/**
 * Semantic validation of an assembled model (prelude included), as Smithy's built-in validators
 * do it: trait targets (selectors), trait values against their definitions, relationship
 * targets, enums, defaults, HTTP labels, service closures, and so on. Events come in validator
 * order, then model order; `@suppress` and `suppressions` metadata drop non-ERROR events.
 */
export function validateModel(
  model: Model,
  locate: (shapeOrMemberId: string) => SourceLocation | undefined,
  options: ValidateOptions = {},
): ValidationEvent[] {
  const index = new ModelIndex(model, options.validateBundled ?? false);
  const ctx = new ValidationContext(index, locate);
  for (const validator of VALIDATORS) validator(ctx);
  return applySuppressions(index, ctx.events);
}

export interface ValidateOptions {
  /**
   * Also validate the bundled prelude and AWS trait shapes, and report events about them
   * (skipped by default: they are known to be valid, which a test proves with this option).
   */
  validateBundled?: boolean;
}

export { ModelIndex } from "./model-index.js";
export { compileSelector, parseSelector, SelectorSyntaxError } from "./selector/index.js";
