import { describe, expect, it } from "vitest";
import type { AstShape, Model, ValidationEvent } from "../../src/model/ast.js";
import { validateModel } from "../../src/model/validate/index.js";
import { locator, model, PRELUDE, traitDef } from "./fixtures.js";

const S = "smithy.api#String";

const HTTP: Record<string, AstShape> = {
  "smithy.api#http": traitDef(
    "structure",
    { selector: "operation" },
    {
      members: {
        method: { target: S, traits: { "smithy.api#required": {} } },
        uri: { target: S, traits: { "smithy.api#required": {} } },
      },
    },
  ),
  "smithy.api#httpLabel": traitDef("structure", {
    selector:
      "structure > member[trait|required] :test(> :test(string, number, boolean, timestamp))",
  }),
  "smithy.api#httpPayload": traitDef("structure", {
    selector: "structure > :test(member > :test(blob, string, structure, union))",
    structurallyExclusive: "member",
  }),
};

function run(shapes: Record<string, AstShape>, metadata?: Model["metadata"]): ValidationEvent[] {
  const m = model({ ...PRELUDE, ...HTTP, ...shapes }, metadata);
  return validateModel(m, locator(m));
}

function lines(events: ValidationEvent[]): string[] {
  return events.map((e) => `${e.severity} ${e.id} ${e.shapeId ?? "-"}: ${e.message}`);
}

const required = { "smithy.api#required": {} };

describe("HttpLabelTrait", () => {
  it("matches URI labels with @httpLabel members", () => {
    const events = run({
      "ex#Get": {
        type: "operation",
        input: { target: "ex#GetInput" },
        traits: {
          "smithy.api#http": { method: "GET", uri: "/things/{id}/{rest+}/{missing}?q={notALabel}" },
        },
      },
      "ex#GetInput": {
        type: "structure",
        members: {
          id: { target: S, traits: { ...required, "smithy.api#httpLabel": {} } },
          rest: {
            target: "smithy.api#Integer",
            traits: { ...required, "smithy.api#httpLabel": {} },
          },
          extra: { target: S, traits: { ...required, "smithy.api#httpLabel": {} } },
        },
      },
      "ex#NoInput": {
        type: "operation",
        traits: { "smithy.api#http": { method: "GET", uri: "/x/{a}" } },
      },
      "ex#Fine": {
        type: "operation",
        input: { target: "ex#GetInput" },
        traits: { "smithy.api#http": { method: "GET", uri: "/{id}/{rest}/{extra}" } },
      },
    });
    expect(lines(events)).toEqual([
      "ERROR HttpLabelTrait ex#GetInput$rest: The `rest` structure member corresponds to a greedy label when used as the input of the `ex#Get` operation. This member targets (integer: `smithy.api#Integer`), but greedy labels must target string shapes.",
      "ERROR HttpLabelTrait ex#GetInput$extra: This `extra` structure member is marked with the `httpLabel` trait, but no corresponding `http` URI label could be found when used as the input of the `ex#Get` operation.",
      "ERROR HttpLabelTrait ex#Get: This operation uses `ex#GetInput` as input, but the following URI labels found in the operation's `http` trait do not have a corresponding member marked with the `httpLabel` trait: `missing`",
      "ERROR HttpLabelTrait ex#NoInput: This operation uses `smithy.api#Unit` as input, but the following URI labels found in the operation's `http` trait do not have a corresponding member marked with the `httpLabel` trait: `a`",
    ]);
  });

  it("applies httpLabel only to required members (TraitTarget)", () => {
    const events = run({
      "ex#In": {
        type: "structure",
        members: { id: { target: S, traits: { "smithy.api#httpLabel": {} } } },
      },
    });
    expect(events.map((e) => `${e.id} ${e.shapeId}`)).toEqual(["TraitTarget ex#In$id"]);
  });
});

