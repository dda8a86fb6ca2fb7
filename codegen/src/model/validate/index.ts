import type { Model, SourceLocation, ValidationEvent } from "../ast.js";

/**
 * Semantic validation of an assembled model (prelude included), as Smithy's validators do it:
 * trait targets (selectors), trait values against their definitions, member rules, and so on.
 * Placeholder: the validation work replaces this module.
 */
export function validateModel(
  _model: Model,
  _locate: (shapeOrMemberId: string) => SourceLocation | undefined,
): ValidationEvent[] {
  return [];
}
