import type { TypedValue } from "../emit/example-values.js";
import { hasTrait, type ServiceView, trait } from "../emit/service-view.js";
import type { Traits } from "../model/ast.js";

/** A value as an operation function holds it (Date for timestamps, Uint8Array for blobs). */
export type { TypedValue };

export type TypedObject = { [key: string]: TypedValue };

/** Where a value sits inside an example or a request: member names and list indexes. */
export type ValuePath = (string | number)[];

/** @length, @range and @pattern of a shape, the member's own overriding the target's. */
export interface Constraints {
  length?: { min?: number; max?: number };
  range?: { min?: number; max?: number };
  pattern?: string;
}

export function constraintsOf(view: ServiceView, id: string, memberTraits?: Traits): Constraints {
  const shapeTraits = view.get(id).traits;
  const pick = <T>(name: string): T | undefined =>
    trait<T>(memberTraits, name) ?? trait<T>(shapeTraits, name);
  return {
    length: pick("length"),
    range: pick("range"),
    pattern: pick<string>("pattern"),
  };
}

/**
 * Whether a structure member must be present in a value the server sends: the same rule the
 * generated validators apply (a default or an idempotency token fills it; @clientOptional
 * relaxes it).
 */
export function mustBePresent(traits: Traits | undefined): boolean {
  return (
    hasTrait(traits, "required") &&
    !hasTrait(traits, "default") &&
    !hasTrait(traits, "idempotencyToken") &&
    !hasTrait(traits, "clientOptional")
  );
}

export function isPlainObject(value: unknown): value is TypedObject {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Date) &&
    !(value instanceof Uint8Array)
  );
}

/** The JSON Pointer of a path (RFC 6901), as docsmithErrata metadata writes paths. */
export function pointer(path: ValuePath): string {
  return path.map((p) => `/${String(p).replaceAll("~", "~0").replaceAll("/", "~1")}`).join("");
}
