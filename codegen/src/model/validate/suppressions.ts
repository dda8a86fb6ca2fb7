import type { NodeValue, ValidationEvent } from "../ast.js";
import { BUNDLED_NAMESPACES, type ModelIndex, namespaceOf, rootOf } from "./model-index.js";

/**
 * Applies `@suppress` traits and `suppressions` metadata. ERROR events can never be suppressed;
 * suppressed events are dropped. Ids match hierarchically: `Foo` suppresses `Foo.Bar`. Like
 * Smithy with its prelude, non-ERROR events about the bundled models are not reported.
 */
export function applySuppressions(index: ModelIndex, events: ValidationEvent[]): ValidationEvent[] {
  const rules = metadataRules(index.metadata.suppressions);
  return events.filter((event) => {
    if (event.severity === "ERROR") return true;
    const bundled = event.shapeId && BUNDLED_NAMESPACES.has(namespaceOf(event.shapeId));
    if (bundled && !index.bundledAsUser) return false;
    return !(suppressedByTrait(index, event) || suppressedByMetadata(rules, event));
  });
}

function matchesId(rule: string, eventId: string): boolean {
  return eventId === rule || eventId.startsWith(`${rule}.`);
}

function suppressedByTrait(index: ModelIndex, event: ValidationEvent): boolean {
  if (!event.shapeId) return false;
  const ids = [event.shapeId];
  if (rootOf(event.shapeId) !== event.shapeId) ids.push(rootOf(event.shapeId));
  return ids.some((id) => {
    const list = index.get(id)?.traits["smithy.api#suppress"];
    return Array.isArray(list) && list.some((r) => typeof r === "string" && matchesId(r, event.id));
  });
}

interface MetadataRule {
  id: string;
  namespace: string;
}

function metadataRules(value: NodeValue | undefined): MetadataRule[] {
  if (!Array.isArray(value)) return [];
  const rules: MetadataRule[] = [];
  for (const item of value) {
    if (item === null || typeof item !== "object" || Array.isArray(item)) continue;
    if (typeof item.id === "string" && typeof item.namespace === "string")
      rules.push({ id: item.id, namespace: item.namespace });
  }
  return rules;
}

function suppressedByMetadata(rules: MetadataRule[], event: ValidationEvent): boolean {
  return rules.some(
    (rule) =>
      matchesId(rule.id, event.id) &&
      (rule.namespace === "*" ||
        (event.shapeId !== undefined && namespaceOf(event.shapeId) === rule.namespace)),
  );
}
