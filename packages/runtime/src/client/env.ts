/** An environment variable, on runtimes that have `process.env` (undefined in browsers). */
export function env(name: string): string | undefined {
  const value = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process
    ?.env?.[name];
  return value === "" ? undefined : value;
}

/** A true/false setting from the environment or a shared file: true only for "true" (any case). */
export function isTrueSetting(value: string | undefined): boolean {
  return value?.trim().toLowerCase() === "true";
}
