/** Shape-to-schema rules: enums, constraints, recursion, timestamps, blobs, docs, unions. */
import { describe, expect, it } from "vitest";
import { emitOpenApi, type SchemaObject } from "../../../src/emit/openapi/index.js";
import type { AstShape, MemberShape } from "../../../src/model/ast.js";
import { componentValidator } from "./consumers.js";
import { TINY, tinyModel } from "./tiny-model.js";

function emit(members: Record<string, MemberShape>, shapes: Record<string, AstShape> = {}) {
  const doc = emitOpenApi(tinyModel(members, shapes), TINY);
  const schemas = doc.components.schemas ?? {};
  const body = schemas.OpRequestContent;
  const prop = (name: string): SchemaObject | undefined => body?.properties?.[name];
  return { doc, schemas, body, prop };
}

describe("enums", () => {
  it("makes enum shapes string components of their values (not member names)", () => {
    const { schemas, prop } = emit(
      { e: { target: "tiny#E" } },
      {
        "tiny#E": {
          type: "enum",
          members: {
            A: { target: "smithy.api#Unit", traits: { "smithy.api#enumValue": "a-value" } },
            B: { target: "smithy.api#Unit" },
          },
          traits: { "smithy.api#documentation": "An enum." },
        },
      },
    );
    expect(prop("e")).toEqual({ $ref: "#/components/schemas/E" });
    expect(schemas.E).toEqual({
      type: "string",
      description: "An enum.",
      enum: ["a-value", "B"],
      "x-smithy-id": "tiny#E",
    });
  });

  it("makes intEnums integer components and reads the Smithy 1 @enum trait on strings", () => {
    const { schemas } = emit(
      { i: { target: "tiny#I" }, s: { target: "tiny#S" } },
      {
        "tiny#I": {
          type: "intEnum",
          members: { ONE: { target: "smithy.api#Unit", traits: { "smithy.api#enumValue": 1 } } },
        },
        "tiny#S": {
          type: "string",
          traits: { "smithy.api#enum": [{ value: "x", name: "X" }, { value: "y" }] },
        },
      },
    );
    expect(schemas.I).toEqual({ type: "integer", enum: [1], "x-smithy-id": "tiny#I" });
    expect(schemas.S).toEqual({ type: "string", enum: ["x", "y"], "x-smithy-id": "tiny#S" });
  });
});

describe("constraints", () => {
  const { schemas, prop, body, doc } = emit(
    {
      name: { target: "tiny#Name", traits: { "smithy.api#required": {} } },
      narrower: { target: "tiny#Name", traits: { "smithy.api#length": { min: 5 } } },
      count: { target: "smithy.api#Integer", traits: { "smithy.api#range": { min: 1, max: 9 } } },
      list: { target: "tiny#Names" },
      shortList: { target: "tiny#Names", traits: { "smithy.api#length": { max: 2 } } },
      map: { target: "tiny#Counts" },
      set: { target: "tiny#NameSet" },
    },
    {
      "tiny#Name": {
        type: "string",
        traits: { "smithy.api#length": { min: 1, max: 10 }, "smithy.api#pattern": "^[a-z]+$" },
      },
      "tiny#Names": {
        type: "list",
        member: { target: "tiny#Name" },
        traits: { "smithy.api#length": { min: 1, max: 3 } },
      },
      "tiny#NameSet": { type: "set", member: { target: "smithy.api#String" } },
      "tiny#Counts": {
        type: "map",
        key: { target: "tiny#Name" },
        value: { target: "smithy.api#Long" },
        traits: { "smithy.api#length": { max: 2 } },
      },
    },
  );

  it("puts required, length, pattern and range on the schemas", () => {
    expect(body?.required).toEqual(["name"]);
    expect(prop("name")).toEqual({
      type: "string",
      pattern: "^[a-z]+$",
      minLength: 1,
      maxLength: 10,
    });
    // A member's @length replaces its target's (Smithy's member-trait precedence).
    expect(prop("narrower")).toEqual({ type: "string", pattern: "^[a-z]+$", minLength: 5 });
    expect(prop("count")).toEqual({ type: "integer", format: "int32", minimum: 1, maximum: 9 });
  });

  it("reads @length as item and property counts on lists and maps", () => {
    expect(schemas.Names).toMatchObject({ type: "array", minItems: 1, maxItems: 3 });
    expect(schemas.Counts).toEqual({
      type: "object",
      maxProperties: 2,
      propertyNames: { type: "string", pattern: "^[a-z]+$", minLength: 1, maxLength: 10 },
      additionalProperties: { type: "integer", format: "int64" },
      "x-smithy-id": "tiny#Counts",
    });
    expect(schemas.NameSet).toMatchObject({ type: "array", uniqueItems: true });
    // Member-level constraints on a component sit next to its $ref (with the type, for strict ajv).
    expect(prop("shortList")).toEqual({
      $ref: "#/components/schemas/Names",
      type: "array",
      maxItems: 2,
    });
  });

  it("enforces them when a validator reads the document", () => {
    const validate = componentValidator(doc);
    expect(
      validate("OpRequestContent", { name: "abc", list: ["a"], map: { a: 1 }, set: ["x", "y"] }),
    ).toEqual([]);
    expect(
      validate("OpRequestContent", {
        name: "ABC",
        count: 10,
        list: [],
        map: { a: 1, b: 2, c: 3 },
        set: ["x", "x"],
      }),
    ).toEqual([
      '/name must match pattern "^[a-z]+$"',
      "/count must be <= 9",
      "/list must NOT have fewer than 1 items",
      "/map must NOT have more than 2 properties",
      "/set must NOT have duplicate items (items ## 1 and 0 are identical)",
    ]);
  });
});

