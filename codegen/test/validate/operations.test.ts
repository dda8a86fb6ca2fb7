import { describe, expect, it } from "vitest";
import type { AstShape, ValidationEvent } from "../../src/model/ast.js";
import { validateModel } from "../../src/model/validate/index.js";
import { locator, model, PRELUDE, traitDef } from "./fixtures.js";

const S = "smithy.api#String";

const IO: Record<string, AstShape> = {
  "smithy.api#input": traitDef("structure", { selector: "structure" }),
  "smithy.api#output": traitDef("structure", { selector: "structure" }),
  "smithy.api#jsonName": traitDef("string", { selector: ":is(structure, union) > member" }),
};

function lines(shapes: Record<string, AstShape>): string[] {
  const m = model({ ...PRELUDE, ...IO, ...shapes });
  return validateModel(m, locator(m)).map(
    (e: ValidationEvent) => `${e.severity} ${e.id} ${e.shapeId ?? "-"}: ${e.message}`,
  );
}

const input = { "smithy.api#input": {} };
const output = { "smithy.api#output": {} };

describe("OperationInputOutputMisuse and naming", () => {
  it("keeps @input/@output structures to one operation and one side", () => {
    expect(
      lines({
        "ex#GetA": {
          type: "operation",
          input: { target: "ex#GetAInput" },
          output: { target: "ex#GetAOutput" },
        },
        "ex#GetB": {
          type: "operation",
          input: { target: "ex#GetAInput" },
          output: { target: "ex#GetAInput" },
        },
        "ex#GetAInput": { type: "structure", traits: input },
        "ex#GetAOutput": { type: "structure", traits: output },
        "ex#Holder": { type: "structure", members: { o: { target: "ex#GetAOutput" } } },
      }),
    ).toEqual([
      "WARNING OperationInputOutputName.input ex#GetB: The input of this operation should target a shape that starts with the operation's name, 'GetB', but the targeted shape is `ex#GetAInput`",
      "ERROR OperationInputOutputMisuse ex#GetB: Operation `output` cannot target structures marked with the `@input` trait: `ex#GetAInput`",
      "ERROR OperationInputOutputMisuse ex#GetAInput: Shapes marked with the @input trait cannot be used as input by multiple operations: `ex#GetA`, `ex#GetB`",
      "ERROR OperationInputOutputMisuse ex#Holder$o: Members cannot target structures marked with the @output trait: ex#GetAOutput",
    ]);
  });

  it("warns about shapes whose names imply another operation's input", () => {
    expect(
      lines({
        "ex#Put": { type: "operation", input: { target: "ex#PutRequest" } },
        "ex#PutRequest": { type: "structure" },
        "ex#PutInput": { type: "structure" },
      }),
    ).toEqual([
      "WARNING OperationNameAmbiguity ex#PutInput: The name of this shape implies that it is the input of ex#Put, but that operation uses ex#PutRequest for input. This kind of ambiguity can confuse developers calling this operation and can cause issues in code generators that use similar naming conventions to generate input types.",
    ]);
  });
});

describe("UnitType", () => {
  it("lets only operation io and union/enum members reference smithy.api#Unit", () => {
    expect(
      lines({
        "ex#Op": {
          type: "operation",
          input: { target: "smithy.api#Unit" },
          output: { target: "smithy.api#Unit" },
        },
        "ex#U": {
          type: "union",
          members: { none: { target: "smithy.api#Unit" }, s: { target: S } },
        },
        "ex#S": { type: "structure", members: { nothing: { target: "smithy.api#Unit" } } },
        "ex#L": { type: "list", member: { target: "smithy.api#Unit" } },
      }),
    ).toEqual([
      "ERROR UnitType ex#S$nothing: Only members of a union, enum, or intEnum can reference smithy.api#Unit",
      "ERROR UnitType ex#L$member: Only members of a union, enum, or intEnum can reference smithy.api#Unit",
    ]);
  });
});

describe("JsonName", () => {
  it("rejects members that serialize to the same JSON name", () => {
    expect(
      lines({
        "ex#S": {
          type: "structure",
          members: {
            a: { target: S, traits: { "smithy.api#jsonName": "b" } },
            b: { target: S },
            c: { target: S, traits: { "smithy.api#jsonName": "C" } },
          },
        },
      }),
    ).toEqual([
      "ERROR JsonName ex#S: Members of `ex#S` serialize to the same JSON name `b`: `a`, `b`",
    ]);
  });
});

