import type { Validator, ValidatorModule } from "../schema.js";

/** Each module's validator once loaded, or the load under way. */
const loaded = new WeakMap<ValidatorModule, Validator | Promise<Validator>>();

/**
 * The validator of a generated validator module, imported on the first call and cached. After
 * the first load it is the validator itself, not a promise, so that the per-call path costs a
 * map lookup and no await. A failed load is retried by the next call.
 */
export function validatorOf(module: ValidatorModule): Validator | Promise<Validator> {
  const known = loaded.get(module);
  if (known !== undefined) return known;
  const loading = module().then(
    ({ validate }) => {
      loaded.set(module, validate);
      return validate;
    },
    (error: unknown) => {
      loaded.delete(module);
      throw error;
    },
  );
  loaded.set(module, loading);
  return loading;
}

/** `validatorOf`, always as a promise: for callers off the hot path. */
export async function loadValidator(module: ValidatorModule): Promise<Validator> {
  return validatorOf(module);
}
