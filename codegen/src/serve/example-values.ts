import { type ServiceView, UNIT } from "../emit/service-view.js";
import type { NodeValue } from "../model/ast.js";
import { isPlainObject, type TypedValue } from "./values.js";

/**
 * Turns an example's node value (`smithy.api#examples` input or output) into the value an
 * operation function holds: timestamps become Dates (a number is epoch seconds, a string an RFC
 * 3339 or HTTP date), blobs Uint8Arrays (a string's UTF-8 bytes), "NaN"/"Infinity" numbers. A node
 * that does not fit its shape is kept as printed: the repair step (./repair.ts) deals with it.
 */
export function fromExampleNode(view: ServiceView, id: string, node: NodeValue): TypedValue {
  if (node === null) return null;
  if (id === UNIT) return isPlainObject(node) ? {} : node;
  const shape = view.get(id);
  switch (shape.type) {
    case "timestamp":
      return toDate(node) ?? node;
    case "blob":
      return typeof node === "string" ? new TextEncoder().encode(node) : node;
    case "float":
    case "double":
      return typeof node === "string" && /^(NaN|-?Infinity)$/.test(node) ? Number(node) : node;
    case "list":
    case "set":
      return Array.isArray(node)
        ? node.map((item) => fromExampleNode(view, shape.member!.target, item))
        : node;
    case "map": {
      if (!isPlainObject(node)) return node;
      const out: { [key: string]: TypedValue } = {};
      for (const [key, value] of Object.entries(node)) {
        out[key] = fromExampleNode(view, shape.value!.target, value as NodeValue);
      }
      return out;
    }
    case "structure":
    case "union": {
      if (!isPlainObject(node)) return node;
      const out: { [key: string]: TypedValue } = {};
      for (const [key, value] of Object.entries(node)) {
        const member = shape.members?.[key];
        out[key] = member
          ? fromExampleNode(view, member.target, value as NodeValue)
          : (value as TypedValue);
      }
      return out;
    }
    default:
      return node;
  }
}

function toDate(node: NodeValue): Date | undefined {
  let ms = Number.NaN;
  // Math.round, as the runtime's codecs read epoch seconds: 1458680170.035 * 1000 is not exact.
  if (typeof node === "number") ms = Math.round(node * 1000);
  else if (typeof node === "string") ms = Date.parse(node);
  return Number.isNaN(ms) ? undefined : new Date(ms);
}

/**
 * A plain JSON form of a value for comparing a request with an example: Dates as epoch
 * milliseconds, bytes as base64, object keys sorted, null and absent members dropped (a request
 * that leaves a member out and one that sends null mean the same).
 */
export function canonical(value: unknown): NodeValue | undefined {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) return value.getTime();
  if (value instanceof Uint8Array) return Buffer.from(value).toString("base64");
  if (Array.isArray(value)) return value.map((item) => canonical(item) ?? null);
  if (typeof value === "object") {
    const out: { [key: string]: NodeValue } = {};
    for (const key of Object.keys(value).sort()) {
      const item = canonical((value as Record<string, unknown>)[key]);
      if (item !== undefined) out[key] = item;
    }
    return out;
  }
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  return value as NodeValue;
}
