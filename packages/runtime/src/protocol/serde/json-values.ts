import {
  deref,
  type MemberSchema,
  type SchemaRef,
  type StructureSchema,
  type TimestampFormat,
  type UnionSchema,
} from "../../schema.js";
import { serializationError } from "../errors.js";
import { fromBase64, toBase64, utf8Encode } from "./base64.js";
import { fitsWidth } from "./integer-width.js";
import { ownValue, setOwn } from "./own-property.js";
import { formatTimestamp, parseTimestamp } from "./timestamps.js";

/**
 * Schema-driven conversion between operation values (Dates, Uint8Arrays, numbers) and the JSON
 * values the AWS JSON protocols put on the wire. Shared by awsJson1_0/1_1 and restJson1; the one
 * difference between them at this level is whether `@jsonName` renames keys.
 */
export interface JsonCodecOptions {
  /** restJson1 honours `@jsonName`; awsJson ignores it. */
  readonly jsonName: boolean;
  /** Who writes: the client leaves out `@clientOptional` defaults, the server fills them. */
  readonly side: "client" | "server";
}

type Struct = StructureSchema | UnionSchema;
type MemberEntry = readonly [name: string, member: MemberSchema];

const readKeys = new WeakMap<Struct, Map<string, MemberEntry>>();
const readKeysJsonName = new WeakMap<Struct, Map<string, MemberEntry>>();
const defaultsCache = new WeakMap<Struct, readonly MemberEntry[]>();

/** Wire key -> member, computed once per schema. */
function membersByWireKey(schema: Struct, jsonName: boolean): Map<string, MemberEntry> {
  const cache = jsonName ? readKeysJsonName : readKeys;
  let map = cache.get(schema);
  if (!map) {
    map = new Map();
    for (const [name, member] of Object.entries(schema.members)) {
      map.set(jsonName ? (member.jsonName ?? name) : name, [name, member]);
    }
    cache.set(schema, map);
  }
  return map;
}

function membersWithDefaults(schema: Struct): readonly MemberEntry[] {
  let list = defaultsCache.get(schema);
  if (!list) {
    list = Object.entries(schema.members).filter(([, m]) => m.default !== undefined);
    defaultsCache.set(schema, list);
  }
  return list;
}

/** Which message a structure is in: HTTP bindings differ between requests and responses. */
export type Message = "request" | "response";

/** Bindings that place a member outside a response's body (query and labels do not). */
const RESPONSE_BINDINGS = new Set(["header", "prefixHeaders", "payload", "responseCode"]);

/**
 * Whether a member travels outside the JSON body of `message`: in a request every binding but
 * `@hostLabel` (also in the body) does; in a response (and error) only headers, prefix headers,
 * the payload and the status code, while `@httpQuery`/`@httpLabel` members are body members.
 */
export function isBound(member: MemberSchema, message: Message = "request"): boolean {
  const http = member.http;
  if (http === undefined) return false;
  return message === "request" ? http.in !== "hostLabel" : RESPONSE_BINDINGS.has(http.in);
}

/** The model's default (a JSON value) as an operation value. */
export function defaultValue(member: MemberSchema): unknown {
  return readJsonValue(member.default, member.target, member.timestampFormat, SERVER_READ, "");
}
const SERVER_READ: JsonCodecOptions = { jsonName: false, side: "server" };

// ---------------------------------------------------------------------------------------------
// Writing

/**
 * A structure as a JSON object. `fillDefaults` says whether this level's missing members get
 * their `@default` (clients skip it at the top level of input, per the Smithy defaults tests);
 * nested structures always get them. `skipBound` leaves out members with HTTP bindings in that
 * message.
 */
export function writeStructure(
  value: Record<string, unknown>,
  schema: StructureSchema,
  opts: JsonCodecOptions,
  fillDefaults = true,
  skipBound: false | Message = false,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const members = schema.members;
  for (const name in value) {
    const member = ownValue(members, name);
    if (member === undefined || (skipBound && isBound(member, skipBound))) continue;
    const v = value[name];
    if (v === undefined || v === null) continue;
    setOwn(
      out,
      opts.jsonName ? (member.jsonName ?? name) : name,
      writeJsonValue(v, member.target, member.timestampFormat, opts),
    );
  }
  if (fillDefaults) {
    for (const [name, member] of membersWithDefaults(schema)) {
      if (value[name] !== undefined && value[name] !== null) continue;
      if (skipBound && isBound(member, skipBound)) continue;
      if (opts.side === "client" && member.clientOptional) continue;
      setOwn(
        out,
        opts.jsonName ? (member.jsonName ?? name) : name,
        writeJsonValue(defaultValue(member), member.target, member.timestampFormat, opts),
      );
    }
  }
  return out;
}

