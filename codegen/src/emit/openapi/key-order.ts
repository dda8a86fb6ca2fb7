/** Canonical key orders for emitted objects, so output is stable and reads top-down. */
import type { OperationObject, ParameterObject, SchemaObject } from "./document.js";

const SCHEMA_KEYS = [
  "$ref",
  "type",
  "title",
  "description",
  "format",
  "const",
  "enum",
  "default",
  "pattern",
  "minLength",
  "maxLength",
  "minimum",
  "maximum",
  "minItems",
  "maxItems",
  "minProperties",
  "maxProperties",
  "uniqueItems",
  "contentEncoding",
  "contentMediaType",
  "deprecated",
  "items",
  "properties",
  "required",
  "propertyNames",
  "additionalProperties",
  "oneOf",
  "anyOf",
  "discriminator",
  "x-smithy-id",
] as const;

const PARAMETER_KEYS = [
  "name",
  "in",
  "description",
  "required",
  "deprecated",
  "style",
  "explode",
  "schema",
] as const;

const OPERATION_KEYS = [
  "operationId",
  "description",
  "deprecated",
  "parameters",
  "requestBody",
  "responses",
  "security",
  "x-smithy-id",
] as const;

/** Returns the schema with its keys in canonical order and undefined values dropped. */
export function ordered(schema: SchemaObject): SchemaObject {
  return orderKeys(schema, SCHEMA_KEYS);
}

export function orderedParameter(parameter: ParameterObject): ParameterObject {
  return orderKeys(parameter, PARAMETER_KEYS);
}

export function orderedOperation(operation: OperationObject): OperationObject {
  return orderKeys(operation, OPERATION_KEYS);
}

/** Known keys first in the given order, then any others sorted; undefined values dropped. */
function orderKeys<T extends object>(value: T, order: readonly string[]): T {
  const out: Record<string, unknown> = {};
  const source = value as Record<string, unknown>;
  for (const key of order) {
    if (source[key] !== undefined) out[key] = source[key];
  }
  for (const key of Object.keys(source).sort()) {
    if (!(key in out) && source[key] !== undefined) out[key] = source[key];
  }
  return out as T;
}
