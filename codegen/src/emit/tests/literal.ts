import { propertyKey } from "../naming.js";
import type { SampleValue } from "./samples.js";

/** A sample value as TypeScript source. */
export function literal(value: unknown): string {
  if (value instanceof Date) return `new Date(${JSON.stringify(value.toISOString())})`;
  if (value instanceof Uint8Array) return `new Uint8Array([${[...value].join(", ")}])`;
  if (Array.isArray(value)) return `[${value.map(literal).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, SampleValue>);
    if (entries.length === 0) return "{}";
    return `{ ${entries.map(([k, v]) => `${propertyKey(k)}: ${literal(v)}`).join(", ")} }`;
  }
  if (typeof value === "number" && !Number.isFinite(value))
    return `Number(${JSON.stringify(String(value))})`;
  return JSON.stringify(value);
}
