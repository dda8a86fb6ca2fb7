/**
 * Smithy shapes to JSON Schema 2020-12, as smithy-jsonschema converts them (useIntegerType on):
 * simple shapes are inlined with their constraints; structures, unions, enums, lists and maps become
 * named components referenced by `$ref`, created on first use (so unused shapes never appear).
 */
import type { AstShape, MemberShape, Model, NodeValue } from "../../model/ast.js";
import type { JsonValue, SchemaObject } from "./document.js";
import { ordered } from "./key-order.js";
import { docs, has, memberTrait, obj, shapeName, str, T } from "./traits.js";

export type TimestampFormat = "epoch-seconds" | "date-time" | "http-date";

/** Where a value is serialized; it decides timestamp and blob encodings. */
export type Location = "body" | "path" | "query" | "header";

export interface SchemaSettings {
  /** restJson1 honours @jsonName; the awsJson protocols do not. */
  useJsonName: boolean;
  /** Body timestamp format when a member carries no @timestampFormat. */
  bodyTimestampFormat: TimestampFormat;
}

const PRELUDE_TYPES: Record<string, AstShape["type"]> = {
  String: "string",
  Blob: "blob",
  Boolean: "boolean",
  PrimitiveBoolean: "boolean",
  Byte: "byte",
  PrimitiveByte: "byte",
  Short: "short",
  PrimitiveShort: "short",
  Integer: "integer",
  PrimitiveInteger: "integer",
  Long: "long",
  PrimitiveLong: "long",
  Float: "float",
  PrimitiveFloat: "float",
  Double: "double",
  PrimitiveDouble: "double",
  BigInteger: "bigInteger",
  BigDecimal: "bigDecimal",
  Timestamp: "timestamp",
  Document: "document",
  Unit: "structure",
};

const INTEGER_FORMATS: Partial<Record<AstShape["type"], string>> = {
  integer: "int32",
  long: "int64",
};

export const UNIT = "smithy.api#Unit";

export class SchemaRegistry {
  /** Component schemas by component name. */
  readonly components = new Map<string, SchemaObject>();
  private readonly names = new Map<string, string>();
  private readonly owners = new Map<string, string>();

  constructor(
    private readonly model: Model,
    private readonly rename: Record<string, string>,
    readonly settings: SchemaSettings,
  ) {}

  /** The shape with this id; prelude shapes resolve whether or not the model bundles them. */
  shape(id: string): AstShape {
    if (id.startsWith("smithy.api#")) {
      const type = PRELUDE_TYPES[shapeName(id)];
      if (type) return type === "structure" ? { type, members: {} } : { type };
    }
    const shape = this.model.shapes[id];
    if (!shape) throw new Error(`OpenAPI: shape ${id} is referenced but not defined in the model`);
    return shape;
  }

  /** The component name of a shape: its service rename, else its shape name. */
  nameOf(id: string): string {
    return this.rename[id] ?? shapeName(id);
  }

  /** Reserves a component name for an owner id; two owners of one name are a modeling error. */
  reserve(name: string, owner: string): void {
    const existing = this.owners.get(name);
    if (existing !== undefined && existing !== owner) {
      throw new Error(
        `OpenAPI: component name ${name} is claimed by both ${existing} and ${owner}; ` +
          "add a `rename` to the service shape to tell them apart",
      );
    }
    this.owners.set(name, owner);
  }

  /** Adds a schema synthesized from an operation or error; returns a `$ref` to it. */
  putSynthesized(name: string, owner: string, schema: SchemaObject): SchemaObject {
    this.reserve(name, synthesizedOwner(name, owner));
    this.components.set(name, ordered(schema));
    return { $ref: pointer(name) };
  }

  /** Like putSynthesized, for schemas several operations share (error contents): made once. */
  synthesizeOnce(name: string, owner: string, make: () => SchemaObject): SchemaObject {
    if (!this.components.has(name)) return this.putSynthesized(name, owner, make());
    this.reserve(name, synthesizedOwner(name, owner));
    return { $ref: pointer(name) };
  }

  /** A `$ref` to the component of an aggregate or enum shape, creating it on first use. */
  refTo(id: string): SchemaObject {
    let name = this.names.get(id);
    if (name === undefined) {
      name = this.nameOf(id);
      this.reserve(name, id);
      this.names.set(id, name);
      const schema = this.shapeSchema(id, this.shape(id));
      this.components.set(name, ordered({ ...schema, "x-smithy-id": id }));
    }
    return { $ref: pointer(name) };
  }

  /** True for shapes that become components (Smithy's `isInlined` inverted). */
  isComponent(id: string): boolean {
    if (id === UNIT) return false;
    const shape = this.shape(id);
    switch (shape.type) {
      case "structure":
      case "union":
      case "enum":
      case "intEnum":
      case "list":
      case "set":
      case "map":
        return true;
      case "string":
        return has(shape.traits, T.enum);
      default:
        return false;
    }
  }

