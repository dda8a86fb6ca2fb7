import type { Validator, ValidatorModule } from "../src/schema.js";

/** A validator as the module loader generated schemas hold (`() => import("./validators/…")`). */
export function asModule(validate: Validator): ValidatorModule {
  return async () => ({ validate });
}
