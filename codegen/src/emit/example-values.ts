import type { NodeValue } from "../model/ast.js";
import { type ServiceView, UNIT } from "./service-view.js";

/**
 * A value as the generated types hold it: JSON-like data with Date for timestamps and Uint8Array
 * for blobs (what an operation function takes and returns, and what the generated tests build).
 */
export type TypedValue =
  | null
  | boolean
  | number
  | string
  | Date
  | Uint8Array
  | TypedValue[]
  | { [key: string]: TypedValue };

function isNodeObject(node: NodeValue): node is { [key: string]: NodeValue } {
  return node !== null && typeof node === "object" && !Array.isArray(node);
}

/**
 * An example's node value (an @examples input or output, an HTTP test's params) as the generated
 * types hold it: timestamps as Dates (a number is epoch seconds, a string an RFC 3339 or HTTP
 * date), blobs as the UTF-8 bytes of their text (Smithy's protocol tests give blob params as
 * text), "NaN" and "Infinity" floats as numbers. A node that does not fit its shape stays as
 * printed: an erratum's value reaches the contract tests exactly as the docs print it, and
 * `docsmith serve` repairs it (serve/repair.ts).
 */
export function exampleValue(view: ServiceView, id: string, node: NodeValue): TypedValue {
  if (node === null) return null;
  if (id === UNIT) return isNodeObject(node) ? {} : node;
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
        ? node.map((item) => exampleValue(view, shape.member!.target, item))
        : node;
    case "map":
      return isNodeObject(node)
        ? Object.fromEntries(
            Object.entries(node).map(([k, v]) => [k, exampleValue(view, shape.value!.target, v)]),
          )
        : node;
    case "structure":
    case "union":
      return isNodeObject(node)
        ? Object.fromEntries(
            Object.entries(node).map(([k, v]) => {
              const member = shape.members?.[k];
              return [k, member ? exampleValue(view, member.target, v) : v];
            }),
          )
        : node;
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
 * A plain JSON form of a value for comparing two values: Dates as epoch milliseconds, bytes as
 * base64, object keys sorted, null and absent members dropped (a request that leaves a member out
 * and one that sends null mean the same), non-finite numbers as their names.
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
