import { canonical } from "../emit/example-values.js";
import { hasTrait, type ServiceView, UNIT } from "../emit/service-view.js";
import { enumValues } from "../emit/typescript-types.js";
import type { Traits } from "../model/ast.js";
import {
  constraintsOf,
  isPlainObject,
  mustBePresent,
  type TypedValue,
  type ValuePath,
} from "./values.js";

/**
 * One way a value breaks its shape. `replace`: the value at `path` must be replaced by a value of
 * `target` (with the member's `traits`); `add`: a required member is missing there; `remove`:
 * the key at `path` is not a member (or a map key that breaks the key's constraints).
 */
export interface Violation {
  readonly kind: "replace" | "add" | "remove";
  readonly path: ValuePath;
  readonly target: string;
  readonly traits?: Traits;
  readonly message: string;
}

const INTEGER_BOUNDS: Record<string, [number, number]> = {
  byte: [-128, 127],
  short: [-32768, 32767],
  integer: [-2147483648, 2147483647],
  long: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};

/**
 * Every place where `value` breaks the shape `id`: types, enums, @length (code points, items,
 * entries, bytes), @range, @pattern, required members, unions with other than one member set.
 * The same constraints the generated validators check, read from the model, so a value with no
 * violations passes the server's output validation.
 */
export function violations(
  view: ServiceView,
  id: string,
  value: TypedValue | undefined,
  memberTraits?: Traits,
  path: ValuePath = [],
): Violation[] {
  const out: Violation[] = [];
  check(view, id, value, memberTraits, path, out);
  return out;
}

function check(
  view: ServiceView,
  id: string,
  value: TypedValue | undefined,
  traits: Traits | undefined,
  path: ValuePath,
  out: Violation[],
): void {
  const fail = (message: string) =>
    out.push({ kind: "replace", path, target: id, traits, message });
  if (id === UNIT) {
    if (!isPlainObject(value)) fail("must be an object");
    return;
  }
  const shape = view.get(id);
  const c = constraintsOf(view, id, traits);
  const size = (n: number, unit: string): boolean => {
    if (c.length?.min !== undefined && n < c.length.min) {
      fail(`must have at least ${c.length.min} ${unit}`);
      return false;
    }
    if (c.length?.max !== undefined && n > c.length.max) {
      fail(`must have at most ${c.length.max} ${unit}`);
      return false;
    }
    return true;
  };
  const inRange = (n: number): void => {
    if (c.range?.min !== undefined && n < c.range.min) fail(`must be >= ${c.range.min}`);
    else if (c.range?.max !== undefined && n > c.range.max) fail(`must be <= ${c.range.max}`);
  };
  switch (shape.type) {
    case "string":
    case "enum": {
      if (typeof value !== "string") return void fail("must be a string");
      const values = enumValues(shape);
      if ((shape.type === "enum" || values.length > 0) && !values.includes(value)) {
        return void fail(`must be one of ${values.join(", ")}`);
      }
      if (!size([...value].length, "characters")) return;
      if (c.pattern !== undefined && !matches(c.pattern, value)) fail(`must match ${c.pattern}`);
      return;
    }
    case "intEnum":
      if (typeof value !== "number" || !enumValues(shape).includes(value)) {
        fail(`must be one of ${enumValues(shape).join(", ")}`);
      }
      return;
    case "boolean":
      if (typeof value !== "boolean") fail("must be a boolean");
      return;
    case "byte":
    case "short":
    case "integer":
    case "long":
    case "bigInteger": {
      const bounds = INTEGER_BOUNDS[shape.type];
      if (typeof value !== "number" || !Number.isInteger(value))
        return void fail("must be an integer");
      if (bounds && (value < bounds[0] || value > bounds[1]))
        return void fail(`must fit a ${shape.type}`);
      inRange(value);
      return;
    }
    case "float":
    case "double":
    case "bigDecimal":
      if (typeof value !== "number") return void fail("must be a number");
      if (!Number.isNaN(value)) inRange(value);
      return;
    case "timestamp":
      if (!(value instanceof Date) || Number.isNaN(value.getTime())) fail("must be a Date");
      return;
    case "blob":
      if (!(value instanceof Uint8Array)) return void fail("must be a Uint8Array");
      size(value.byteLength, "bytes");
      return;
    case "document":
      return;
    case "list":
    case "set": {
      if (!Array.isArray(value)) return void fail("must be a list");
      if (!size(value.length, "items")) return;
      if (shape.type === "set" || hasTrait(shape.traits, "uniqueItems")) {
        const seen = new Set(value.map((item) => JSON.stringify(canonical(item) ?? null)));
        if (seen.size !== value.length) return void fail("must not repeat items");
      }
      const sparse = hasTrait(shape.traits, "sparse");
      value.forEach((item, n) => {
        if (item === null && sparse) return;
        check(view, shape.member!.target, item, shape.member!.traits, [...path, n], out);
      });
      return;
    }
    case "map": {
      if (!isPlainObject(value)) return void fail("must be a map");
      if (!size(Object.keys(value).length, "entries")) return;
      const sparse = hasTrait(shape.traits, "sparse");
      for (const [key, item] of Object.entries(value)) {
        const keyProblems = violations(view, shape.key!.target, key, shape.key!.traits);
        if (keyProblems.length > 0) {
          out.push({
            kind: "remove",
            path: [...path, key],
            target: shape.value!.target,
            message: `key ${JSON.stringify(key)} ${keyProblems[0]!.message}`,
          });
          continue;
        }
        if (item === null && sparse) continue;
        check(view, shape.value!.target, item, shape.value!.traits, [...path, key], out);
      }
      return;
    }
    case "structure":
    case "union": {
      if (!isPlainObject(value)) return void fail("must be an object");
      const members = shape.members ?? {};
      let set = 0;
      for (const [key, item] of Object.entries(value)) {
        const member = Object.hasOwn(members, key) ? members[key] : undefined;
        if (!member) {
          out.push({
            kind: "remove",
            path: [...path, key],
            target: id,
            message: "is not a member",
          });
          continue;
        }
        if (item === undefined) continue;
        if (item === null) {
          // Absent is how a value says "no member"; a null is sent, and refused by validators.
          out.push({ kind: "remove", path: [...path, key], target: id, message: "is null" });
          continue;
        }
        set++;
        check(view, member.target, item, member.traits, [...path, key], out);
      }
      if (shape.type === "union") {
        if (set !== 1) fail("must set exactly one member");
        return;
      }
      for (const [name, member] of Object.entries(members)) {
        const item = value[name];
        if ((item === null || item === undefined) && mustBePresent(member.traits)) {
          out.push({
            kind: "add",
            path: [...path, name],
            target: member.target,
            traits: member.traits,
            message: "is required",
          });
        }
      }
      return;
    }
    default:
      fail(`has a shape type (${shape.type}) a value cannot have`);
  }
}

/** @pattern is an ECMA 262 regex, matched anywhere (Smithy does not anchor it). */
function matches(pattern: string, value: string): boolean {
  try {
    return new RegExp(pattern, "u").test(value);
  } catch {
    return new RegExp(pattern).test(value);
  }
}
