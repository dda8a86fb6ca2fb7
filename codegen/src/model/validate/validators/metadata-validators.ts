import type { NodeValue, Severity } from "../../ast.js";
import type { ValidationContext } from "../context.js";
import { namespaceOf } from "../model-index.js";
import { SelectorSyntaxError } from "../selector/index.js";

/**
 * Validators declared in the model's `validators` metadata: `EmitEachSelector` (an event per
 * matching shape) and `EmitNoneSelector` (an event when nothing matches). Unknown validator
 * names are a WARNING with id `UnknownValidator_<name>`, as in Smithy.
 */
const SEVERITIES = new Set(["ERROR", "DANGER", "WARNING", "NOTE"]);

type Definition = { [key: string]: NodeValue };

export function validateMetadataValidators(ctx: ValidationContext): void {
  const list = ctx.index.metadata.validators;
  if (!Array.isArray(list)) return;
  for (const item of list) {
    if (item === null || typeof item !== "object" || Array.isArray(item)) continue;
    if (typeof item.name !== "string") continue;
    const config = item.configuration;
    const selectorText =
      config !== null &&
      typeof config === "object" &&
      !Array.isArray(config) &&
      typeof config.selector === "string"
        ? config.selector
        : undefined;
    if (item.name !== "EmitEachSelector" && item.name !== "EmitNoneSelector") {
      ctx.emit(
        `UnknownValidator_${item.name}`,
        "WARNING",
        undefined,
        `Unable to locate a validator named \`${item.name}\``,
      );
      continue;
    }
    if (selectorText === undefined) continue;
    run(ctx, item, item.name, selectorText);
  }
}

function run(ctx: ValidationContext, item: Definition, name: string, selectorText: string): void {
  const id = typeof item.id === "string" ? item.id : name;
  const severity = (
    typeof item.severity === "string" && SEVERITIES.has(item.severity) ? item.severity : "DANGER"
  ) as Severity;
  const namespaces = Array.isArray(item.namespaces)
    ? new Set(item.namespaces.filter((n): n is string => typeof n === "string"))
    : undefined;
  const selected = ctx.select(selectorText);
  if (selected instanceof SelectorSyntaxError) {
    ctx.emit(
      "Model",
      "ERROR",
      undefined,
      `Invalid selector in validator \`${id}\`: ${selected.message}`,
    );
    return;
  }
  const matches = [...selected].filter((s) => !namespaces || namespaces.has(namespaceOf(s.id)));
  const message = typeof item.message === "string" ? item.message : undefined;
  if (name === "EmitNoneSelector") {
    if (matches.length === 0)
      ctx.emit(
        id,
        severity,
        undefined,
        message ?? `Expected at least one shape to match selector: ${selectorText}`,
      );
    return;
  }
  for (const shape of matches) {
    ctx.emit(
      id,
      severity,
      shape.id,
      message ?? `Selector capture matched selector: ${selectorText}`,
    );
  }
}
