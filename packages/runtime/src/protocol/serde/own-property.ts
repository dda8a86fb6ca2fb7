/**
 * Keys that come from the wire (map keys, query parameter names, header suffixes) are data. An
 * assignment `obj[key] = value` with `key === "__proto__"` would instead replace `obj`'s
 * prototype (and lose the entry), so such keys are defined as own properties. Every other key,
 * `constructor` and `prototype` included, is an ordinary own property when assigned.
 */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") {
    Object.defineProperty(target, key, {
      value,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  } else {
    target[key] = value;
  }
}

/** `record[key]` when `key` is the record's own (never an inherited `constructor`, `toString`). */
export function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