describe("ExclusiveStructureMemberTrait", () => {
  it("allows a structurally exclusive trait on one member only", () => {
    const events = run({
      "ex#S": {
        type: "structure",
        members: {
          a: { target: S, traits: { "smithy.api#httpPayload": {} } },
          b: { target: S, traits: { "smithy.api#httpPayload": {} } },
        },
      },
    });
    expect(lines(events)).toEqual([
      "ERROR ExclusiveStructureMemberTrait ex#S: The `httpPayload` trait can be applied to only a single member of a shape, but it was found on the following members: a, b",
    ]);
  });

  it("allows one member targeting a shape with a `target`-exclusive trait", () => {
    const events = run({
      "ex#stream": traitDef("structure", { structurallyExclusive: "target" }),
      "ex#Blob": { type: "string", traits: { "ex#stream": {} } },
      "ex#S": {
        type: "structure",
        members: { a: { target: "ex#Blob" }, b: { target: "ex#Blob" } },
      },
      "ex#T": { type: "structure", members: { a: { target: "ex#Blob" }, b: { target: S } } },
    });
    expect(events.map((e) => `${e.id} ${e.shapeId}`)).toEqual([
      "ExclusiveStructureMemberTrait ex#S",
    ]);
  });
});

describe("Service", () => {
  const op = (input: string): AstShape => ({ type: "operation", input: { target: input } });

  it("reports case-insensitive shape name conflicts in a service closure", () => {
    const events = run({
      "ex#Svc": { type: "service", version: "1", operations: [{ target: "ex#A" }] },
      "ex#A": op("ex#AInput"),
      "ex#AInput": {
        type: "structure",
        members: {
          one: { target: "ex#Thing" },
          two: { target: "other#thing" },
          s: { target: "other#String" },
          s2: { target: S },
          u: { target: "ex#Unit" },
        },
      },
      "ex#Thing": { type: "structure" },
      "other#thing": { type: "structure" },
      "other#String": { type: "string" },
      "ex#Unit": { type: "structure" },
    });
    expect(events.map((e) => `${e.severity} ${e.shapeId}`)).toEqual([
      "ERROR ex#Thing",
      "ERROR other#thing",
      // Identical simple shapes: a NOTE (the one on the prelude side is not reported).
      "NOTE other#String",
    ]);
    expect(events[0].message).toBe(
      "Shape name `ex#Thing` conflicts with `other#thing` in the `ex#Svc` service closure. Shapes in the closure of a service must have case-insensitively unique names regardless of their namespaces. Use the `rename` property of the service to disambiguate shape names.",
    );
  });

  it("lets rename resolve conflicts, and checks renames", () => {
    const events = run({
      "ex#Svc": {
        type: "service",
        version: "1",
        operations: [{ target: "ex#A" }],
        rename: {
          "other#thing": "OtherThing",
          "ex#A": "B",
          "ex#Nope": "Nope2",
          "ex#Thing": "not valid",
        },
      },
      "ex#A": op("ex#AInput"),
      "ex#AInput": {
        type: "structure",
        members: { one: { target: "ex#Thing" }, two: { target: "other#thing" } },
      },
      "ex#Thing": { type: "structure" },
      "other#thing": { type: "structure" },
    });
    expect(lines(events)).toEqual([
      'ERROR Service ex#Svc: Service attempts to rename a operation shape from `ex#A` to "B"; operations cannot be renamed',
      "ERROR Service ex#Svc: Service attempts to rename a shape not in the service: ex#Nope",
      'ERROR Service ex#Svc: Service attempts to rename `ex#Thing` to an invalid identifier, "not valid"',
    ]);
  });
});

describe("PrivateAccess", () => {
  it("rejects references to private shapes of another namespace", () => {
    const events = run({
      "a#Secret": { type: "string", traits: { "smithy.api#private": {} } },
      "a#Same": { type: "structure", members: { s: { target: "a#Secret" } } },
      "b#Other": { type: "structure", members: { s: { target: "a#Secret" } } },
      "a#hidden": traitDef(
        "structure",
        {},
        { traits: { "smithy.api#trait": {}, "smithy.api#private": {} } },
      ),
      "b#UsesTrait": { type: "string", traits: { "a#hidden": {} } },
    });
    expect(lines(events)).toEqual([
      "ERROR PrivateAccess b#Other$s: This shape has an invalid member target relationship that targets a private shape, `a#Secret`, in another namespace.",
      "ERROR PrivateAccess b#UsesTrait: This shape applies a trait that is private to another namespace, `a#hidden`.",
    ]);
  });
});

