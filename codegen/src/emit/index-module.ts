import { clientName } from "./client/client-module.js";
import { commandName } from "./client/command-module.js";
import type { ServiceView } from "./service-view.js";

/** src/index.ts: the package entry, re-exports only (no side effects of its own). */
export function emitIndexModule(view: ServiceView): string {
  const client = clientName(view);
  return [
    `export * from "./${client}.js";`,
    `export * from "./${view.stem}.js";`,
    ...view.operations.map((op) => `export * from "./commands/${commandName(op)}.js";`),
    `export * from "./errors.js";`,
    `export * from "./pagination.js";`,
    `export * from "./types.js";`,
    "",
  ].join("\n");
}
