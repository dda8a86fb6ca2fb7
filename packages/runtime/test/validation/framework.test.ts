import { describe, expect, it } from "vitest";
import type {
  OperationSchema,
  ServiceSchema,
  StructureSchema,
  Validator,
  ValidatorError,
} from "../../src/schema.js";
import { createHandler } from "../../src/server/index.js";
import { frameworkValidation } from "../../src/validation/framework.js";
import { asModule } from "../validator-module.js";

// Errors as ajv's verbose standalone validators report them (parentSchema holds both bounds).
const one = (e: ValidatorError, data: unknown) => frameworkValidation([e], data);

describe("frameworkValidation (smithy.framework#ValidationException wording)", () => {
  it("words a length with both bounds, the value's length and a JSON pointer", () => {
    const result = one(
      {
        instancePath: "/list/0",
        keyword: "minLength",
        params: { limit: 2 },
        parentSchema: { type: "string", minLength: 2, maxLength: 8 },
      },
      { list: ["a"] },
    );
    const text =
      "Value with length 1 at '/list/0' failed to satisfy constraint: Member must have length between 2 and 8, inclusive";
    expect(result).toEqual({
      message: `1 validation error detected. ${text}`,
      fieldList: [{ path: "/list/0", message: text }],
    });
  });

  it("words one-sided lengths and counts code points, items, entries and bytes", () => {
    const max = one(
      {
        instancePath: "/s",
        keyword: "maxLength",
        params: { limit: 1 },
        parentSchema: { maxLength: 1 },
      },
      { s: "😀😀" },
    );
    expect(max.fieldList[0]!.message).toBe(
      "Value with length 2 at '/s' failed to satisfy constraint: Member must have length less than or equal to 1",
    );
    const blob = one(
      { instancePath: "/b", keyword: "minBytes", params: { limit: 4 }, parentSchema: {} },
      { b: new Uint8Array(3) },
    );
    expect(blob.fieldList[0]!.message).toBe(
      "Value with length 3 at '/b' failed to satisfy constraint: Member must have length greater than or equal to 4",
    );
  });

  it("words a map key's error at the map, with the key's length", () => {
    const result = frameworkValidation(
      [
        {
          instancePath: "/map",
          keyword: "minLength",
          params: { limit: 2 },
          parentSchema: { minLength: 2, maxLength: 8 },
          propertyName: "a",
        },
        { instancePath: "/map", keyword: "propertyNames", params: { propertyName: "a" } },
      ],
      { map: { a: ["x"], bcd: ["y"] } },
    );
    expect(result.fieldList).toEqual([
      {
        path: "/map",
        message:
          "Value with length 1 at '/map' failed to satisfy constraint: Member must have length between 2 and 8, inclusive",
      },
    ]);
  });

  it("words ranges, leaving out the integer width's implicit bound", () => {
    const between = one(
      {
        instancePath: "/float",
        keyword: "maximum",
        params: { limit: 6.6 },
        parentSchema: { minimum: 4.4, maximum: 6.6 },
      },
      { float: 7 },
    );
    expect(between.fieldList[0]!.message).toBe(
      "Value at '/float' failed to satisfy constraint: Member must be between 4.4 and 6.6, inclusive",
    );
    const minByte = one(
      {
        instancePath: "/minByte",
        keyword: "minimum",
        params: { limit: 2 },
        parentSchema: { type: "integer", minimum: 2, maximum: 127 },
      },
      { minByte: 1 },
    );
    expect(minByte.fieldList[0]!.message).toBe(
      "Value at '/minByte' failed to satisfy constraint: Member must be greater than or equal to 2",
    );
  });

  it("lists an enum's values without its internal ones", () => {
    const result = one(
      {
        instancePath: "/string",
        keyword: "enum",
        params: { allowedValues: ["abc", "def", "ghi", "jkl"] },
        parentSchema: {
          type: "string",
          enum: ["abc", "def", "ghi", "jkl"],
          smithyListedValues: ["abc", "def", "jkl"],
        },
      },
      { string: "XYZ" },
    );
    expect(result.fieldList[0]!.message).toBe(
      "Value at '/string' failed to satisfy constraint: Member must satisfy enum value set: [abc, def, jkl]",
    );
  });

  it("words required, pattern, enum and uniqueItems, and counts several errors", () => {
    const result = frameworkValidation(
      [
        { instancePath: "/a/0", keyword: "required", params: { missingProperty: "hi" } },
        { instancePath: "/s", keyword: "pattern", params: { pattern: "^[a-m]+$" } },
        { instancePath: "/e", keyword: "enum", params: { allowedValues: ["abc", "def"] } },
        { instancePath: "/l", keyword: "uniqueItems", params: { i: 1, j: 0 } },
      ],
      {},
    );
    expect(result.fieldList.map((f) => f.path)).toEqual(["/a/0/hi", "/s", "/e", "/l"]);
    expect(result.message).toBe(
      "4 validation errors detected. " +
        [
          "Value at '/a/0/hi' failed to satisfy constraint: Member must not be null",
          "Value at '/s' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-m]+$",
          "Value at '/e' failed to satisfy constraint: Member must satisfy enum value set: [abc, def]",
          "Value at '/l' failed to satisfy constraint: Member must have unique values",
        ].join("; "),
    );
  });
});

