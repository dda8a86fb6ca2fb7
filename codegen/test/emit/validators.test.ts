import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFormatter } from "../../src/emit/format.js";
import type { ServiceView } from "../../src/emit/service-view.js";
import { emitLinearRegExpModule } from "../../src/emit/validators/linear-regexp.js";
import {
  emitOperationValidator,
  emitValidatorRuntime,
} from "../../src/emit/validators/standalone.js";
import { protocolTestView, thingsView } from "./load-fixture.js";

type Validator = ((data: unknown) => boolean) & {
  errors?: { instancePath: string; keyword: string; params: Record<string, unknown> }[] | null;
};

/**
 * Writes an operation's two standalone modules to disk and imports them, as a package would:
 * `validate<Name>Input` and `validate<Name>Output`.
 */
async function load(
  view: ServiceView,
  name: string,
  dir: string,
): Promise<Record<string, Validator>> {
  const op = view.operations.find((o) => o.name === name)!;
  const out: Record<string, Validator> = {};
  for (const side of ["input", "output"] as const) {
    const file = join(dir, `${name}.${side}.js`);
    writeFileSync(file, emitOperationValidator(view, op, side));
    const module = (await import(pathToFileURL(file).href)) as { validate: Validator };
    out[`validate${name}${side === "input" ? "Input" : "Output"}`] = module.validate;
  }
  return out;
}

describe("standalone validators", () => {
  const view = thingsView();
  let dir: string;
  let list: Record<string, Validator>;
  let get: Record<string, Validator>;
  let create: Record<string, Validator>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "docsmith-validators-"));
    writeFileSync(join(dir, "runtime.js"), emitValidatorRuntime());
    writeFileSync(join(dir, "linear-regexp.js"), emitLinearRegExpModule());
    writeFileSync(join(dir, "package.json"), '{"type":"module"}');
    list = await load(view, "ListThings", dir);
    get = await load(view, "GetThing", dir);
    create = await load(view, "CreateThing", dir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("compiles to plain ESM: no require, no eval, no schema compilation at import", () => {
    const code = emitOperationValidator(view, view.operations[0]!, "input");
    expect(code).not.toMatch(/\brequire\(/);
    expect(code).not.toMatch(/new Function|\beval\(/);
    expect(code).not.toMatch(/from "ajv/);
    expect(code).toMatch(/export const validate = validate\d+;/);
  });

  const errorsOf = (v: Validator, data: unknown) => {
    expect(v(data)).toBe(false);
    return v.errors!.map((e) => `${e.instancePath} ${e.keyword}`);
  };

  it("accepts valid input", () => {
    const thing = { arn: "arn:aws:things:us-east-1:123456789012:thing/abc", createdAt: new Date() };
    expect(list.validateListThingsInput!({ maxResults: 10, filter: { colors: ["red"] } })).toBe(
      true,
    );
    expect(get.validateGetThingInput!({ thingArn: thing.arn })).toBe(true);
    expect(get.validateGetThingOutput!({ thing: { ...thing, payload: new Uint8Array([1]) } })).toBe(
      true,
    );
  });

  it("checks required members, names the member path and the constraint", () => {
    expect(errorsOf(get.validateGetThingInput!, {})).toEqual([" required"]);
    expect(get.validateGetThingInput!.errors![0]!.params).toEqual({ missingProperty: "thingArn" });
  });

  it("checks length (in code points), pattern, range, array size and enum", () => {
    expect(errorsOf(get.validateGetThingInput!, { thingArn: "arn:aws:nope" })).toEqual([
      "/thingArn pattern",
    ]);
    expect(errorsOf(create.validateCreateThingInput!, { name: "x" })).toEqual(["/name minLength"]);
    // two astral characters are two characters, not four UTF-16 units
    expect(create.validateCreateThingInput!({ name: "😀😀" })).toBe(true);
    expect(errorsOf(list.validateListThingsInput!, { maxResults: 501 })).toEqual([
      "/maxResults maximum",
    ]);
    expect(errorsOf(list.validateListThingsInput!, { maxResults: 1.5 })).toEqual([
      "/maxResults type",
    ]);
    expect(
      errorsOf(list.validateListThingsInput!, { filter: { colors: ["red", "red", "red", "red"] } }),
    ).toEqual(["/filter/colors maxItems"]);
    expect(errorsOf(list.validateListThingsInput!, { filter: { colors: ["blue"] } })).toEqual([
      "/filter/colors/0 enum",
    ]);
  });

  it("checks timestamps are Dates and blobs Uint8Arrays", () => {
    expect(
      errorsOf(list.validateListThingsInput!, { filter: { createdAfter: "2024-01-01" } }),
    ).toEqual(["/filter/createdAfter smithyType"]);
    expect(list.validateListThingsInput!({ filter: { createdAfter: new Date("nope") } })).toBe(
      false,
    );
    const thing = { arn: "arn:aws:things:us-east-1:123456789012:thing/abc", createdAt: new Date() };
    expect(errorsOf(get.validateGetThingOutput!, { thing: { ...thing, payload: "AQ==" } })).toEqual(
      ["/thing/payload smithyType"],
    );
  });

  it("lets an absent idempotency token through (the client fills it in) and accepts NaN floats", () => {
    expect(create.validateCreateThingInput!({ name: "abc" })).toBe(true);
    expect(create.validateCreateThingInput!({ name: "abc", weight: -1 })).toBe(false);
    expect(create.validateCreateThingInput!({ name: "abc", weight: Number.NaN })).toBe(true);
  });

  it("follows recursive shapes", () => {
    const thing = {
      arn: "arn:aws:things:us-east-1:123456789012:thing/abc",
      createdAt: new Date(),
      parts: [{ name: "a", parts: [{ name: "b", parts: [{}] }] }],
    };
    expect(errorsOf(list.validateListThingsOutput!, { things: [thing] })).toEqual([
      "/things/0/parts/0/parts/0/parts/0 required",
    ]);
  });

  it("lets an optional member be null (the protocols treat it as absent), not a required one", () => {
    expect(list.validateListThingsInput!({ maxResults: null, filter: { colors: null } })).toBe(
      true,
    );
    // only the member's own error: no summary error for the null alternative
    expect(errorsOf(list.validateListThingsInput!, { maxResults: "ten" })).toEqual([
      "/maxResults type",
    ]);
    expect(errorsOf(get.validateGetThingInput!, { thingArn: null })).toEqual(["/thingArn type"]);
  });
});

describe("standalone validators of the protocol-test services", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "docsmith-validators-"));
    writeFileSync(join(dir, "runtime.js"), emitValidatorRuntime());
    writeFileSync(join(dir, "linear-regexp.js"), emitLinearRegExpModule());
    writeFileSync(join(dir, "package.json"), '{"type":"module"}');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("compiles a shape that is both input and output into each side's module", async () => {
    const view = protocolTestView("aws.protocoltests.json#JsonProtocol");
    const op = view.operations.find((o) => o.name === "JsonEnums")!;
    expect(op.input).toBe(op.output);
    const module = await load(view, "JsonEnums", dir);
    expect(module.validateJsonEnumsInput!({ fooEnum1: "Foo" })).toBe(true);
    expect(module.validateJsonEnumsInput!({ fooEnum1: "Nope" })).toBe(false);
    expect(module.validateJsonEnumsOutput!({ fooEnum1: "Nope" })).toBe(false);
  });

  it("accepts a long past 2^53 (as JSON.parse reads it), not one past 2^63", async () => {
    const view = protocolTestView("aws.protocoltests.json#JsonProtocol");
    const kitchen = await load(view, "KitchenSinkOperation", dir);
    expect(kitchen.validateKitchenSinkOperationOutput!({ Long: 2 ** 60 + 2 ** 9 })).toBe(true);
    expect(kitchen.validateKitchenSinkOperationOutput!({ Long: -(2 ** 63) })).toBe(true);
    expect(kitchen.validateKitchenSinkOperationOutput!({ Long: 2 ** 64 })).toBe(false);
    expect(kitchen.validateKitchenSinkOperationOutput!({ Integer: 2 ** 31 })).toBe(false);
  });

  it("runs @pattern on the linear-time matcher, so a ReDoS-prone pattern answers at once", async () => {
    const view = protocolTestView("aws.protocoltests.restjson.validation#RestJsonValidation");
    const op = view.operations.find((o) => o.name === "MalformedPattern")!;
    const code = emitOperationValidator(view, op, "input");
    expect(code).toMatch(/import \{ linearRegExp as \w+ \} from "\.\/linear-regexp\.js";/);
    expect(code).not.toMatch(/new RegExp/);
    const pattern = await load(view, "MalformedPattern", dir);
    // the protocol test's input: 84 digits and a '!', which `^([0-9]+)+$` backtracks on for ages
    const evilString = `${"0".repeat(84)}!`;
    expect(pattern.validateMalformedPatternInput!({ evilString })).toBe(false);
    expect(pattern.validateMalformedPatternInput!.errors![0]!.keyword).toBe("pattern");
    expect(pattern.validateMalformedPatternInput!({ evilString: "0".repeat(84) })).toBe(true);
  });
});

