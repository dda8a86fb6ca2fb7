import type { NodeValue } from "../../ast.js";
import type { IndexedShape } from "../model-index.js";
import type { Comparator, PathSegment } from "./parser.js";

/**
 * Attribute values of selectors: what `id|name`, `service|version`, `trait|X|path` and
 * `var|name` resolve to, and how the comparators treat them.
 */

export type AttributeValue =
  | { kind: "absent" }
  | { kind: "shape"; shape: IndexedShape }
  | { kind: "id"; id: string }
  | { kind: "traits"; shape: IndexedShape }
  | { kind: "variables" }
  | { kind: "node"; value: NodeValue }
  | { kind: "projection"; items: AttributeValue[] };

const ABSENT: AttributeValue = { kind: "absent" };

export interface AttributeScope {
  variables: Map<string, Set<IndexedShape>>;
}

/** Resolves the first segment (`id`, `service`, `trait`, `node`, `var`) on a shape. */
export function shapeAttribute(
  shape: IndexedShape,
  name: string,
  _scope: AttributeScope,
): AttributeValue {
  switch (name) {
    case "id":
      return { kind: "id", id: shape.id };
    case "service":
      return shape.type === "service" ? { kind: "shape", shape } : ABSENT;
    case "trait":
      return { kind: "traits", shape };
    case "var":
      return { kind: "variables" };
    default:
      return ABSENT;
  }
}

export function resolvePath(
  start: AttributeValue,
  path: PathSegment[],
  scope: AttributeScope,
): AttributeValue {
  let value = start;
  for (const segment of path) value = step(value, segment, scope);
  return value;
}

function step(value: AttributeValue, segment: PathSegment, scope: AttributeScope): AttributeValue {
  switch (value.kind) {
    case "absent":
      return ABSENT;
    case "projection":
      return { kind: "projection", items: value.items.map((item) => step(item, segment, scope)) };
    case "id":
      return idProperty(value.id, segment);
    case "shape":
      if (segment === "id") return { kind: "id", id: value.shape.id };
      if (segment === "version") {
        const version = value.shape.ast.version;
        return version === undefined ? ABSENT : { kind: "node", value: version };
      }
      return ABSENT;
    case "traits":
      return traitProperty(value.shape, segment);
    case "variables": {
      const shapes = scope.variables.get(segment);
      if (!shapes) return ABSENT;
      return { kind: "projection", items: [...shapes].map((shape) => ({ kind: "shape", shape })) };
    }
    case "node":
      return nodeProperty(value.value, segment);
  }
}

function idProperty(id: string, segment: PathSegment): AttributeValue {
  const hash = id.indexOf("#");
  const dollar = id.indexOf("$");
  switch (segment) {
    case "namespace":
      return { kind: "node", value: id.slice(0, hash) };
    case "name":
      return { kind: "node", value: id.slice(hash + 1, dollar < 0 ? undefined : dollar) };
    case "member":
      return dollar < 0 ? ABSENT : { kind: "node", value: id.slice(dollar + 1) };
    case "(length)":
      return { kind: "node", value: id.length };
    default:
      return ABSENT;
  }
}

/** Relative trait names resolve to the prelude (`trait|required` is `smithy.api#required`). */
export function absoluteTraitId(name: string): string {
  return name.includes("#") ? name : `smithy.api#${name}`;
}

function traitProperty(shape: IndexedShape, segment: PathSegment): AttributeValue {
  if (segment === "(keys)") {
    return {
      kind: "projection",
      items: Object.keys(shape.traits).map((id) => ({ kind: "id", id })),
    };
  }
  if (segment === "(values)") {
    return {
      kind: "projection",
      items: Object.values(shape.traits).map((value) => ({ kind: "node", value })),
    };
  }
  if (segment === "(length)") return { kind: "node", value: Object.keys(shape.traits).length };
  const value = shape.traits[absoluteTraitId(segment)];
  return value === undefined ? ABSENT : { kind: "node", value };
}

function nodeProperty(node: NodeValue, segment: PathSegment): AttributeValue {
  if (Array.isArray(node)) {
    if (segment === "(values)")
      return { kind: "projection", items: node.map((value) => ({ kind: "node", value })) };
    if (segment === "(length)") return { kind: "node", value: node.length };
    if (segment === "(first)") return node.length ? { kind: "node", value: node[0] } : ABSENT;
    const index = Number(segment);
    return Number.isInteger(index) && index >= 0 && index < node.length
      ? { kind: "node", value: node[index] }
      : ABSENT;
  }
  if (node !== null && typeof node === "object") {
    if (segment === "(keys)")
      return {
        kind: "projection",
        items: Object.keys(node).map((value) => ({ kind: "node", value })),
      };
    if (segment === "(values)")
      return {
        kind: "projection",
        items: Object.values(node).map((value) => ({ kind: "node", value })),
      };
    if (segment === "(length)") return { kind: "node", value: Object.keys(node).length };
    return Object.hasOwn(node, segment) ? { kind: "node", value: node[segment] } : ABSENT;
  }
  if (typeof node === "string" && segment === "(length)")
    return { kind: "node", value: node.length };
  return ABSENT;
}

/** Present unless absent, `null`, or an empty projection. */
export function isPresent(value: AttributeValue): boolean {
  if (value.kind === "absent") return false;
  if (value.kind === "node") return value.value !== null;
  if (value.kind === "projection") return value.items.some(isPresent);
  return true;
}

/** The comparable strings of a value (projections flatten; objects and arrays have none). */
export function flatStrings(value: AttributeValue): string[] {
  switch (value.kind) {
    case "absent":
    case "traits":
    case "variables":
      return [];
    case "shape":
      return [value.shape.id];
    case "id":
      return [value.id];
    case "node": {
      const v = value.value;
      if (typeof v === "string") return [v];
      if (typeof v === "number" || typeof v === "boolean") return [String(v)];
      return [];
    }
    case "projection":
      return value.items.flatMap(flatStrings);
  }
}

/** True when `lhs` compares true to any of `rhs` (projection comparators compare sets). */
export function compare(
  lhs: AttributeValue,
  comparator: Comparator,
  rhs: string[],
  caseInsensitive: boolean,
): boolean {
  const fold = (s: string) => (caseInsensitive ? s.toLowerCase() : s);
  if (comparator === "?=") {
    const wanted = rhs.some((v) => v === "true");
    return isPresent(lhs) === wanted;
  }
  const left = flatStrings(lhs).map(fold);
  const right = rhs.map(fold);
  if (comparator.startsWith("{")) {
    const l = new Set(left);
    const r = new Set(right);
    const subset = [...l].every((v) => r.has(v));
    switch (comparator) {
      case "{=}":
        return subset && l.size === r.size;
      case "{!=}":
        return !(subset && l.size === r.size);
      case "{<}":
        return subset;
      default:
        return subset && l.size < r.size;
    }
  }
  if (comparator === "!=") return left.length > 0 && left.every((l) => !right.includes(l));
  return left.some((l) => right.some((r) => scalarCompare(l, comparator, r)));
}

function scalarCompare(l: string, comparator: Comparator, r: string): boolean {
  switch (comparator) {
    case "=":
      return l === r;
    case "^=":
      return l.startsWith(r);
    case "$=":
      return l.endsWith(r);
    case "*=":
      return l.includes(r);
    default: {
      const a = Number(l);
      const b = Number(r);
      if (l.trim() === "" || r.trim() === "" || Number.isNaN(a) || Number.isNaN(b)) return false;
      if (comparator === ">") return a > b;
      if (comparator === ">=") return a >= b;
      if (comparator === "<") return a < b;
      return a <= b;
    }
  }
}
