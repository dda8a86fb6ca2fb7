import type { OperationSchema } from "../schema.js";

/**
 * The operation's `@endpoint(hostPrefix)` with `{Label}` replaced by the input's `@hostLabel`
 * members, e.g. `{Foo}.data.` -> `bar.data.`. A host label must be a valid DNS label.
 */
export function expandHostPrefix(op: OperationSchema, input: Record<string, unknown>): string {
  return (op.hostPrefix ?? "").replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = input[name];
    if (
      typeof value !== "string" ||
      !/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/.test(value)
    ) {
      throw new Error(
        `Host label '${name}' must be a non-empty DNS label, got ${JSON.stringify(value)}`,
      );
    }
    return value;
  });
}