describe("recursion", () => {
  it("breaks cycles with $ref and emits each component once", () => {
    const { schemas } = emit(
      { tree: { target: "tiny#Tree" } },
      {
        "tiny#Tree": {
          type: "structure",
          members: { children: { target: "tiny#Forest" }, value: { target: "smithy.api#String" } },
        },
        "tiny#Forest": { type: "list", member: { target: "tiny#Tree" } },
      },
    );
    expect(schemas.Tree?.properties?.children).toEqual({ $ref: "#/components/schemas/Forest" });
    expect(schemas.Forest?.items).toEqual({ $ref: "#/components/schemas/Tree" });
  });

  it("leaves shapes no operation reaches out of the components", () => {
    const { schemas } = emit(
      { a: { target: "smithy.api#String" } },
      { "tiny#Unused": { type: "structure", members: {} } },
    );
    expect(Object.keys(schemas)).toEqual(["FrameworkErrorContent", "OpRequestContent"]);
  });
});

describe("timestamps and blobs", () => {
  const { prop } = emit(
    {
      plain: { target: "smithy.api#Timestamp" },
      dateTime: {
        target: "smithy.api#Timestamp",
        traits: { "smithy.api#timestampFormat": "date-time" },
      },
      httpDate: { target: "tiny#HttpDate" },
      epoch: {
        target: "smithy.api#Timestamp",
        traits: { "smithy.api#timestampFormat": "epoch-seconds" },
      },
      blob: { target: "smithy.api#Blob" },
      typed: { target: "tiny#Json" },
      secret: { target: "smithy.api#String", traits: { "smithy.api#sensitive": {} } },
    },
    {
      "tiny#HttpDate": { type: "timestamp", traits: { "smithy.api#timestampFormat": "http-date" } },
      "tiny#Json": { type: "string", traits: { "smithy.api#mediaType": "application/json" } },
    },
  );

  it("sends body timestamps as epoch seconds unless @timestampFormat says otherwise", () => {
    expect(prop("plain")).toEqual({ type: "number", format: "double" });
    expect(prop("epoch")).toEqual({ type: "number", format: "double" });
    expect(prop("dateTime")).toEqual({ type: "string", format: "date-time" });
    expect(prop("httpDate")).toEqual({ type: "string" });
  });

  it("sends blobs as base64 strings and notes @mediaType", () => {
    expect(prop("blob")).toEqual({ type: "string", contentEncoding: "base64" });
    expect(prop("typed")).toEqual({ type: "string", contentMediaType: "application/json" });
  });

  it("marks @sensitive strings with the password format", () => {
    expect(prop("secret")).toEqual({ type: "string", format: "password" });
  });
});

describe("documentation, unions and sparse collections", () => {
  const { schemas, prop } = emit(
    {
      documented: {
        target: "tiny#Doc",
        traits: { "smithy.api#documentation": "Member docs win." },
      },
      inherited: { target: "tiny#Doc" },
      choice: { target: "tiny#Choice", traits: { "smithy.api#documentation": "Pick one." } },
      holes: { target: "tiny#Holes" },
      old: { target: "smithy.api#String", traits: { "smithy.api#deprecated": {} } },
    },
    {
      "tiny#Doc": { type: "string", traits: { "smithy.api#documentation": "Target docs." } },
      "tiny#Choice": {
        type: "union",
        members: {
          n: { target: "smithy.api#Integer" },
          s: { target: "tiny#Doc" },
          none: { target: "smithy.api#Unit" },
        },
      },
      "tiny#Holes": {
        type: "list",
        member: { target: "smithy.api#String" },
        traits: { "smithy.api#sparse": {} },
      },
    },
  );

  it("documents members, falling back to the target's documentation", () => {
    expect(prop("documented")?.description).toBe("Member docs win.");
    expect(prop("inherited")?.description).toBe("Target docs.");
    expect(prop("choice")).toEqual({
      $ref: "#/components/schemas/Choice",
      description: "Pick one.",
    });
    expect(prop("old")).toEqual({ type: "string", deprecated: true });
  });

  it("maps a union to a oneOf of single-property objects", () => {
    expect(schemas.Choice?.oneOf).toEqual([
      {
        type: "object",
        title: "n",
        properties: { n: { type: "integer", format: "int32" } },
        required: ["n"],
      },
      {
        type: "object",
        title: "s",
        properties: { s: { type: "string", description: "Target docs." } },
        required: ["s"],
      },
      {
        type: "object",
        title: "none",
        properties: { none: { type: "object" } },
        required: ["none"],
      },
    ]);
  });

  it("lets @sparse lists hold nulls", () => {
    expect(schemas.Holes?.items).toEqual({ anyOf: [{ type: "string" }, { type: "null" }] });
  });
});
