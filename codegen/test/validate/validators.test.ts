import { describe, expect, it } from "vitest";
import type { AstShape, Model, ValidationEvent } from "../../src/model/ast.js";
import { validateModel } from "../../src/model/validate/index.js";
import { locator, model, PRELUDE, traitDef } from "./fixtures.js";

/** Validates PRELUDE + the given shapes; returns events as `SEVERITY Id shapeId: message`. */
function run(shapes: Record<string, AstShape>, metadata?: Model["metadata"]): ValidationEvent[] {
  const m = model({ ...PRELUDE, ...shapes }, metadata);
  return validateModel(m, locator(m));
}

function brief(events: ValidationEvent[]): string[] {
  return events.map((e) => `${e.severity} ${e.id} ${e.shapeId ?? "-"}`);
}

const S = "smithy.api#String";

describe("validateModel", () => {
  it("reports nothing for the fixture prelude itself", () => {
    expect(run({})).toEqual([]);
  });

  it("locates events, falling back to the containing shape for members", () => {
    const events = run({
      "ex#A": { type: "string", traits: { "smithy.api#required": {} } },
      "ex#B": { type: "structure", members: { x: { target: "ex#Nope" } } },
    });
    const onShape = events.find((e) => e.shapeId === "ex#A")!;
    const onMember = events.find((e) => e.shapeId === "ex#B$x")!;
    expect(onShape.location).toEqual({
      file: "test.smithy",
      line: Object.keys(PRELUDE).length + 1,
      column: 1,
    });
    expect(onMember.shapeId).toBe("ex#B$x");
    expect(onMember.location?.line).toBe(Object.keys(PRELUDE).length + 2);
  });
});

describe("TraitTarget", () => {
  it("rejects traits on shapes their selector does not match", () => {
    const events = run({
      "ex#Str": {
        type: "string",
        traits: { "smithy.api#required": {}, "smithy.api#readonly": {} },
      },
      "ex#S": {
        type: "structure",
        members: {
          a: { target: S, traits: { "smithy.api#required": {}, "smithy.api#length": { min: 1 } } },
        },
      },
    });
    expect(brief(events)).toEqual(["ERROR TraitTarget ex#Str", "ERROR TraitTarget ex#Str"]);
    expect(events[0].message).toBe(
      "Trait `required` cannot be applied to `ex#Str`. This trait may only be applied to shapes that match the following selector: structure > member",
    );
  });

  it("uses neighbor selectors over the whole model", () => {
    const events = run({
      "ex#Int": { type: "integer" },
      "ex#S": {
        type: "structure",
        members: {
          n: { target: "ex#Int", traits: { "smithy.api#length": { min: 1 } } },
          s: { target: S, traits: { "smithy.api#range": { min: 1 } } },
          ok: { target: "ex#Int", traits: { "smithy.api#range": { min: 1 } } },
        },
      },
    });
    expect(brief(events)).toEqual(["ERROR TraitTarget ex#S$n", "ERROR TraitTarget ex#S$s"]);
  });

  it("checks members inherited from mixins", () => {
    const events = run({
      "ex#Mixin": {
        type: "structure",
        traits: { "smithy.api#mixin": {} },
        members: { a: { target: S, traits: { "smithy.api#range": { min: 1 } } } },
      },
      "ex#User": { type: "structure", mixins: [{ target: "ex#Mixin" }] },
    });
    expect(brief(events)).toEqual(["ERROR TraitTarget ex#Mixin$a", "ERROR TraitTarget ex#User$a"]);
  });
});