describe("validator modules", () => {
  it("emits modules biome finds clean, imports of both helper modules included", async () => {
    const formatter = await createFormatter();
    const view = thingsView();
    const modules = view.operations.flatMap((op) =>
      (["input", "output"] as const).map((side) => ({
        path: `src/validators/${op.name}.${side}.js`,
        code: emitOperationValidator(view, op, side),
      })),
    );
    expect(
      modules.some((m) => m.code.includes("./runtime.js") && m.code.includes("./linear-regexp.js")),
    ).toBe(true);
    for (const { path, code } of modules) {
      expect(formatter.lint(path, formatter.format(path, code)), path).toEqual([]);
    }
  });
});

describe("validator runtime", () => {
  let codePointLength: (value: string) => number;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "docsmith-runtime-"));
    writeFileSync(join(dir, "runtime.mjs"), emitValidatorRuntime());
    ({ codePointLength } = await import(pathToFileURL(join(dir, "runtime.mjs")).href));
    rmSync(dir, { recursive: true, force: true });
  });

  it("counts code points as iterating the string does", () => {
    const samples = [
      "",
      "a",
      "abc",
      "é",
      "😀",
      "a😀b",
      "😀😀",
      "\ud83d", // lone high surrogate
      "\ude00", // lone low surrogate
      "\ude00\ud83d", // low then high: two lone surrogates
      "a\ud83d", // high surrogate at the end
      "\ud83d\ud83d\ude00", // lone high, then a pair
      "x".repeat(300),
    ];
    for (const s of samples) expect(codePointLength(s), JSON.stringify(s)).toBe([...s].length);
    expect(codePointLength("")).toBe(0);
    expect(codePointLength("😀")).toBe(1);
    expect(codePointLength("\ud83d\ud83d\ude00")).toBe(2);
    expect(codePointLength("\ude00\ud83d")).toBe(2);
  });
});