describe("the server's validation answer", () => {
  const str = { type: "string" } as const;
  const field: StructureSchema = {
    type: "structure",
    id: "smithy.framework#ValidationExceptionField",
    members: { path: { target: str, required: true }, message: { target: str, required: true } },
  };
  const frameworkError: StructureSchema = {
    type: "structure",
    id: "smithy.framework#ValidationException",
    members: {
      message: { target: str, required: true },
      fieldList: { target: { type: "list", member: field } },
    },
    error: "client",
    httpStatus: 400,
  };
  const validate: Validator = Object.assign(
    (data: unknown) => {
      const s = (data as { string?: string }).string ?? "";
      if (s.length >= 2) return true;
      validate.errors = [
        {
          instancePath: "/string",
          keyword: "minLength",
          params: { limit: 2 },
          parentSchema: { type: "string", minLength: 2, maxLength: 8 },
        },
      ];
      return false;
    },
    { errors: null },
  );
  const op = (errors: StructureSchema[]): OperationSchema => ({
    name: "MalformedLength",
    input: { type: "structure", id: "t#In", members: { string: { target: str } } },
    output: { type: "structure", id: "t#Out", members: {} },
    errors,
    http: { method: "POST", uri: "/MalformedLength", code: 200 },
    inputValidator: asModule(validate),
  });
  const service: ServiceSchema = {
    id: "t#RestJsonValidation",
    protocol: "restJson1",
    sdkId: "V",
    signingName: "v",
    endpointPrefix: "v",
    version: "1",
    errors: [],
  };
  const call = (errors: StructureSchema[]) =>
    createHandler(
      service,
      { MalformedLength: op(errors) },
      { MalformedLength: async () => ({}) },
    )(
      new Request("http://127.0.0.1/MalformedLength", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: '{"string":"a"}',
      }),
    );

  it("uses the framework format when the operation declares smithy.framework#ValidationException", async () => {
    const response = await call([frameworkError]);
    expect(response.status).toBe(400);
    expect(response.headers.get("x-amzn-errortype")).toBe("ValidationException");
    const text =
      "Value with length 1 at '/string' failed to satisfy constraint: Member must have length between 2 and 8, inclusive";
    expect(await response.json()).toEqual({
      message: `1 validation error detected. ${text}`,
      fieldList: [{ path: "/string", message: text }],
    });
  });

  it("keeps the AWS wording for a service without it", async () => {
    const response = await call([]);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toBe(
      "1 validation error detected: Value 'a' at 'string' failed to satisfy constraint: Member must have length greater than or equal to 2",
    );
  });
});