describe("ShapeRecursion", () => {
  const required = { "smithy.api#required": {} };
  it("rejects structures that require themselves and self-containing collections", () => {
    expect(
      lines({
        "ex#A": { type: "structure", members: { b: { target: "ex#B", traits: required } } },
        "ex#B": { type: "structure", members: { a: { target: "ex#A", traits: required } } },
        "ex#Tree": {
          type: "structure",
          members: { kids: { target: "ex#Trees" }, self: { target: "ex#Tree" } },
        },
        "ex#Trees": { type: "list", member: { target: "ex#Tree" } },
        "ex#Loop": { type: "list", member: { target: "ex#LoopMap" } },
        "ex#LoopMap": { type: "map", key: { target: S }, value: { target: "ex#Loop" } },
      }),
    ).toEqual([
      "ERROR ShapeRecursion ex#A: Found invalid shape recursion: ex#A$b > ex#B$a > ex#A. A structure cannot be mutually recursive through all required members.",
      "ERROR ShapeRecursion ex#B: Found invalid shape recursion: ex#B$a > ex#A$b > ex#B. A structure cannot be mutually recursive through all required members.",
      "ERROR ShapeRecursion ex#Loop: Found invalid shape recursion: ex#Loop$member > ex#LoopMap$value > ex#Loop. A list or map cannot recursively contain itself without an intermediate structure or union.",
      "ERROR ShapeRecursion ex#LoopMap: Found invalid shape recursion: ex#LoopMap$value > ex#Loop$member > ex#LoopMap. A list or map cannot recursively contain itself without an intermediate structure or union.",
    ]);
  });
});

describe("ExamplesTrait", () => {
  const examplesTrait = traitDef(
    "list",
    { selector: "operation" },
    { member: { target: "smithy.api#Document" } },
  );
  const base: Record<string, AstShape> = {
    "smithy.api#examples": examplesTrait,
    "smithy.api#timestampFormat": traitDef("string"),
    "ex#Get": {
      type: "operation",
      input: { target: "ex#GetInput" },
      output: { target: "ex#GetOutput" },
      errors: [{ target: "ex#Oops" }],
    },
    "ex#GetInput": {
      type: "structure",
      members: {
        id: { target: S, traits: { "smithy.api#required": {}, "smithy.api#length": { max: 3 } } },
        at: { target: "ex#Time" },
        http: { target: "ex#Time", traits: { "smithy.api#timestampFormat": "http-date" } },
      },
    },
    "ex#GetOutput": { type: "structure", members: { n: { target: "smithy.api#Integer" } } },
    "ex#Oops": {
      type: "structure",
      traits: { "smithy.api#error": "client" },
      members: { why: { target: S } },
    },
    "ex#Time": { type: "timestamp" },
  };
  const run = (examples: unknown[]) =>
    lines({
      ...base,
      "ex#Get": { ...base["ex#Get"], traits: { "smithy.api#examples": examples as never } },
    });

  it("accepts examples that match the operation", () => {
    expect(
      run([
        {
          title: "ok",
          input: { id: "a", at: "1985-04-12T23:20:50.52Z", http: "Tue, 29 Apr 2014 18:30:38 GMT" },
          output: { n: 1 },
        },
        { title: "epoch", input: { id: "b", at: 1 } },
        { title: "err", input: { id: "c" }, error: { shapeId: "ex#Oops", content: { why: "x" } } },
      ]),
    ).toEqual([]);
  });

  it("validates input, output and error content against their shapes", () => {
    expect(
      run([
        { title: "bad", input: { id: "toolong", at: "yesterday", extra: 1 }, output: { n: "one" } },
        { title: "lenient", input: { id: "toolong" }, allowConstraintErrors: true },
        {
          title: "both",
          input: { id: "a" },
          output: { n: 1 },
          error: { shapeId: "ex#Nope", content: {} },
        },
      ]),
    ).toEqual([
      "ERROR ExamplesTrait ex#Get: Example input of `bad`.id: Value provided for `ex#GetInput$id` must have no more than 3 characters, but the provided value has 7 characters",
      'ERROR ExamplesTrait ex#Get: Example input of `bad`.at: Invalid string value, `yesterday`, provided for timestamp, `ex#Time`. Expected an RFC 3339 formatted timestamp (e.g., "1985-04-12T23:20:50.52Z")',
      "ERROR ExamplesTrait ex#Get: Example input of `bad`: Invalid structure member `extra` found for `ex#GetInput`",
      "ERROR ExamplesTrait ex#Get: Example output of `bad`.n: Expected number value for integer shape, `smithy.api#Integer`; found string value, `one`",
      "WARNING ExamplesTrait ex#Get: Example input of `lenient`.id: Value provided for `ex#GetInput$id` must have no more than 3 characters, but the provided value has 7 characters",
      "ERROR ExamplesTrait ex#Get: Example: `both` has both output and error defined, only one should be present.",
      "ERROR ExamplesTrait ex#Get: Error parameters provided for operation without the `ex#Nope` error: `both`",
    ]);
  });
});