function writeUnion(
  value: Record<string, unknown>,
  schema: UnionSchema,
  opts: JsonCodecOptions,
): Record<string, unknown> {
  for (const name in value) {
    const v = value[name];
    if (v === undefined || v === null) continue;
    if (name === "$unknown" && Array.isArray(v)) return { [String(v[0])]: v[1] };
    const member = ownValue(schema.members, name);
    if (member === undefined) continue;
    const key = opts.jsonName ? (member.jsonName ?? name) : name;
    return { [key]: writeJsonValue(v, member.target, member.timestampFormat, opts) };
  }
  return {};
}

/** One value as its JSON form; `tsFormat` is the member's `@timestampFormat`, if any. */
export function writeJsonValue(
  value: unknown,
  ref: SchemaRef,
  tsFormat: TimestampFormat | undefined,
  opts: JsonCodecOptions,
): unknown {
  const schema = deref(ref);
  switch (schema.type) {
    case "string":
    case "enum":
    case "boolean":
    case "integer":
    case "intEnum":
    case "document":
      return value;
    case "float":
      if (typeof value === "number" && !Number.isFinite(value)) {
        return Number.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity";
      }
      return value;
    case "bigInteger":
    case "bigDecimal":
      return typeof value === "bigint" ? Number(value) : value;
    case "blob":
      return toBase64(typeof value === "string" ? utf8Encode(value) : (value as Uint8Array));
    case "timestamp":
      return formatTimestamp(toDate(value), tsFormat ?? schema.format ?? "epoch-seconds");
    case "list": {
      const out: unknown[] = [];
      const tf = schema.memberTimestampFormat;
      for (const item of value as unknown[]) {
        if (item === null || item === undefined) {
          if (schema.sparse) out.push(null);
          continue;
        }
        out.push(writeJsonValue(item, schema.member, tf, opts));
      }
      return out;
    }
    case "map": {
      const out: Record<string, unknown> = {};
      const src = value as Record<string, unknown>;
      const tf = schema.valueTimestampFormat;
      for (const key of Object.keys(src)) {
        const item = src[key];
        if (item === null || item === undefined) {
          if (schema.sparse) setOwn(out, key, null);
          continue;
        }
        setOwn(out, key, writeJsonValue(item, schema.value, tf, opts));
      }
      return out;
    }
    case "structure":
      return writeStructure(value as Record<string, unknown>, schema, opts);
    case "union":
      return writeUnion(value as Record<string, unknown>, schema, opts);
  }
}

export function toDate(value: unknown): Date {
  if (value instanceof Date) return value;
  if (typeof value === "number") return new Date(value * 1000);
  if (typeof value === "string") return new Date(value);
  throw new TypeError(`Expected a Date, got ${typeof value}`);
}

// ---------------------------------------------------------------------------------------------
// Reading

/** The strings JSON carries for non-finite floats (a Map: `"toString"` is not one of them). */
const NON_FINITE = new Map<unknown, number>([
  ["NaN", Number.NaN],
  ["Infinity", Number.POSITIVE_INFINITY],
  ["-Infinity", Number.NEGATIVE_INFINITY],
]);

function typeName(v: unknown): string {
  return v === null ? "null" : Array.isArray(v) ? "array" : typeof v;
}

function mismatch(path: string, expected: string, got: unknown): never {
  throw serializationError(`Expected ${expected} at '${path || "$"}', got ${typeName(got)}`);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * A JSON object as a structure's value: keys mapped back to member names, unknown keys (and
 * `__type`) ignored, nulls dropped, missing members with a `@default` filled in.
 */
export function readStructure(
  json: unknown,
  schema: StructureSchema,
  opts: JsonCodecOptions,
  path = "",
  skipBound: false | Message = false,
  into: Record<string, unknown> = {},
): Record<string, unknown> {
  if (!isObject(json)) mismatch(path, "object", json);
  const keys = membersByWireKey(schema, opts.jsonName);
  for (const key in json) {
    const entry = keys.get(key);
    if (entry === undefined) continue;
    const [name, member] = entry;
    if (skipBound && isBound(member, skipBound)) continue;
    const v = json[key];
    if (v === null || v === undefined) continue;
    setOwn(
      into,
      name,
      readJsonValue(v, member.target, member.timestampFormat, opts, join(path, name)),
    );
  }
  for (const [name, member] of membersWithDefaults(schema)) {
    if (into[name] === undefined && !(skipBound && isBound(member, skipBound))) {
      setOwn(into, name, defaultValue(member));
    }
  }
  return into;
}