describe("TraitValue", () => {
  it("checks kinds, members, required members and enum values with their paths", () => {
    const events = run({
      "ex#meta": traitDef(
        "structure",
        {},
        {
          members: {
            name: { target: S, traits: { "smithy.api#required": {} } },
            count: { target: "smithy.api#Integer", traits: { "smithy.api#range": { max: 3 } } },
            tags: { target: "ex#Tags" },
            kind: { target: "ex#Kind" },
          },
        },
      ),
      "ex#Kind": {
        type: "enum",
        members: {
          CLIENT: { target: "smithy.api#Unit", traits: { "smithy.api#enumValue": "client" } },
          SERVER: { target: "smithy.api#Unit", traits: { "smithy.api#enumValue": "server" } },
        },
      },
      "ex#Tags": {
        type: "list",
        member: { target: S },
        traits: { "smithy.api#length": { max: 1 } },
      },
      "ex#A": {
        type: "string",
        traits: { "ex#meta": { count: 5, tags: ["a", 2], extra: true, kind: "nope" } },
      },
      "ex#B": { type: "string", traits: { "ex#meta": { name: "x", count: 1.5 } } },
      "ex#C": { type: "string", traits: { "ex#meta": "text" } },
    });
    expect(events.map((e) => `${e.shapeId} ${e.message}`)).toEqual([
      "ex#A Error validating trait `ex#meta`.count: Value provided for `ex#meta$count` must be less than or equal to 3, but found 5",
      "ex#A Error validating trait `ex#meta`.tags: Value provided for `ex#Tags` must have no more than 1 elements, but the provided value has 2 elements",
      "ex#A Error validating trait `ex#meta`.tags.1: Expected string value for string shape, `smithy.api#String`; found number value, `2`",
      "ex#A Error validating trait `ex#meta`: Invalid structure member `extra` found for `ex#meta`",
      "ex#A Error validating trait `ex#meta`.kind: String value provided for `ex#Kind` must be one of the following values: `client`, `server`",
      "ex#A Error validating trait `ex#meta`: Missing required structure member `name` for `ex#meta`",
      "ex#B Error validating trait `ex#meta`.count: integer shapes must not have floating point values, but found `1.5` provided for `smithy.api#Integer`",
      "ex#C Error validating trait `ex#meta`: Expected object value for structure shape, `ex#meta`; found string value, `text`",
    ]);
    expect(new Set(events.map((e) => `${e.severity} ${e.id}`))).toEqual(
      new Set(["ERROR TraitValue"]),
    );
  });

  it("checks null values, unions, maps, integer bounds, patterns and idRef", () => {
    const events = run({
      "ex#s": traitDef(
        "string",
        {},
        { traits: { "smithy.api#trait": {}, "smithy.api#pattern": "^[a-z]+$" } },
      ),
      "ex#u": traitDef("union", {}, { members: { a: { target: S }, b: { target: S } } }),
      "ex#m": traitDef(
        "map",
        {},
        { key: { target: "ex#Key" }, value: { target: "smithy.api#Integer" } },
      ),
      "ex#Key": { type: "string", traits: { "smithy.api#length": { max: 2 } } },
      "ex#b": traitDef("byte"),
      "ex#ref": traitDef(
        "string",
        {},
        {
          traits: {
            "smithy.api#trait": {},
            "smithy.api#idRef": { failWhenMissing: true, selector: "structure" },
          },
        },
      ),
      "ex#Bad": {
        type: "string",
        traits: {
          "ex#s": null,
          "ex#u": { a: "x", b: "y" },
          "ex#m": { abc: 1, ok: "no" },
          "ex#b": 300,
          "ex#ref": "Missing",
        },
      },
      "ex#Bad2": { type: "string", traits: { "ex#s": "ABC", "ex#ref": "Bad" } },
      "ex#Good": {
        type: "string",
        traits: {
          "ex#s": "abc",
          "ex#u": { b: "y" },
          "ex#m": {},
          "ex#b": -128,
          "ex#ref": "smithy.api#Unit",
        },
      },
    });
    expect(events.map((e) => `${e.shapeId} ${e.message}`)).toEqual([
      "ex#Bad Error validating trait `ex#s`: Expected string value for string shape, `ex#s`; found null value",
      "ex#Bad Error validating trait `ex#u`: union values must contain a value for exactly one member",
      "ex#Bad Error validating trait `ex#m`.abc (map-key): Value provided for `ex#Key` must have no more than 2 characters, but the provided value has 3 characters",
      "ex#Bad Error validating trait `ex#m`.ok: Expected number value for integer shape, `smithy.api#Integer`; found string value, `no`",
      "ex#Bad Error validating trait `ex#b`: byte value must be < 127, but found 300",
      "ex#Bad Error validating trait `ex#ref`: Shape ID `Missing` was not found in the model",
      "ex#Bad2 Error validating trait `ex#s`: String value provided for `ex#s` must match regular expression: ^[a-z]+$",
      "ex#Bad2 Error validating trait `ex#ref`: Shape ID `ex#Bad` does not match selector `structure` (it is a string shape)",
    ]);
  });
});