  /** The schema of a member where it is serialized: a `$ref` or an inlined simple schema. */
  memberSchema(member: MemberShape, location: Location = "body"): SchemaObject {
    const target = this.shape(member.target);
    const base = this.isComponent(member.target)
      ? this.refTo(member.target)
      : this.simpleSchema(target, member, location);
    const out: SchemaObject = { ...base };
    const description = str(member.traits, T.documentation);
    if (description !== undefined) out.description = description;
    else if (!out.$ref) {
      const targetDocs = docs(undefined, target);
      if (targetDocs !== undefined) out.description = targetDocs;
    }
    if (out.$ref) {
      // Member constraints narrow the referenced schema; the type keeps strict validators happy.
      if (applyConstraints(out, member.traits, target.type)) out.type = jsonType(target);
    }
    if (has(member.traits, T.default)) {
      const value = member.traits?.[T.default] as JsonValue;
      if (!(target.type === "timestamp" || target.type === "blob" || target.type === "document")) {
        out.default = value;
      }
    }
    if (has(member.traits, T.deprecated) && !out.$ref) out.deprecated = true;
    return ordered(out);
  }

  /** The properties/required of a structure restricted to some members, as one object schema. */
  objectSchema(
    members: [string, MemberShape][],
    extra?: { properties?: Record<string, SchemaObject>; required?: string[] },
  ): SchemaObject {
    const properties: Record<string, SchemaObject> = {};
    const required: string[] = [];
    for (const [name, member] of members) {
      const property = this.propertyName(name, member);
      properties[property] = this.memberSchema(member, "body");
      if (has(member.traits, T.required)) required.push(property);
    }
    Object.assign(properties, extra?.properties);
    required.push(...(extra?.required ?? []));
    const schema: SchemaObject = { type: "object", properties };
    if (required.length > 0) schema.required = required;
    return schema;
  }

  propertyName(name: string, member: MemberShape): string {
    return this.settings.useJsonName ? (str(member.traits, T.jsonName) ?? name) : name;
  }

  private shapeSchema(id: string, shape: AstShape): SchemaObject {
    const schema = this.aggregateSchema(id, shape);
    const description = str(shape.traits, T.documentation);
    if (description !== undefined) schema.description = description;
    const title = str(shape.traits, T.title);
    if (title !== undefined) schema.title = title;
    if (has(shape.traits, T.deprecated)) schema.deprecated = true;
    applyConstraints(schema, shape.traits, shape.type);
    return schema;
  }

  private aggregateSchema(id: string, shape: AstShape): SchemaObject {
    switch (shape.type) {
      case "structure":
        return this.objectSchema(Object.entries(shape.members ?? {}));
      case "union":
        return {
          oneOf: Object.entries(shape.members ?? {}).map(([name, member]) => {
            const property = this.propertyName(name, member);
            return {
              type: "object",
              title: property,
              properties: { [property]: this.memberSchema(member) },
              required: [property],
            };
          }),
        };
      case "list":
      case "set": {
        const member = expectMember(shape.member, id, "member");
        const items = this.memberSchema(member);
        const schema: SchemaObject = {
          type: "array",
          items: has(shape.traits, T.sparse) ? nullable(items) : items,
        };
        if (shape.type === "set") schema.uniqueItems = true;
        return schema;
      }
      case "map": {
        const key = this.memberSchema(expectMember(shape.key, id, "key"));
        const value = this.memberSchema(expectMember(shape.value, id, "value"));
        return {
          type: "object",
          propertyNames: key,
          additionalProperties: has(shape.traits, T.sparse) ? nullable(value) : value,
        };
      }
      case "enum":
        return {
          type: "string",
          enum: Object.entries(shape.members ?? {}).map(
            ([name, member]) => str(member.traits, T.enumValue) ?? name,
          ),
        };
      case "intEnum":
        return {
          type: "integer",
          enum: Object.values(shape.members ?? {}).map((member) => {
            const value = member.traits?.[T.enumValue];
            if (typeof value !== "number")
              throw new Error(`OpenAPI: intEnum ${id} member lacks a number value`);
            return value;
          }),
        };
      case "string": {
        const values = shape.traits?.[T.enum];
        if (!Array.isArray(values)) throw new Error(`OpenAPI: ${id} is not an enum`);
        return { type: "string", enum: values.map((entry) => enumTraitValue(entry, id)) };
      }
      default:
        throw new Error(`OpenAPI: ${id} (${shape.type}) cannot become a component schema`);
    }
  }

  /** Inlined schema of a simple shape, with target and member constraints. */
  private simpleSchema(target: AstShape, member: MemberShape, location: Location): SchemaObject {
    const schema = this.baseSimpleSchema(target, member, location);
    applyConstraints(schema, target.traits, target.type);
    applyConstraints(schema, member.traits, target.type);
    const mediaType = mediaTypeOf(member, target);
    if (mediaType !== undefined && (target.type === "blob" || target.type === "string")) {
      schema.contentMediaType = mediaType;
    }
    if (has(target.traits, T.deprecated)) schema.deprecated = true;
    const sensitive = has(target.traits, T.sensitive) || has(member.traits, T.sensitive);
    if (sensitive && target.type === "string" && schema.format === undefined)
      schema.format = "password";
    return schema;
  }