describe("deprecations", () => {
  it("warns about deprecated traits and deprecated targets", () => {
    const events = run({
      "ex#old": traitDef(
        "structure",
        {},
        {
          traits: {
            "smithy.api#trait": {},
            "smithy.api#deprecated": { message: "Use new.", since: "2.0" },
          },
        },
      ),
      "ex#Old": { type: "string", traits: { "smithy.api#deprecated": {} } },
      "ex#S": { type: "structure", members: { a: { target: "ex#Old" } }, traits: { "ex#old": {} } },
    });
    expect(lines(events)).toEqual([
      "WARNING DeprecatedTrait ex#S: This shape applies a trait that is deprecated: ex#old. Use new. (since 2.0)",
      "WARNING DeprecatedShape ex#S$a: This shape has a member target relationship to a deprecated shape, `ex#Old`",
    ]);
  });
});

describe("trait definitions and mixin shapes", () => {
  it("rejects non-trait shapes used as traits and invalid trait selectors", () => {
    const events = run({
      "ex#NotATrait": { type: "structure" },
      "ex#S": { type: "string", traits: { "ex#NotATrait": {} } },
      "ex#bad": traitDef("structure", { selector: "structure >> [" }),
    });
    expect(lines(events).map((l) => l.replace(/: Invalid selector at .*/, ""))).toEqual([
      "ERROR Model ex#NotATrait: Shape `ex#NotATrait` cannot be applied as a trait. If this is a custom trait, please add `@trait` to this shape.",
      "ERROR Model ex#bad: Invalid trait selector",
    ]);
  });

  it("rejects operation mixins with input/output and resource mixins with identifiers", () => {
    const mixin = { "smithy.api#mixin": {} };
    const events = run({
      "ex#OpMixin": { type: "operation", traits: mixin, input: { target: "ex#In" } },
      "ex#OkOp": { type: "operation", traits: mixin, input: { target: "smithy.api#Unit" } },
      "ex#In": { type: "structure" },
      "ex#ResMixin": { type: "resource", traits: mixin, identifiers: { id: { target: S } } },
    });
    expect(events.map((e) => `${e.id} ${e.shapeId}`)).toEqual([
      "Model ex#OpMixin",
      "Model ex#ResMixin",
    ]);
  });
});

describe("traitValidators, metadata validators and suppressions", () => {
  const traitValidators = traitDef(
    "map",
    { selector: "[trait|trait]" },
    {
      key: { target: S },
      value: { target: "smithy.api#Document" },
    },
  );

  it("runs a trait's validators from each shape it is applied to", () => {
    const events = run({
      "smithy.api#traitValidators": traitValidators,
      "ex#proto": traitDef(
        "structure",
        { selector: "service" },
        {
          traits: {
            "smithy.api#trait": { selector: "service" },
            "smithy.api#traitValidators": {
              "Proto.NoDocuments": {
                selector: "~> member :test(> document)",
                message: "no documents",
              },
            },
          },
        },
      ),
      "ex#Svc": { type: "service", operations: [{ target: "ex#Op" }], traits: { "ex#proto": {} } },
      "ex#Op": { type: "operation", input: { target: "ex#In" } },
      "ex#In": { type: "structure", members: { d: { target: "smithy.api#Document" } } },
      "ex#Unused": { type: "structure", members: { d: { target: "smithy.api#Document" } } },
    });
    expect(lines(events)).toEqual([
      "ERROR Proto.NoDocuments ex#In$d: Found an incompatible shape when validating the constraints of the `ex#proto` trait attached to `ex#Svc`: no documents",
    ]);
  });

  it("runs EmitEachSelector / EmitNoneSelector and applies suppressions", () => {
    const events = run(
      {
        "ex#L1": { type: "list", member: { target: S } },
        "ex#L2": {
          type: "list",
          member: { target: S },
          traits: { "smithy.api#suppress": ["NoLists"] },
        },
        "other#L3": { type: "list", member: { target: S } },
      },
      {
        validators: [
          {
            name: "EmitEachSelector",
            id: "NoLists.Please",
            message: "no lists",
            configuration: { selector: "list" },
          },
          {
            name: "EmitEachSelector",
            id: "Errors",
            severity: "ERROR",
            configuration: { selector: "[id=ex#L2]" },
          },
          {
            name: "EmitNoneSelector",
            id: "NeedsService",
            severity: "WARNING",
            configuration: { selector: "service" },
          },
          { name: "Mystery" },
        ],
        suppressions: [
          { id: "NoLists", namespace: "other" },
          { id: "Errors", namespace: "*" },
          { id: "UnknownValidator_Mystery", namespace: "ex" },
        ],
      },
    );
    expect(lines(events)).toEqual([
      "DANGER NoLists.Please ex#L1: no lists",
      "ERROR Errors ex#L2: Selector capture matched selector: [id=ex#L2]",
      "WARNING NeedsService -: Expected at least one shape to match selector: service",
      "WARNING UnknownValidator_Mystery -: Unable to locate a validator named `Mystery`",
    ]);
  });
});

