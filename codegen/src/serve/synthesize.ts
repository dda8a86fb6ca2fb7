import { hasTrait, type ServiceView, UNIT } from "../emit/service-view.js";
import { enumValues, legacyEnumValues } from "../emit/typescript-types.js";
import type { Traits } from "../model/ast.js";
import { sampleString } from "../transcribe/web-page/sample-values.js";
import { constraintsOf, mustBePresent, type TypedObject, type TypedValue } from "./values.js";

/** The timestamp synthesized values carry: fixed, so answers are deterministic. */
export const SYNTHESIZED_DATE = new Date(Date.UTC(2016, 2, 1, 0, 0, 0));

const INTEGER_BOUNDS: Record<string, [number, number]> = {
  byte: [-128, 127],
  short: [-32768, 32767],
  integer: [-2147483648, 2147483647],
  long: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  bigInteger: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};

/**
 * The smallest value of a shape that meets its constraints: structures get their required
 * members only, lists and maps their minimum size, enums their first value, numbers 0 moved into
 * their @range, strings `hint` fitted to @length and @pattern (the transcriber's placeholder
 * generator). Undefined when no value is found (an unsatisfiable pattern, a required recursion).
 */
export function synthesize(
  view: ServiceView,
  id: string,
  memberTraits?: Traits,
  hint = "string",
  stack: readonly string[] = [],
): TypedValue | undefined {
  if (id === UNIT) return {};
  const shape = view.get(id);
  const c = constraintsOf(view, id, memberTraits);
  switch (shape.type) {
    case "string": {
      const values = legacyEnumValues(shape);
      if (values) return values[0];
      return sampleString(hint, { pattern: c.pattern, min: c.length?.min, max: c.length?.max });
    }
    case "enum":
    case "intEnum":
      return enumValues(shape)[0];
    case "boolean":
      return false;
    case "byte":
    case "short":
    case "integer":
    case "long":
    case "bigInteger": {
      const [lo, hi] = INTEGER_BOUNDS[shape.type]!;
      const min = Math.max(Math.ceil(c.range?.min ?? lo), lo);
      const max = Math.min(Math.floor(c.range?.max ?? hi), hi);
      const value = Math.min(Math.max(0, min), max);
      return value >= min ? value : undefined;
    }
    case "float":
    case "double":
    case "bigDecimal":
      return Math.min(Math.max(0, c.range?.min ?? 0), c.range?.max ?? Number.POSITIVE_INFINITY);
    case "timestamp":
      return new Date(SYNTHESIZED_DATE.getTime());
    case "blob":
      return new Uint8Array(c.length?.min ?? 0).fill(0x78);
    case "document":
      return {};
    case "list":
    case "set": {
      const count = c.length?.min ?? 0;
      const items: TypedValue[] = [];
      const unique = shape.type === "set" || hasTrait(shape.traits, "uniqueItems");
      for (let n = 0; n < count; n++) {
        // Distinct items read better (and sets need them); other lists may repeat one.
        const item =
          distinctItem(view, shape.member!.target, shape.member!.traits, hint, n, stack) ??
          (unique
            ? undefined
            : synthesize(view, shape.member!.target, shape.member!.traits, hint, stack));
        if (item === undefined) return undefined;
        items.push(item);
      }
      return items;
    }
    case "map": {
      const count = c.length?.min ?? 0;
      const out: TypedObject = {};
      for (let n = 0; n < count; n++) {
        const key = distinctItem(view, shape.key!.target, shape.key!.traits, "key", n, stack);
        const value = synthesize(view, shape.value!.target, shape.value!.traits, hint, stack);
        if (typeof key !== "string" || value === undefined || key in out) return undefined;
        out[key] = value;
      }
      return out;
    }
    case "structure": {
      if (stack.includes(id)) return undefined;
      const out: TypedObject = {};
      for (const [name, m] of Object.entries(shape.members ?? {})) {
        if (!mustBePresent(m.traits)) continue;
        const value = synthesize(view, m.target, m.traits, name, [...stack, id]);
        if (value === undefined) return undefined;
        out[name] = value;
      }
      return out;
    }
    case "union": {
      if (stack.includes(id)) return undefined;
      for (const [name, m] of Object.entries(shape.members ?? {})) {
        const value = synthesize(view, m.target, m.traits, name, [...stack, id]);
        if (value !== undefined) return { [name]: value };
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

/** The n-th of several items that must differ (set members, map keys): n-th enum value or hint+n. */
function distinctItem(
  view: ServiceView,
  id: string,
  traits: Traits | undefined,
  hint: string,
  n: number,
  stack: readonly string[],
): TypedValue | undefined {
  const shape = view.get(id);
  if (shape.type === "enum" || shape.type === "intEnum" || legacyEnumValues(shape)) {
    return enumValues(shape)[n];
  }
  if (shape.type === "string") return synthesize(view, id, traits, `${hint}${n}`, stack);
  return n === 0 ? synthesize(view, id, traits, hint, stack) : undefined;
}
