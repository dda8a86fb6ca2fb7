import type { ValidatorError } from "../schema.js";

/**
 * ajv errors worded the way AWS services word validation failures:
 * `1 validation error detected: Value 'x' at 'member.path' failed to satisfy constraint: Member
 * must have length less than or equal to 140`. Used by the client (fail before sending) and the
 * server stub (answer a ValidationException).
 */

/** The AWS wording of one ajv error's constraint, or undefined for keywords that add nothing. */
function constraint(e: ValidatorError): string | undefined {
  const p = e.params;
  switch (e.keyword) {
    case "required":
      return "Member must not be null";
    case "maxLength":
    case "maxItems":
    case "maxProperties":
      return `Member must have length less than or equal to ${p.limit}`;
    case "minLength":
    case "minItems":
    case "minProperties":
      return `Member must have length greater than or equal to ${p.limit}`;
    case "maximum":
      return `Member must have value less than or equal to ${p.limit}`;
    case "minimum":
      return `Member must have value greater than or equal to ${p.limit}`;
    case "exclusiveMaximum":
      return `Member must have value less than ${p.limit}`;
    case "exclusiveMinimum":
      return `Member must have value greater than ${p.limit}`;
    case "pattern":
      return `Member must satisfy regular expression pattern: ${p.pattern}`;
    case "enum":
      return `Member must satisfy enum value set: [${listedValues(e).join(", ")}]`;
    case "const":
      return `Member must satisfy enum value set: [${String(p.allowedValue)}]`;
    case "type":
      return `Member must be of type ${Array.isArray(p.type) ? p.type.join(" or ") : p.type}`;
    case "additionalProperties":
      return `Member must not have member '${p.additionalProperty}'`;
    case "uniqueItems":
      return "Member must have unique items";
    case "maxProperties_union":
    case "oneOf":
      return "Member must have exactly one member set";
    case "propertyNames": // a map key's own error is reported too
    case "if":
    case "anyOf":
    case "allOf":
    case "not":
      return undefined; // summary errors: the specific ones are reported too
    default:
      return e.message ? `Member ${e.message}` : `Member must satisfy ${e.keyword}`;
  }
}

/**
 * The enum values a message lists: the generator's `smithyListedValues` annotation (internal
 * values left out) when the validator reports its parentSchema, else every allowed value.
 */
export function listedValues(e: ValidatorError): readonly unknown[] {
  const listed = e.parentSchema?.smithyListedValues;
  return Array.isArray(listed) ? listed : (e.params.allowedValues as unknown[]);
}

/** JSON pointer segments (`/a/0/b`, `~0`/`~1` escaped) of an ajv instancePath. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** `a.b.1.member.c`-style member path (AWS numbers list items from 1). */
function memberPath(segments: readonly string[], data: unknown): string {
  const parts: string[] = [];
  let cursor: unknown = data;
  for (const seg of segments) {
    if (Array.isArray(cursor)) {
      parts.push(`${Number(seg) + 1}`, "member");
    } else {
      parts.push(seg);
    }
    cursor = child(cursor, seg);
  }
  return parts.join(".");
}

/** An own property only: a path segment `constructor` or `__proto__` never reaches a prototype. */
function child(value: unknown, key: string): unknown {
  if (value === null || typeof value !== "object" || !Object.hasOwn(value, key)) return undefined;
  return (value as Record<string, unknown>)[key];
}

export function valueAt(segments: readonly string[], data: unknown): unknown {
  let cursor = data;
  for (const seg of segments) cursor = child(cursor, seg);
  return cursor;
}

/** A value as AWS quotes it in messages: `'text'`, `'12'`, `'[a, b]'`, or `null`. */
function quote(value: unknown): string {
  if (value === undefined || value === null) return "null";
  return `'${render(value)}'`;
}

/** Longest rendering of a value in a message: the message must not amplify the input. */
const MAX_RENDER = 256;

function render(value: unknown): string {
  const out = { text: "" };
  renderInto(value, out, 0);
  return out.text.length > MAX_RENDER ? `${out.text.slice(0, MAX_RENDER)}…` : out.text;
}

/** Appends a value's rendering (own properties only), stopping once past MAX_RENDER or deep. */
function renderInto(value: unknown, out: { text: string }, depth: number): void {
  if (out.text.length > MAX_RENDER) return;
  if (value instanceof Date) {
    out.text += Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString();
  } else if (value instanceof Uint8Array) {
    out.text += `<${value.length} bytes>`;
  } else if (typeof value === "object" && value !== null) {
    if (depth >= 16) {
      out.text += "…";
      return;
    }
    const isArray = Array.isArray(value);
    out.text += isArray ? "[" : "{";
    let first = true;
    for (const key of Object.keys(value)) {
      if (out.text.length > MAX_RENDER) break;
      if (!first) out.text += ", ";
      first = false;
      if (!isArray) out.text += `${key}=`;
      renderInto((value as Record<string, unknown>)[key], out, depth + 1);
    }
    out.text += isArray ? "]" : "}";
  } else {
    out.text += typeof value === "symbol" ? value.toString() : String(value);
  }
}

/** One AWS-worded fragment per ajv error: `Value 'x' at 'path' failed to satisfy constraint: …`. */
export function validationErrorFragments(
  errors: ReadonlyArray<ValidatorError>,
  data: unknown,
): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const e of errors) {
    const text = constraint(e);
    if (text === undefined) continue;
    let segments = pointerSegments(e.instancePath);
    let value: unknown;
    if (e.keyword === "required") {
      segments = [...segments, String(e.params.missingProperty)];
      value = null;
    } else {
      // A map key's error (propertyNames) is about the key, not the map.
      value = e.propertyName ?? valueAt(segments, data);
    }
    const path = memberPath(segments, data);
    const fragment = `Value ${quote(value)} at '${path}' failed to satisfy constraint: ${text}`;
    if (!seen.has(fragment)) {
      seen.add(fragment);
      out.push(fragment);
    }
  }
  return out;
}

/**
 * The full AWS validation message for ajv errors on `data`, e.g. `2 validation errors detected:
 * Value … ; Value …`.
 */
export function formatValidationErrors(
  errors: ReadonlyArray<ValidatorError>,
  data: unknown,
): string {
  const fragments = validationErrorFragments(errors, data);
  if (fragments.length === 0)
    return "1 validation error detected: Input failed to satisfy constraints";
  const n = fragments.length;
  return `${n} validation error${n === 1 ? "" : "s"} detected: ${fragments.join("; ")}`;
}