describe("PaginatedTrait", () => {
  const paginated = traitDef(
    "structure",
    { selector: ":is(service, operation)" },
    {
      members: {
        inputToken: { target: S },
        outputToken: { target: S },
        items: { target: S },
        pageSize: { target: S },
      },
    },
  );
  const shapes = (trait: Record<string, string>, serviceTrait?: Record<string, string>) => ({
    "smithy.api#paginated": paginated,
    "ex#Svc": {
      type: "service" as const,
      version: "1",
      operations: [{ target: "ex#List" }],
      ...(serviceTrait ? { traits: { "smithy.api#paginated": serviceTrait } } : {}),
    },
    "ex#List": {
      type: "operation" as const,
      input: { target: "ex#In" },
      output: { target: "ex#Out" },
      traits: { "smithy.api#paginated": trait },
    },
    "ex#In": {
      type: "structure" as const,
      members: {
        next: { target: S },
        max: { target: "smithy.api#Integer", traits: required },
        req: { target: S, traits: required },
      },
    },
    "ex#Out": {
      type: "structure" as const,
      members: { next: { target: S }, items: { target: "ex#Items" }, page: { target: "ex#Page" } },
    },
    "ex#Page": {
      type: "structure" as const,
      members: { token: { target: S }, n: { target: "smithy.api#Integer" } },
    },
    "ex#Items": { type: "list" as const, member: { target: S } },
  });

  it("accepts a valid configuration, merged with the service defaults", () => {
    expect(
      run(shapes({ items: "items" }, { inputToken: "next", outputToken: "page.token" })),
    ).toEqual([]);
  });

  it("reports missing, mistyped and required members", () => {
    const events = run(
      shapes({ inputToken: "req", outputToken: "page.n", items: "nope", pageSize: "max" }),
    );
    expect(lines(events)).toEqual([
      "ERROR PaginatedTrait ex#List: paginated trait `inputToken` member `req` must not be required",
      "ERROR PaginatedTrait ex#List: paginated trait `outputToken` member `n` targets a integer shape, but must target one of the following: [`string`]",
      "ERROR PaginatedTrait ex#List: paginated trait `items` targets a member `nope` that does not exist",
      "DANGER PaginatedTrait ex#List: paginated trait `pageSize` member `max` should not be required",
    ]);
  });

  it("requires tokens once bound to a service", () => {
    const events = run(shapes({ items: "items" }));
    expect(lines(events)).toEqual([
      "ERROR PaginatedTrait ex#List: When bound within the `ex#Svc` service, paginated trait `inputToken` is not configured",
      "ERROR PaginatedTrait ex#List: When bound within the `ex#Svc` service, paginated trait `outputToken` is not configured",
    ]);
  });
});

