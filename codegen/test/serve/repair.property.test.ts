import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { serviceView } from "../../src/emit/service-view.js";
import { repair } from "../../src/serve/repair.js";
import type { TypedValue } from "../../src/serve/values.js";
import { FORECASTS } from "./forecasts-model.js";
import { packageValidator } from "./output-validator.js";

const view = serviceView(FORECASTS, "example.forecasts#Forecasts");
const OUTPUT = "example.forecasts#GetForecastOutput";
const valid = packageValidator(view, OUTPUT);

const documented: Record<string, TypedValue> = {
  city: "Paris",
  level: "HIGH",
  issuedAt: new Date(1458680170035),
  code: "PAR-03",
  tags: ["sunny", "warm"],
  note: "fine",
};

/** Anything a documented output could wrongly hold. */
const junk: fc.Arbitrary<TypedValue | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.string({ maxLength: 8 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.date({ noInvalidDate: false }),
  fc.uint8Array({ maxLength: 4 }),
  fc.array(fc.oneof(fc.string({ maxLength: 4 }), fc.integer(), fc.constant(null)), {
    maxLength: 3,
  }),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.string({ maxLength: 4 }), { maxKeys: 3 }),
);

describe("repair", () => {
  test("any broken output becomes valid, and the members that were valid are kept", () => {
    const members = [...Object.keys(documented), "unknownMember", "__proto__"];
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...members), junk, { maxKeys: 4 }), (changes) => {
        const broken: Record<string, TypedValue> = { ...documented };
        for (const [key, value] of Object.entries(changes)) {
          if (value === undefined) delete broken[key];
          else
            Object.defineProperty(broken, key, {
              value,
              enumerable: true,
              configurable: true,
              writable: true,
            });
        }
        const { value } = repair(view, OUTPUT, broken);
        expect(valid(value)).toEqual([]);
        for (const key of Object.keys(documented)) {
          if (!(key in changes))
            expect((value as Record<string, TypedValue>)[key]).toEqual(documented[key]);
        }
        expect(Object.hasOwn(value as object, "unknownMember")).toBe(false);
        expect(Object.hasOwn(value as object, "__proto__")).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  test("the value passed in is not changed", () => {
    const broken = { ...documented, level: "MEDIUM" };
    repair(view, OUTPUT, broken);
    expect(broken.level).toBe("MEDIUM");
  });
});