describe("TraitConflict", () => {
  it("reports traits that a definition says conflict", () => {
    const events = run({
      "ex#Op": {
        type: "operation",
        traits: { "smithy.api#readonly": {}, "smithy.api#idempotent": {} },
      },
    });
    expect(brief(events)).toEqual(["ERROR TraitConflict ex#Op", "ERROR TraitConflict ex#Op"]);
    expect(events[0].message).toBe(
      "Found conflicting traits on operation shape: `readonly` conflicts with `idempotent`",
    );
  });
});

describe("Target", () => {
  it("reports unresolved and wrongly typed relationships", () => {
    const events = run({
      "ex#Op": {
        type: "operation",
        input: { target: "ex#Str" },
        output: { target: "ex#Err" },
        errors: [{ target: "ex#NotErr" }, { target: "ex#Missing" }],
      },
      "ex#Str": { type: "string" },
      "ex#Err": { type: "structure", traits: { "smithy.api#error": "client" } },
      "ex#NotErr": { type: "structure" },
      "ex#S": {
        type: "structure",
        members: {
          op: { target: "ex#Op" },
          typo: { target: "ex#Stx" },
          t: { target: "smithy.api#required" },
        },
      },
      "ex#M": { type: "map", key: { target: "smithy.api#Integer" }, value: { target: S } },
      "ex#Svc": { type: "service", operations: [{ target: "ex#Str" }] },
      "ex#NotMixin": { type: "structure" },
      "ex#UsesIt": { type: "structure", mixins: [{ target: "ex#NotMixin" }] },
      "ex#Res": {
        type: "resource",
        identifiers: { id: { target: "smithy.api#Integer" } },
        read: { target: "ex#Str" },
      },
    });
    expect(events.map((e) => `${e.shapeId}: ${e.message}`)).toEqual([
      "ex#Op: operation shape `input` relationships must target a structure shape, but found (string: `ex#Str`)",
      "ex#Op: Operation output targets an invalid structure `ex#Err` that is marked with the `error` trait.",
      "ex#Op: `ex#NotErr` cannot be bound as an error because it is not marked with the `error` trait.",
      "ex#Op: operation shape has an `error` relationship to an unresolved shape `ex#Missing`",
      "ex#S$op: Members cannot target operation shapes, but found (operation: `ex#Op`)",
      "ex#S$typo: member shape targets an unresolved shape `ex#Stx`. Did you mean ex#Str?",
      "ex#S$t: Found a MEMBER_TARGET reference to trait definition `smithy.api#required`. Trait definitions cannot be targeted by members or referenced by shapes in any other context other than applying them as traits.",
      "ex#M: Map key member targets (integer: `smithy.api#Integer`), but is expected to target a string",
      "ex#Svc: service shape `operation` relationships must target a operation shape, but found (string: `ex#Str`)",
      "ex#UsesIt: Attempted to use ex#NotMixin as a mixin, but it is not marked with the mixin trait",
      "ex#Res: resource shape `identifier` relationships must target a string shape, but found (integer: `smithy.api#Integer`)",
      "ex#Res: Resource read lifecycle operation must target an operation, but found (string: `ex#Str`)",
      "ex#Res: resource shape `operation` relationships must target a operation shape, but found (string: `ex#Str`)",
    ]);
    expect(new Set(events.map((e) => e.id))).toEqual(new Set(["Target"]));
  });

  it("rejects references to mixins other than as mixins", () => {
    const events = run({
      "ex#Mixin": { type: "structure", traits: { "smithy.api#mixin": {} } },
      "ex#S": { type: "structure", members: { m: { target: "ex#Mixin" } } },
    });
    expect(brief(events)).toEqual(["ERROR Target ex#S$m"]);
  });
});