function readUnion(
  json: unknown,
  schema: UnionSchema,
  opts: JsonCodecOptions,
  path: string,
): Record<string, unknown> {
  if (!isObject(json)) mismatch(path, "object", json);
  const keys = membersByWireKey(schema, opts.jsonName);
  let out: Record<string, unknown> | undefined;
  for (const key in json) {
    const v = json[key];
    if (v === null || v === undefined || key === "__type") continue;
    if (out !== undefined) {
      throw serializationError(`Union at '${path || "$"}' has more than one member set`);
    }
    const entry = keys.get(key);
    if (entry === undefined && opts.side === "server") {
      // Clients keep a member they do not know as `$unknown`; a server must not guess.
      throw serializationError(`Union at '${path || "$"}' has an unknown member '${key}'`);
    }
    out = entry
      ? {
          [entry[0]]: readJsonValue(
            v,
            entry[1].target,
            entry[1].timestampFormat,
            opts,
            join(path, entry[0]),
          ),
        }
      : { $unknown: [key, v] };
  }
  if (out === undefined) throw serializationError(`Union at '${path || "$"}' has no member set`);
  return out;
}

function join(path: string, name: string): string {
  return path ? `${path}.${name}` : name;
}

export function readJsonValue(
  json: unknown,
  ref: SchemaRef,
  tsFormat: TimestampFormat | undefined,
  opts: JsonCodecOptions,
  path: string,
): unknown {
  const schema = deref(ref);
  switch (schema.type) {
    case "string":
      return typeof json === "string" ? json : mismatch(path, "string", json);
    case "enum":
      return typeof json === "string" ? json : mismatch(path, "string", json);
    case "boolean":
      return typeof json === "boolean" ? json : mismatch(path, "boolean", json);
    case "integer":
      if (!Number.isInteger(json)) return mismatch(path, "integer", json);
      // Servers refuse a number past the shape's width (RestJsonBody*UnderflowOverflow).
      if (opts.side === "server" && !fitsWidth(json as number, schema.width)) {
        throw serializationError(
          `Value at '${path || "$"}' does not fit ${/^[aeiou]/.test(schema.width ?? "") ? "an" : "a"} ${schema.width}`,
        );
      }
      return json;
    case "intEnum":
      return Number.isInteger(json) ? json : mismatch(path, "integer", json);
    case "float":
      if (typeof json === "number") return json;
      if (NON_FINITE.has(json)) return NON_FINITE.get(json);
      return mismatch(path, "number", json);
    case "bigInteger":
    case "bigDecimal":
      return typeof json === "number" ? json : mismatch(path, "number", json);
    case "document":
      return json;
    case "blob": {
      if (typeof json !== "string") return mismatch(path, "base64 string", json);
      const bytes = fromBase64(json);
      if (!bytes) throw serializationError(`Invalid base64 at '${path || "$"}'`);
      return bytes;
    }
    case "timestamp": {
      const format = tsFormat ?? schema.format ?? "epoch-seconds";
      // A JSON body timestamp is a number for epoch-seconds and a string otherwise.
      if (format === "epoch-seconds" ? typeof json !== "number" : typeof json !== "string") {
        return mismatch(path, `timestamp (${format})`, json);
      }
      const date = parseTimestamp(json, format, opts.side === "server");
      if (!date) throw serializationError(`Invalid ${format} timestamp at '${path || "$"}'`);
      return date;
    }
    case "list": {
      if (!Array.isArray(json)) return mismatch(path, "array", json);
      const out: unknown[] = [];
      const tf = schema.memberTimestampFormat;
      for (let i = 0; i < json.length; i++) {
        const item = json[i];
        if (item === null) {
          if (schema.sparse) out.push(null);
          // Clients skip nulls of dense lists; servers refuse them (RestJsonBodyMalformedListNullItem).
          else if (opts.side === "server") throw serializationError(`Null item at '${path}.${i}'`);
          continue;
        }
        out.push(readJsonValue(item, schema.member, tf, opts, `${path}.${i}`));
      }
      return out;
    }
    case "map": {
      if (!isObject(json)) return mismatch(path, "object", json);
      const out: Record<string, unknown> = {};
      const tf = schema.valueTimestampFormat;
      for (const key of Object.keys(json)) {
        const item = json[key];
        if (item === null) {
          if (schema.sparse) setOwn(out, key, null);
          else if (opts.side === "server")
            throw serializationError(`Null value at '${path}.${key}'`);
          continue;
        }
        setOwn(out, key, readJsonValue(item, schema.value, tf, opts, `${path}.${key}`));
      }
      return out;
    }
    case "structure":
      return readStructure(json, schema, opts, path);
    case "union":
      return readUnion(json, schema, opts, path);
  }
}
