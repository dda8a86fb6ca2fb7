import type { AstShape, MemberShape, Traits } from "../../model/ast.js";
import { hasDefault, hasTrait, type ServiceView, trait, UNIT } from "../service-view.js";
import { enumValues, legacyEnumValues } from "../typescript-types.js";

/**
 * JSON Schemas of Smithy shapes, for ajv: the value checked is the operation input or output as
 * the user (or the server implementation) holds it, so timestamps are Dates and blobs
 * Uint8Arrays; the `smithyType` keyword (see ./keywords.ts) checks those, and float NaN/Infinity.
 *
 * Structures and unions get an `$id` and are referenced (they are where recursion can happen);
 * every other shape is inlined with its constraints.
 */
export type JsonSchema = { [key: string]: unknown };

export function schemaId(shapeId: string): string {
  return `urn:smithy:${shapeId.replace("#", ":")}`;
}

/**
 * A `long` holds 64 bits; a JS number, exactly, 53. The bounds are the 64-bit ones (as doubles,
 * ±2^63): a value past 2^53 that the wire carried validates, as the number JSON.parse made of it
 * (the nearest double: digits beyond 2^53 are lost in parsing, before validation sees them).
 */
const integerBounds: Record<string, [number, number]> = {
  byte: [-128, 127],
  short: [-32768, 32767],
  integer: [-2147483648, 2147483647],
  long: [-(2 ** 63), 2 ** 63],
};

/** The schema of a reference to `id`, constrained further by the member's own traits. */
export function refSchema(view: ServiceView, id: string, memberTraits?: Traits): JsonSchema {
  if (id === UNIT) return { type: "object" };
  const shape = view.get(id);
  if (shape.type === "structure" || shape.type === "union") {
    return withConstraints(view, id, { $ref: schemaId(id) }, memberTraits);
  }
  return withConstraints(view, id, inlineSchema(view, id), memberTraits);
}

function inlineSchema(view: ServiceView, id: string): JsonSchema {
  const shape = view.get(id);
  switch (shape.type) {
    case "string": {
      const values = legacyEnumValues(shape);
      return values ? withListed({ type: "string", enum: values }, shape) : { type: "string" };
    }
    case "enum":
      return withListed({ type: "string", enum: enumValues(shape) }, shape);
    case "intEnum":
      return { type: "integer", enum: enumValues(shape) };
    case "boolean":
      return { type: "boolean" };
    case "byte":
    case "short":
    case "integer":
    case "long":
      return { type: "integer" };
    case "float":
    case "double":
      return { smithyType: "float" };
    case "bigInteger":
      return { type: "integer" };
    case "bigDecimal":
      return { type: "number" };
    case "timestamp":
      return { smithyType: "timestamp" };
    case "blob":
      return { smithyType: "blob" };
    case "document":
      return {};
    case "list":
    case "set": {
      const item = refSchema(view, shape.member!.target, shape.member!.traits);
      const schema: JsonSchema = {
        type: "array",
        items: hasTrait(shape.traits, "sparse") ? { anyOf: [{ type: "null" }, item] } : item,
      };
      if (shape.type === "set" || hasTrait(shape.traits, "uniqueItems")) schema.uniqueItems = true;
      return schema;
    }
    case "map": {
      const value = refSchema(view, shape.value!.target, shape.value!.traits);
      const key = refSchema(view, shape.key!.target, shape.key!.traits);
      const schema: JsonSchema = {
        type: "object",
        additionalProperties: hasTrait(shape.traits, "sparse")
          ? { anyOf: [{ type: "null" }, value] }
          : value,
      };
      delete key.type;
      if (Object.keys(key).length > 0) schema.propertyNames = key;
      return schema;
    }
    default:
      throw new Error(`no JSON Schema for ${shape.type} shape ${id}`);
  }
}

/**
 * `smithyListedValues` (an annotation, see ./keywords.ts): the enum values an error message may
 * list, when some are internal (`@internal` members; legacy `@enum` entries tagged "internal").
 */
