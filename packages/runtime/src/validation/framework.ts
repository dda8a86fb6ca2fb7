import type { ValidatorError } from "../schema.js";
import { listedValues, pointerSegments, valueAt } from "./messages.js";

/**
 * ajv errors worded as Smithy's `smithy.framework#ValidationException` (what smithy-rs and
 * smithy-typescript servers answer, and the restJson1 malformed-request tests expect):
 * `{ message: "1 validation error detected. Value at '/a/0' failed to satisfy constraint: Member
 * must …", fieldList: [{ path: "/a/0", message: "Value at '/a/0' …" }] }`. Paths are JSON
 * pointers; values are never echoed (only a length), so nothing sensitive leaks.
 */

/** Smithy's shape id of the framework error: a service that binds it gets this format. */
export const FRAMEWORK_VALIDATION_EXCEPTION = "smithy.framework#ValidationException";

export interface ValidationExceptionField {
  readonly path: string;
  readonly message: string;
}

export interface FrameworkValidation {
  readonly message: string;
  readonly fieldList: ValidationExceptionField[];
}

const LENGTH_BOUNDS: Record<string, readonly [min: string, max: string]> = {
  minLength: ["minLength", "maxLength"],
  maxLength: ["minLength", "maxLength"],
  minItems: ["minItems", "maxItems"],
  maxItems: ["minItems", "maxItems"],
  minProperties: ["minProperties", "maxProperties"],
  maxProperties: ["minProperties", "maxProperties"],
  minBytes: ["minBytes", "maxBytes"],
  maxBytes: ["minBytes", "maxBytes"],
};

/**
 * The limits of the integer widths: the validators bound every byte/short/integer/long by its
 * width, which is not a modeled @range and is not worded as one.
 */
const WIDTH_LIMITS = new Set([
  -128,
  127,
  -32768,
  32767,
  -2147483648,
  2147483647,
  -(2 ** 63),
  2 ** 63,
]);

/** The bound named `key` in the keyword's schema, or the failing keyword's own limit. */
function bound(e: ValidatorError, key: string, failing: boolean): number | undefined {
  if (failing) return e.params.limit as number;
  const value = e.parentSchema?.[key];
  if (typeof value !== "number") return undefined;
  if (e.parentSchema?.type === "integer" && WIDTH_LIMITS.has(value)) return undefined;
  return value;
}

/** `between 2 and 8, inclusive`, `greater than or equal to 2`, `less than or equal to 8`. */
function span(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return `between ${min} and ${max}, inclusive`;
  if (min !== undefined) return `greater than or equal to ${min}`;
  return `less than or equal to ${max}`;
}

/** Length as Smithy's @length counts it: code points, items, entries, bytes. */
function lengthOf(value: unknown): number {
  if (typeof value === "string") {
    let n = 0;
    for (const _ of value) n++;
    return n;
  }
  if (Array.isArray(value)) return value.length;
  if (value instanceof Uint8Array) return value.byteLength;
  if (typeof value === "object" && value !== null) return Object.keys(value).length;
  return 0;
}

/** The field message for one ajv error at `pointer`, or undefined for summary keywords. */
function fieldMessage(e: ValidatorError, pointer: string, data: unknown): string | undefined {
  const at = `at '${pointer}' failed to satisfy constraint: Member must`;
  const p = e.params;
  const lengthKeys = LENGTH_BOUNDS[e.keyword];
  if (lengthKeys) {
    const [minKey, maxKey] = lengthKeys;
    const value = e.propertyName ?? valueAt(pointerSegments(e.instancePath), data);
    const min = bound(e, minKey, e.keyword === minKey);
    const max = bound(e, maxKey, e.keyword === maxKey);
    return `Value with length ${lengthOf(value)} ${at} have length ${span(min, max)}`;
  }
  switch (e.keyword) {
    case "required":
      return `Value ${at} not be null`;
    case "minimum":
    case "maximum":
      return `Value ${at} be ${span(bound(e, "minimum", e.keyword === "minimum"), bound(e, "maximum", e.keyword === "maximum"))}`;
    case "exclusiveMinimum":
      return `Value ${at} be greater than ${p.limit}`;
    case "exclusiveMaximum":
      return `Value ${at} be less than ${p.limit}`;
    case "pattern":
      return `Value ${at} satisfy regular expression pattern: ${p.pattern}`;
    case "enum":
      return `Value ${at} satisfy enum value set: [${listedValues(e).join(", ")}]`;
    case "const":
      return `Value ${at} satisfy enum value set: [${String(p.allowedValue)}]`;
    case "uniqueItems":
      return `Value ${at} have unique values`;
    case "type":
      return `Value ${at} be of type ${Array.isArray(p.type) ? p.type.join(" or ") : p.type}`;
    case "oneOf":
      return `Value ${at} have exactly one member set`;
    case "additionalProperties":
      return `Value ${at} not have member '${p.additionalProperty}'`;
    case "propertyNames": // the key's own error is reported too
    case "if":
    case "anyOf":
    case "allOf":
    case "not":
      return undefined;
    default:
      return `Value ${at} ${e.message ? e.message.replace(/^must /, "") : `satisfy ${e.keyword}`}`;
  }
}

/** The JSON pointer an error is about (a missing member's own path for `required`). */
function pointerOf(e: ValidatorError): string {
  if (e.keyword !== "required") return e.instancePath;
  const name = String(e.params.missingProperty).replace(/~/g, "~0").replace(/\//g, "~1");
  return `${e.instancePath}/${name}`;
}

/** The framework ValidationException's `message` and `fieldList` for ajv errors on `data`. */
export function frameworkValidation(
  errors: ReadonlyArray<ValidatorError>,
  data: unknown,
): FrameworkValidation {
  const fieldList: ValidationExceptionField[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    const path = pointerOf(e);
    const message = fieldMessage(e, path, data);
    if (message === undefined || seen.has(message)) continue;
    seen.add(message);
    fieldList.push({ path, message });
  }
  if (fieldList.length === 0) {
    fieldList.push({
      path: "",
      message: "Value at '' failed to satisfy constraint: Member is invalid",
    });
  }
  const n = fieldList.length;
  const summary = `${n} validation error${n === 1 ? "" : "s"} detected. `;
  return { message: summary + fieldList.map((f) => f.message).join("; "), fieldList };
}
