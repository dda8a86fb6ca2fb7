import type { AstShape, Model, NodeValue } from "@docsmith/codegen";

/**
 * A test case's `params` (Smithy node values) as the values TypeScript code passes and receives:
 * timestamps as Date (params give epoch seconds), blobs as Uint8Array (params give their text),
 * "NaN"/"Infinity"/"-Infinity" floats as numbers; documents, strings and numbers as they are.
 * Walks the Smithy model, not the generated schemas, so a generator bug cannot hide itself here.
 *
 * `nullMembers: "absent"` reads a null structure member as an absent one (what a reader of the
 * message sees: the protocols carry no null members); "keep" passes it on, for cases testing that
 * a writer leaves nulls out.
 */
export function toTypeScriptValue(
  model: Model,
  shapeId: string,
  value: NodeValue,
  nullMembers: "keep" | "absent" = "keep",
): unknown {
  if (value === null) return null;
  const shape = model.shapes[shapeId];
  if (!shape) throw new Error(`params name a shape the model lacks: ${shapeId}`);
  switch (shape.type) {
    case "timestamp":
      if (typeof value === "number") return new Date(Math.round(value * 1000));
      if (typeof value === "string") return new Date(value);
      throw new Error(
        `${shapeId}: a timestamp param must be a number, got ${JSON.stringify(value)}`,
      );
    case "blob":
      if (typeof value !== "string") throw new Error(`${shapeId}: a blob param must be a string`);
      return new TextEncoder().encode(value);
    case "float":
    case "double":
      if (value === "NaN") return Number.NaN;
      if (value === "Infinity") return Number.POSITIVE_INFINITY;
      if (value === "-Infinity") return Number.NEGATIVE_INFINITY;
      return value;
    case "list":
    case "set":
      if (!Array.isArray(value)) throw new Error(`${shapeId}: a list param must be an array`);
      return value.map((item) => toTypeScriptValue(model, shape.member!.target, item, nullMembers));
    case "map": {
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(objectOf(value, shapeId))) {
        out[key] = toTypeScriptValue(model, shape.value!.target, item, nullMembers);
      }
      return out;
    }
    case "structure":
    case "union":
      return structureValue(model, shapeId, shape, value, nullMembers);
    default:
      return value;
  }
}

function structureValue(
  model: Model,
  shapeId: string,
  shape: AstShape,
  value: NodeValue,
  nullMembers: "keep" | "absent",
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, item] of Object.entries(objectOf(value, shapeId))) {
    const member = shape.members?.[name];
    if (!member) throw new Error(`params name ${shapeId} member ${name}, which it lacks`);
    if (item === null && nullMembers === "absent") continue;
    out[name] = toTypeScriptValue(model, member.target, item, nullMembers);
  }
  return out;
}

function objectOf(value: NodeValue, shapeId: string): Record<string, NodeValue> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new Error(`${shapeId}: params must be an object here, got ${JSON.stringify(value)}`);
  }
  return value;
}

/**
 * The smallest valid value of a shape: every required member filled, honouring enums, @length
 * and @range minimums. Used where a case needs some request to reach its operation (response
 * tests) but says nothing about the input.
 */
export function sampleValue(model: Model, shapeId: string, depth = 0): unknown {
  const shape = model.shapes[shapeId];
  if (!shape || depth > 32) return undefined;
  const traits = shape.traits ?? {};
  const length = traits["smithy.api#length"] as { min?: number } | undefined;
  const range = traits["smithy.api#range"] as { min?: number } | undefined;
  switch (shape.type) {
    case "string": {
      const legacyEnum = traits["smithy.api#enum"] as { value: string }[] | undefined;
      if (legacyEnum?.[0]) return legacyEnum[0].value;
      return "a".repeat(Math.max(1, length?.min ?? 1));
    }
    case "enum": {
      const [name, member] = Object.entries(shape.members ?? {})[0] ?? [];
      return (member?.traits?.["smithy.api#enumValue"] as string | undefined) ?? name;
    }
    case "intEnum": {
      const member = Object.values(shape.members ?? {})[0];
      return member?.traits?.["smithy.api#enumValue"] ?? 0;
    }
    case "byte":
    case "short":
    case "integer":
    case "long":
    case "float":
    case "double":
    case "bigInteger":
    case "bigDecimal":
      return range?.min ?? 1;
    case "boolean":
      return true;
    case "timestamp":
      return new Date(0);
    case "blob":
      return new TextEncoder().encode("a".repeat(Math.max(1, length?.min ?? 1)));
    case "document":
      return {};
    case "list":
    case "set":
      return Array.from({ length: length?.min ?? 0 }, () =>
        sampleValue(model, shape.member!.target, depth + 1),
      );
    case "map":
      return {};
    case "union": {
      const [name, member] = Object.entries(shape.members ?? {})[0] ?? [];
      return name ? { [name]: sampleValue(model, member!.target, depth + 1) } : {};
    }
    case "structure": {
      const out: Record<string, unknown> = {};
      for (const [name, member] of Object.entries(shape.members ?? {})) {
        if (member.traits?.["smithy.api#required"] === undefined) continue;
        out[name] = sampleValue(model, member.target, depth + 1);
      }
      return out;
    }
    default:
      return undefined;
  }
}