function withListed(schema: JsonSchema, shape: AstShape): JsonSchema {
  const legacy = trait<{ value: string; tags?: string[] }[]>(shape.traits, "enum");
  const listed =
    shape.type === "string"
      ? (legacy ?? []).filter((v) => !v.tags?.includes("internal")).map((v) => v.value)
      : Object.entries(shape.members ?? {})
          .filter(([, m]) => !hasTrait(m.traits, "internal"))
          .map(([name, m]) => trait<string>(m.traits, "enumValue") ?? name);
  if (listed.length !== (schema.enum as unknown[]).length) schema.smithyListedValues = listed;
  return schema;
}

/** Adds @length, @range and @pattern, the member's overriding the shape's. */
function withConstraints(
  view: ServiceView,
  id: string,
  schema: JsonSchema,
  memberTraits: Traits | undefined,
): JsonSchema {
  const shape = view.get(id);
  const shapeTraits = shape.traits;
  const pick = <T>(name: string): T | undefined =>
    trait<T>(memberTraits, name) ?? trait<T>(shapeTraits, name);
  const length = pick<{ min?: number; max?: number }>("length");
  const range = pick<{ min?: number; max?: number }>("range");
  const pattern = pick<string>("pattern");
  const type = shape.type;
  if (length) {
    const [min, max] =
      type === "string"
        ? ["minLength", "maxLength"]
        : type === "list" || type === "set"
          ? ["minItems", "maxItems"]
          : type === "map"
            ? ["minProperties", "maxProperties"]
            : type === "blob"
              ? ["minBytes", "maxBytes"]
              : [];
    if (min && length.min !== undefined) schema[min] = length.min;
    if (max && length.max !== undefined) schema[max] = length.max;
  }
  const bounds = integerBounds[type];
  const minimum = range?.min ?? bounds?.[0];
  const maximum = range?.max ?? bounds?.[1];
  if (minimum !== undefined) schema.minimum = Math.max(minimum, bounds?.[0] ?? -Infinity);
  if (maximum !== undefined) schema.maximum = Math.min(maximum, bounds?.[1] ?? Infinity);
  if (typeof pattern === "string" && type === "string") schema.pattern = pattern;
  return schema;
}

/** The schemas of the structures and unions a root reaches, keyed by `$id`. */
export function aggregateSchemas(view: ServiceView, roots: string[]): Map<string, JsonSchema> {
  const out = new Map<string, JsonSchema>();
  const visit = (id: string): void => {
    if (id === UNIT || out.has(schemaId(id))) return;
    const shape = view.get(id);
    if (shape.type === "structure" || shape.type === "union") {
      out.set(schemaId(id), aggregateSchema(view, id));
    }
    const members: MemberShape[] = [
      ...Object.values(shape.members ?? {}),
      ...[shape.member, shape.key, shape.value].filter((m): m is MemberShape => m !== undefined),
    ];
    if (shape.type === "enum" || shape.type === "intEnum") return;
    for (const m of members) visit(m.target);
  };
  roots.forEach(visit);
  return out;
}

function aggregateSchema(view: ServiceView, id: string): JsonSchema {
  const shape = view.get(id);
  const members = Object.entries(shape.members ?? {});
  const properties: JsonSchema = {};
  if (shape.type === "union") {
    for (const [name, member] of members) {
      properties[name] = refSchema(view, member.target, member.traits);
    }
    return {
      $id: schemaId(id),
      type: "object",
      properties,
      oneOf: members.map(([name]) => ({ required: [name] })),
    };
  }
  // A required member with a default, or an idempotency token, may be left out: it is filled in.
  const required = members
    .filter(
      ([, m]) =>
        hasTrait(m.traits, "required") &&
        !hasDefault(m.traits) &&
        !hasTrait(m.traits, "idempotencyToken") &&
        !hasTrait(m.traits, "clientOptional"),
    )
    .map(([name]) => name);
  for (const [name, member] of members) {
    const schema = refSchema(view, member.target, member.traits);
    // An optional member may be null: the JSON protocols treat it as absent (it is not sent, and
    // a null read is dropped).
    properties[name] = required.includes(name) ? schema : { orNull: schema };
  }
  const schema: JsonSchema = { $id: schemaId(id), type: "object", properties };
  if (required.length > 0) schema.required = required;
  return schema;
}
