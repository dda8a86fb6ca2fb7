import { describe, expect, it } from "vitest";
import type { Validator, ValidatorModule } from "../../src/schema.js";
import { loadValidator, validatorOf } from "../../src/validation/load.js";

const accept: Validator = () => true;

describe("validatorOf", () => {
  it("imports a module once, then answers the validator itself (no promise)", async () => {
    let imports = 0;
    const module: ValidatorModule = async () => {
      imports++;
      return { validate: accept };
    };
    const first = validatorOf(module);
    expect(first).toBeInstanceOf(Promise);
    // A second call during the load shares it.
    expect(validatorOf(module)).toBe(first);
    expect(await first).toBe(accept);
    expect(validatorOf(module)).toBe(accept);
    expect(await loadValidator(module)).toBe(accept);
    expect(imports).toBe(1);
  });

  it("retries a failed load on the next call", async () => {
    let attempts = 0;
    const module: ValidatorModule = async () => {
      attempts++;
      if (attempts === 1) throw new Error("chunk failed to load");
      return { validate: accept };
    };
    await expect(validatorOf(module)).rejects.toThrow("chunk failed to load");
    expect(await validatorOf(module)).toBe(accept);
    expect(attempts).toBe(2);
  });
});