describe("EnumShape", () => {
  it("checks enum and intEnum values", () => {
    const unit = "smithy.api#Unit";
    const ev = (v: unknown) => ({ target: unit, traits: { "smithy.api#enumValue": v as never } });
    const events = run({
      "ex#E": {
        type: "enum",
        members: { A: ev("a"), B: ev("a"), C: ev(""), D: ev(10), lower: ev("x") },
      },
      "ex#I": {
        type: "intEnum",
        members: {
          A: ev(1),
          B: ev(1),
          C: ev(1.5),
          D: ev(2147483648),
          E: ev("x"),
          F: { target: unit },
        },
      },
    });
    expect(events.map((e) => `${e.severity} ${e.shapeId}: ${e.message}`)).toEqual([
      "ERROR ex#E$B: Multiple enum members found with duplicate value `a`",
      "ERROR ex#E$C: enum values may not be empty.",
      "ERROR ex#E$D: enum members can only be assigned string values, but found: 10",
      "WARNING ex#E$lower: The name `lower` does not match the recommended enum name format of beginning with an uppercase letter, followed by any number of uppercase letters, numbers, or underscores.",
      "ERROR ex#I$B: Multiple intEnum members found with duplicate value `1`",
      "ERROR ex#I$C: intEnum members do not support floating point values: 1.5",
      "ERROR ex#I$D: intEnum members must fit within an integer, but found: 2147483648",
      'ERROR ex#I$E: intEnum members require integer values, but found: "x"',
      "ERROR ex#I$F: intEnum members must be assigned an integer value",
    ]);
  });
});

describe("LengthTrait and RangeTrait", () => {
  it("reports min greater than max", () => {
    const events = run({
      "ex#S": { type: "string", traits: { "smithy.api#length": { min: 5, max: 1 } } },
      "ex#I": { type: "integer", traits: { "smithy.api#range": { min: 5, max: 1 } } },
      "ex#Ok": { type: "integer", traits: { "smithy.api#range": { min: 1, max: 1 } } },
    });
    expect(brief(events)).toEqual(["ERROR LengthTrait ex#S", "ERROR RangeTrait ex#I"]);
  });
});

describe("DefaultTrait", () => {
  it("checks default values against their shape and repeated target defaults", () => {
    const events = run({
      "ex#Count": { type: "integer", traits: { "smithy.api#default": 0 } },
      "ex#List": { type: "list", member: { target: S } },
      "ex#S": {
        type: "structure",
        members: {
          a: { target: S, traits: { "smithy.api#default": 1 } },
          b: { target: "ex#Count" },
          c: { target: "ex#Count", traits: { "smithy.api#default": 2 } },
          d: { target: "ex#Count", traits: { "smithy.api#default": null } },
          e: { target: "ex#List", traits: { "smithy.api#default": ["x"] } },
          f: { target: "ex#Count", traits: { "smithy.api#default": 0 } },
        },
      },
      "ex#Null": { type: "string", traits: { "smithy.api#default": null } },
    });
    expect(events.map((e) => `${e.shapeId}: ${e.message}`)).toEqual([
      "ex#S$b: Member targets ex#Count, which requires that the member defines the same default of `0`",
      "ex#S$c: Member defines a default value that differs from the default value of the target shape, ex#Count. The member has a default of `2`, but the target has a default of `0`.",
      "ex#S$a: Error validating @default trait: Expected string value for string shape, `smithy.api#String`; found number value, `1`",
      "ex#S$e: The @default value of a list must be an empty list",
      "ex#Null: The @default trait can only be set to null on members",
    ]);
  });
});