describe("HTTP bindings", () => {
  const withHttp: Record<string, AstShape> = {
    "smithy.api#httpHeader": traitDef("string", { selector: "structure > member" }),
    "smithy.api#httpQuery": traitDef("string", { selector: "structure > member" }),
    "smithy.api#pattern": traitDef("string"),
  };
  const op = (method: string, uri: string, input?: string): AstShape => ({
    type: "operation",
    traits: { "smithy.api#http": { method, uri } },
    ...(input ? { input: { target: input } } : {}),
  });

  it("reports URI conflicts between operations of a service", () => {
    const events = run({
      ...withHttp,
      "ex#Svc": {
        type: "service",
        version: "1",
        operations: ["A", "B", "C", "D", "E", "F"].map((n) => ({ target: `ex#${n}` })),
      },
      "ex#A": op("GET", "/things/{id}", "ex#AIn"),
      "ex#B": op("GET", "/things/list"),
      "ex#C": op("POST", "/things/list"),
      "ex#D": op("GET", "/things/{id}/more", "ex#AIn"),
      "ex#E": op("GET", "/x?mode=a"),
      "ex#F": op("GET", "/x?mode=b"),
      "ex#AIn": {
        type: "structure",
        members: { id: { target: S, traits: { ...required, "smithy.api#httpLabel": {} } } },
      },
    });
    expect(lines(events)).toEqual([
      "ERROR HttpUriConflict ex#A: Operation URI, `/things/{id}`, conflicts with other operation URIs in the same service: [`ex#B` (/things/list)]",
      "ERROR HttpUriConflict ex#B: Operation URI, `/things/list`, conflicts with other operation URIs in the same service: [`ex#A` (/things/{id}), `ex#D` (/things/{id}/more)]",
      "ERROR HttpUriConflict ex#D: Operation URI, `/things/{id}/more`, conflicts with other operation URIs in the same service: [`ex#B` (/things/list)]",
    ]);
  });

  it("downgrades conflicts that a label @pattern rules out to DANGER", () => {
    const events = run({
      ...withHttp,
      "ex#Svc": {
        type: "service",
        version: "1",
        operations: [{ target: "ex#A" }, { target: "ex#B" }],
      },
      "ex#A": op("GET", "/things/{id}", "ex#AIn"),
      "ex#B": op("GET", "/things/list"),
      "ex#AIn": {
        type: "structure",
        members: {
          id: { target: "ex#Id", traits: { ...required, "smithy.api#httpLabel": {} } },
        },
      },
      "ex#Id": { type: "string", traits: { "smithy.api#pattern": "^[0-9]+$" } },
    });
    expect(events.map((e) => `${e.severity} ${e.id} ${e.shapeId}`)).toEqual([
      "DANGER HttpUriConflict ex#A",
      "DANGER HttpUriConflict ex#B",
    ]);
  });

  it("requires every member to be bound when one is the payload", () => {
    const events = run({
      ...withHttp,
      "ex#A": op("POST", "/a", "ex#In"),
      "ex#In": {
        type: "structure",
        members: {
          body: { target: S, traits: { "smithy.api#httpPayload": {} } },
          h: { target: S, traits: { "smithy.api#httpHeader": "X-H" } },
          h2: { target: S, traits: { "smithy.api#httpHeader": "x-h" } },
          q: { target: S, traits: { "smithy.api#httpQuery": "q" } },
          q2: { target: S, traits: { "smithy.api#httpQuery": "q" } },
          loose: { target: S },
        },
      },
    });
    expect(lines(events)).toEqual([
      "ERROR HttpPayload ex#In: A member of this structure is marked with the `httpPayload` trait, but the following structure members are not explicitly bound to the HTTP message: `loose`",
      "ERROR HttpQueryTrait ex#In: The query string parameter `q` is bound to multiple members: `q`, `q2`",
      "ERROR HttpHeaderTrait ex#In: The HTTP header `x-h` is bound to multiple members: `h`, `h2`",
    ]);
  });
});

describe("AuthTrait", () => {
  it("lists only auth schemes that the service carries", () => {
    const events = run({
      "smithy.api#auth": traitDef(
        "list",
        { selector: ":is(service, operation)" },
        { member: { target: S } },
      ),
      "smithy.api#authDefinition": traitDef("structure", { selector: "[trait|trait]" }),
      "ex#sigv4": traitDef(
        "structure",
        { selector: "service" },
        {
          traits: { "smithy.api#trait": { selector: "service" }, "smithy.api#authDefinition": {} },
        },
      ),
      "ex#basic": traitDef(
        "structure",
        { selector: "service" },
        {
          traits: { "smithy.api#trait": { selector: "service" }, "smithy.api#authDefinition": {} },
        },
      ),
      "ex#Svc": {
        type: "service",
        version: "1",
        operations: [{ target: "ex#Op" }],
        traits: { "ex#sigv4": {}, "smithy.api#auth": ["ex#sigv4", "ex#basic"] },
      },
      "ex#Op": { type: "operation", traits: { "smithy.api#auth": ["ex#basic"] } },
      "ex#Fine": { type: "operation", traits: { "smithy.api#auth": [] } },
    });
    expect(lines(events)).toEqual([
      "ERROR AuthTrait ex#Svc: auth trait references auth schemes that are not applied to the service: [`ex#basic`]",
      "ERROR AuthTrait ex#Op: auth trait when bound within the `ex#Svc` service references auth schemes that are not applied to the service: [`ex#basic`]",
    ]);
  });
});
