import { reject } from "./error-answers.js";

const PLAIN = new Set<unknown>([
  Object.prototype,
  null,
  Array.prototype,
  Date.prototype,
  Uint8Array.prototype,
]);

/**
 * Defence in depth against prototype pollution: a decoded input whose objects have any prototype
 * but the plain ones means a `"__proto__"` key was assigned instead of defined somewhere in the
 * decoding (it replaced an object's prototype with client data). Such a request is refused with
 * 400 SerializationException rather than handed to the operation. The walk is bounded by the
 * JSON depth limit already enforced on the body.
 */
export function assertPlainPrototypes(value: unknown, seen = new Set<object>()): void {
  if (typeof value !== "object" || value === null || seen.has(value)) return;
  seen.add(value);
  if (!PLAIN.has(Object.getPrototypeOf(value))) {
    throw reject(
      "SerializationException",
      400,
      "The request contains a '__proto__' key where it is not supported",
    );
  }
  if (value instanceof Date || value instanceof Uint8Array) return;
  for (const key of Object.keys(value))
    assertPlainPrototypes((value as Record<string, unknown>)[key], seen);
}
