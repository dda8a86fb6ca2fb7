import type { Traits } from "../../model/ast.js";
import type { TypedValue } from "../example-values.js";
import { hasTrait, type ServiceView, trait, UNIT } from "../service-view.js";
import { enumValues, legacyEnumValues } from "../typescript-types.js";
import { sampleForPattern } from "./regex-sample.js";

/**
 * Sample values of shapes, valid against their constraints, for the generated wire tests. A
 * value is plain JSON-like data with Date and Uint8Array where the model has timestamps and blobs.
 * Structures get their required members, and optional members down to a small depth; recursion
 * stops at the first repeat.
 */
export type SampleValue = TypedValue;

/** Whole seconds, so that every timestamp format carries it exactly. */
export const SAMPLE_DATE = new Date(Date.UTC(2024, 0, 2, 3, 4, 5));

const MAX_OPTIONAL_DEPTH = 2;

interface Constraints {
  length?: { min?: number; max?: number };
  range?: { min?: number; max?: number };
  pattern?: string;
}

function constraints(view: ServiceView, id: string, memberTraits?: Traits): Constraints {
  const shapeTraits = view.get(id).traits;
  const pick = <T>(name: string) => trait<T>(memberTraits, name) ?? trait<T>(shapeTraits, name);
  return {
    length: pick("length"),
    range: pick("range"),
    pattern: pick<string>("pattern"),
  };
}

function codePoints(s: string): number {
  return [...s].length;
}

/** A string of `hint` fitted to @length and @pattern, or undefined when none is found. */
export function sampleString(hint: string, c: Constraints): string | undefined {
  const min = c.length?.min ?? 0;
  const max = c.length?.max ?? Number.POSITIVE_INFINITY;
  const fits = (s: string) =>
    codePoints(s) >= min &&
    codePoints(s) <= max &&
    (c.pattern === undefined || new RegExp(c.pattern, "u").test(s));
  const pad = (s: string) => (codePoints(s) < min ? s + "x".repeat(min - codePoints(s)) : s);
  const candidates = [
    pad(hint),
    pad(hint).slice(0, Math.max(max, 0)),
    pad("abc").slice(0, Math.max(max, 0)),
  ];
  if (c.pattern !== undefined) {
    const target = Math.max(min, 1);
    for (let extra = 0; extra <= target + 2; extra++) {
      const generated = sampleForPattern(c.pattern, (lo, hi) => Math.min(hi, Math.max(lo, extra)));
      if (generated !== undefined) candidates.push(generated);
    }
  }
  return candidates.find(fits);
}

function sampleNumber(value: number, c: Constraints, integer: boolean): number {
  const lo = c.range?.min ?? Number.NEGATIVE_INFINITY;
  const hi = c.range?.max ?? Number.POSITIVE_INFINITY;
  const clamped = Math.min(Math.max(value, lo), hi);
  return integer ? (Math.ceil(clamped) <= hi ? Math.ceil(clamped) : Math.floor(clamped)) : clamped;
}

export function sampleOf(
  view: ServiceView,
  id: string,
  hint: string,
  memberTraits?: Traits,
  stack: string[] = [],
): SampleValue | undefined {
  if (id === UNIT) return {};
  const shape = view.get(id);
  const c = constraints(view, id, memberTraits);
  switch (shape.type) {
    case "string": {
      const values = legacyEnumValues(shape);
      return values ? values[0] : sampleString(hint, c);
    }
    case "enum":
    case "intEnum":
      return enumValues(shape)[0];
    case "boolean":
      return true;
    case "byte":
    case "short":
    case "integer":
    case "long":
    case "bigInteger":
      return sampleNumber(7, c, true);
    case "float":
    case "double":
    case "bigDecimal":
      return sampleNumber(2.5, c, false);
    case "timestamp":
      return SAMPLE_DATE;
    case "blob": {
      const text = sampleString(hint, c) ?? "bytes";
      return new TextEncoder().encode(text);
    }
    case "document":
      return { note: hint };
    case "list":
    case "set": {
      const count = Math.max(1, c.length?.min ?? 1);
      const items: SampleValue[] = [];
      for (let n = 0; n < count; n++) {
        const item = sampleOf(
          view,
          shape.member!.target,
          `${hint}${n || ""}`,
          shape.member!.traits,
          stack,
        );
        if (item === undefined) return count > 1 || (c.length?.min ?? 0) > 0 ? undefined : [];
        items.push(item);
      }
      return items;
    }
    case "map": {
      const key = sampleOf(view, shape.key!.target, "key", shape.key!.traits, stack);
      const value = sampleOf(view, shape.value!.target, hint, shape.value!.traits, stack);
      if (typeof key !== "string" || value === undefined)
        return (c.length?.min ?? 0) > 0 ? undefined : {};
      return { [key]: value };
    }
    case "structure":
      return sampleStructure(view, id, stack);
    case "union": {
      if (stack.includes(id)) return undefined;
      for (const [name, m] of Object.entries(shape.members ?? {})) {
        const value = sampleOf(view, m.target, name, m.traits, [...stack, id]);
        if (value !== undefined) return { [name]: value };
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

/** A structure's sample: every required member, and optional ones while shallow. */
export function sampleStructure(
  view: ServiceView,
  id: string,
  stack: string[] = [],
  include: (memberName: string, traits: Traits | undefined) => boolean = () => true,
): { [key: string]: SampleValue } | undefined {
  if (id === UNIT) return {};
  if (stack.includes(id)) return undefined;
  const out: { [key: string]: SampleValue } = {};
  for (const [name, m] of Object.entries(view.get(id).members ?? {})) {
    const required = hasTrait(m.traits, "required");
    if (!include(name, m.traits) && !required) continue;
    if (!required && stack.length >= MAX_OPTIONAL_DEPTH) continue;
    if (hasTrait(m.traits, "httpResponseCode")) continue;
    const value = sampleOf(view, m.target, name, m.traits, [...stack, id]);
    if (value === undefined) {
      if (required) return undefined;
      continue;
    }
    out[name] = value;
  }
  return out;
}