  private baseSimpleSchema(
    target: AstShape,
    member: MemberShape,
    location: Location,
  ): SchemaObject {
    switch (target.type) {
      case "blob":
        // Blobs are base64 in JSON bodies, headers and query strings alike.
        return { type: "string", contentEncoding: "base64" };
      case "string":
        // A @mediaType string in a header is base64 encoded (HTTP binding rules).
        return location === "header" && mediaTypeOf(member, target) !== undefined
          ? { type: "string", contentEncoding: "base64" }
          : { type: "string" };
      case "boolean":
        return { type: "boolean" };
      case "byte":
      case "short":
      case "integer":
      case "long": {
        const schema: SchemaObject = { type: "integer" };
        const format = INTEGER_FORMATS[target.type];
        if (format) schema.format = format;
        return schema;
      }
      case "float":
        return { type: "number", format: "float" };
      case "double":
        return { type: "number", format: "double" };
      case "bigInteger":
      case "bigDecimal":
        return { type: "number" };
      case "timestamp":
        return timestampSchema(this.timestampFormat(member, target, location));
      case "document":
        return {};
      case "structure":
        // smithy.api#Unit in a union member: an empty object.
        return { type: "object" };
      default:
        throw new Error(`OpenAPI: ${target.type} is not a simple shape`);
    }
  }

  private timestampFormat(
    member: MemberShape,
    target: AstShape,
    location: Location,
  ): TimestampFormat {
    const explicit = memberTrait(member, target, T.timestampFormat);
    if (explicit === "epoch-seconds" || explicit === "date-time" || explicit === "http-date")
      return explicit;
    if (location === "header") return "http-date";
    if (location === "path" || location === "query") return "date-time";
    return this.settings.bodyTimestampFormat;
  }
}

function synthesizedOwner(name: string, owner: string): string {
  return `${owner} (synthesized ${name})`;
}

export function pointer(name: string): string {
  return `#/components/schemas/${name}`;
}

/** The JSON type of a shape that became a component. */
function jsonType(shape: AstShape): string | undefined {
  switch (shape.type) {
    case "list":
    case "set":
      return "array";
    case "map":
    case "structure":
      return "object";
    case "enum":
    case "string":
      return "string";
    case "intEnum":
      return "integer";
    default:
      return undefined;
  }
}

function timestampSchema(format: TimestampFormat): SchemaObject {
  switch (format) {
    case "epoch-seconds":
      // "double": epoch seconds may carry a fraction (milliseconds), as smithy-openapi notes.
      return { type: "number", format: "double" };
    case "date-time":
      return { type: "string", format: "date-time" };
    case "http-date":
      return { type: "string" };
  }
}

function mediaTypeOf(member: MemberShape, target: AstShape): string | undefined {
  const value = memberTrait(member, target, T.mediaType);
  return typeof value === "string" ? value : undefined;
}

/**
 * @length, @range and @pattern as JSON Schema keywords; @length reads by the target's kind.
 * Returns whether any keyword was set.
 */
function applyConstraints(
  schema: SchemaObject,
  traits: Record<string, NodeValue> | undefined,
  type: AstShape["type"],
): boolean {
  const before = JSON.stringify(schema);
  const pattern = str(traits, T.pattern);
  if (pattern !== undefined) schema.pattern = pattern;
  const range = obj(traits, T.range);
  if (typeof range?.min === "number") schema.minimum = range.min;
  if (typeof range?.max === "number") schema.maximum = range.max;
  const length = obj(traits, T.length);
  if (length) {
    const min = typeof length.min === "number" ? length.min : undefined;
    const max = typeof length.max === "number" ? length.max : undefined;
    if (type === "list" || type === "set") {
      schema.minItems = min;
      schema.maxItems = max;
    } else if (type === "map") {
      schema.minProperties = min;
      schema.maxProperties = max;
    } else if (type === "string" || type === "enum") {
      schema.minLength = min;
      schema.maxLength = max;
    }
    // Blob @length counts bytes, not base64 characters: no JSON Schema keyword says that.
  }
  return JSON.stringify(schema) !== before;
}

function nullable(schema: SchemaObject): SchemaObject {
  return { anyOf: [schema, { type: "null" }] };
}

function expectMember(member: MemberShape | undefined, id: string, which: string): MemberShape {
  if (!member) throw new Error(`OpenAPI: ${id} has no ${which}`);
  return member;
}

function enumTraitValue(entry: NodeValue, id: string): string {
  if (
    entry &&
    typeof entry === "object" &&
    !Array.isArray(entry) &&
    typeof entry.value === "string"
  ) {
    return entry.value;
  }
  throw new Error(`OpenAPI: ${id} has a malformed @enum entry`);
}
