import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ModelIndex } from "../../src/model/validate/model-index.js";
import {
  compileSelector,
  parseSelector,
  SelectorSyntaxError,
} from "../../src/model/validate/selector/index.js";
import { model, PRELUDE } from "./fixtures.js";

const preludeDir = path.resolve(import.meta.dirname, "../../../../shared/smithy/prelude");

/** Every `selector: "..."` and `selector: """..."""` value in the bundled trait definitions. */
function preludeSelectors(): string[] {
  const found: string[] = [];
  for (const file of readdirSync(preludeDir).filter((f) => f.endsWith(".smithy"))) {
    const text = readFileSync(path.join(preludeDir, file), "utf8");
    for (const m of text.matchAll(/selector:\s*("""([\s\S]*?)"""|"((?:[^"\\]|\\.)*)")/g)) {
      found.push(m[2] ?? m[3]);
    }
  }
  return found;
}

const shapes = model({
  ...PRELUDE,
  "ex#Service": {
    type: "service",
    version: "2024-01-01",
    operations: [{ target: "ex#GetThing" }],
    resources: [{ target: "ex#Thing" }],
    traits: { "ex#proto": {} },
  },
  "ex#proto": { type: "structure", traits: { "smithy.api#trait": { selector: "service" } } },
  "ex#Thing": {
    type: "resource",
    identifiers: { thingId: { target: "smithy.api#String" } },
    put: { target: "ex#PutThing" },
  },
  "ex#PutThing": { type: "operation", input: { target: "ex#PutThingInput" } },
  "ex#GetThing": {
    type: "operation",
    input: { target: "ex#GetThingInput" },
    output: { target: "ex#GetThingOutput" },
    errors: [{ target: "ex#NotFound" }],
    traits: { "smithy.api#readonly": {} },
  },
  "ex#PutThingInput": {
    type: "structure",
    members: { thingId: { target: "smithy.api#String", traits: { "smithy.api#required": {} } } },
  },
  "ex#GetThingInput": {
    type: "structure",
    members: {
      name: { target: "smithy.api#String", traits: { "smithy.api#required": {} } },
      count: { target: "smithy.api#Integer" },
      tags: { target: "ex#Tags" },
    },
  },
  "ex#GetThingOutput": {
    type: "structure",
    members: { doc: { target: "smithy.api#Document" }, color: { target: "ex#Color" } },
  },
  "ex#NotFound": {
    type: "structure",
    traits: { "smithy.api#error": "client" },
    members: { message: { target: "smithy.api#String" } },
  },
  "ex#Tags": { type: "list", member: { target: "smithy.api#String" } },
  "ex#Color": {
    type: "enum",
    members: { RED: { target: "smithy.api#Unit", traits: { "smithy.api#enumValue": "red" } } },
  },
  "ex#Level": {
    type: "intEnum",
    members: { LOW: { target: "smithy.api#Unit", traits: { "smithy.api#enumValue": 1 } } },
  },
});
const index = new ModelIndex(shapes);

/** The ids a selector yields over the whole model, outside the prelude. */
function select(selector: string): string[] {
  return [...compileSelector(selector).select(index)]
    .map((s) => s.id)
    .filter((id) => !id.startsWith("smithy.api#"))
    .sort();
}

describe("selector parser", () => {
  it("parses every selector of the prelude and AWS trait definitions", () => {
    const selectors = preludeSelectors();
    expect(selectors.length).toBeGreaterThan(100);
    for (const selector of selectors) expect(() => parseSelector(selector), selector).not.toThrow();
  });

  it("parses every form of the grammar", () => {
    const forms = [
      "*",
      "[id|namespace='ex']",
      "[trait|range|min >= 1]",
      "[trait|enum|(values)|name ^= A, B i]",
      "[@trait|range: @{min} > 0 && @{max} < 10]",
      "[@: @{trait|(keys)} {<} @{id}]",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: selector variable syntax
      "$ops(-[operation]->) ${ops}",
      "operation <-[operation]- service",
      ":topdown([trait|aws.api#dataPlane], [trait|aws.api#controlPlane])",
      ":recursive(-[mixin]->)",
      ":in(:root(service ~> structure))",
      "structure > member // a comment\n :test(> string)",
    ];
    for (const form of forms) expect(() => parseSelector(form), form).not.toThrow();
  });

  it("rejects bad selectors with the position", () => {
    expect(() => parseSelector("structure >> [")).toThrow(SelectorSyntaxError);
    expect(() => parseSelector("strucutre")).toThrow(/Unknown shape type: strucutre/);
    expect(() => parseSelector(":not(a, b)")).toThrow(/Unknown shape type|single selector/);
    expect(() => parseSelector(":not(string, integer)")).toThrow(/single selector argument/);
    expect(() => parseSelector("[id=")).toThrow(/position 5/);
    expect(() => parseSelector(":nope(string)")).toThrow(/Unknown selector function/);
  });
});

describe("selector evaluation", () => {
  it("matches shape types, with enum as a string and intEnum as an integer", () => {
    expect(select("string")).toEqual(["ex#Color"]);
    expect(select("string :not(enum)")).toEqual([]);
    expect(select("integer")).toEqual(["ex#Level"]);
    expect(select("number")).toEqual(["ex#Level"]);
    expect(select("simpleType")).toEqual(["ex#Color", "ex#Level"]);
    expect(select("collection")).toEqual(["ex#Tags"]);
    expect(select("serviceType")).toEqual(["ex#GetThing", "ex#PutThing", "ex#Service", "ex#Thing"]);
  });

  it("walks members and targets with >", () => {
    expect(select("structure > member")).toEqual([
      "ex#GetThingInput$count",
      "ex#GetThingInput$name",
      "ex#GetThingInput$tags",
      "ex#GetThingOutput$color",
      "ex#GetThingOutput$doc",
      "ex#NotFound$message",
      "ex#PutThingInput$thingId",
    ]);
    expect(select("member :test(> string)")).toContain("ex#GetThingOutput$color");
    expect(select("structure > :test(member > :test(list, map))")).toEqual([
      "ex#GetThingInput$tags",
    ]);
    expect(select(":is(enum, intEnum) > member")).toEqual(["ex#Color$RED", "ex#Level$LOW"]);
  });

  it("follows directed relationships and reverse ones", () => {
    expect(select("operation -[input, output]-> structure")).toEqual([
      "ex#GetThingInput",
      "ex#GetThingOutput",
      "ex#PutThingInput",
    ]);
    expect(select("operation -[error]->")).toEqual(["ex#NotFound"]);
    expect(select("resource:test(-[put]->)")).toEqual(["ex#Thing"]);
    expect(select("operation :test(<-[operation]- service)")).toEqual(["ex#GetThing"]);
    expect(select("structure[id|namespace=ex] <")).toEqual(["ex#GetThing", "ex#PutThing"]);
    // Enum members target smithy.api#Unit.
    expect(select("[id=smithy.api#Unit] <")).toEqual(["ex#Color$RED", "ex#Level$LOW"]);
  });

  it("walks the closure with ~>", () => {
    const closure = select("service ~> member :test(> document)");
    expect(closure).toEqual(["ex#GetThingOutput$doc"]);
    expect(select("service ~> operation")).toEqual(["ex#GetThing", "ex#PutThing"]);
  });

  it("evaluates attributes: existence, comparators, case folding, projections", () => {
    expect(select("[trait|error]")).toEqual(["ex#NotFound"]);
    expect(select("[trait|error=client]")).toEqual(["ex#NotFound"]);
    expect(select("[trait|error=CLIENT]")).toEqual([]);
    expect(select("[trait|error=CLIENT i]")).toEqual(["ex#NotFound"]);
    expect(select("[trait|error!=client]")).toEqual([]);
    expect(select("[trait|proto]")).toEqual([]);
    expect(select("[trait|ex#proto]")).toEqual(["ex#Service"]);
    expect(select("[id=ex#Tags]")).toEqual(["ex#Tags"]);
    expect(select("[id|member=thingId]")).toEqual(["ex#PutThingInput$thingId"]);
    // `id|name` of a member is the name of its container.
    expect(select("[id|name^=Get][id|name$=Input]:not(member)")).toEqual(["ex#GetThingInput"]);
    expect(select("[id|name*=Thing]:not(member)")).toEqual([
      "ex#GetThing",
      "ex#GetThingInput",
      "ex#GetThingOutput",
      "ex#PutThing",
      "ex#PutThingInput",
      "ex#Thing",
    ]);
    expect(select("[service|version^=2024]")).toEqual(["ex#Service"]);
    // Relative comparators need numbers on both sides.
    expect(select("service[service|version>=2023]")).toEqual([]);
    expect(select("[trait|readonly?=true]")).toEqual(["ex#GetThing"]);
    expect(select("operation[trait|readonly?=false]")).toEqual(["ex#PutThing"]);
    expect(select("intEnum > member[trait|enumValue > 0]")).toEqual(["ex#Level$LOW"]);
    expect(select("structure[trait|(keys)=smithy.api#error]")).toEqual(["ex#NotFound"]);
  });

  it("evaluates scoped attributes", () => {
    expect(select("[@trait|error: @{} = client]")).toEqual(["ex#NotFound"]);
    expect(select("[@: @{id|name} = Tags]")).toEqual(["ex#Tags", "ex#Tags$member"]);
    expect(select("[@trait|enumValue: @{} > 0 && @{} < 2]")).toEqual(["ex#Level$LOW"]);
  });

  it("evaluates :is, :not, :test, :in, :root, variables and :recursive", () => {
    expect(select(":is(list, [trait|error])")).toEqual(["ex#NotFound", "ex#Tags"]);
    expect(select(":is(operation -[input]-> structure > member, [trait|ex#proto])")).toEqual([
      "ex#GetThingInput$count",
      "ex#GetThingInput$name",
      "ex#GetThingInput$tags",
      "ex#PutThingInput$thingId",
      "ex#Service",
    ]);
    expect(select("structure :not([trait|error]) > member :test(> integer)")).toEqual([
      "ex#GetThingInput$count",
    ]);
    expect(select("string :in(:root(service ~> string))")).toEqual(["ex#Color"]);
    expect(select("service $svc(*) ~> operation :test(-[error]->)")).toEqual(["ex#GetThing"]);
    expect(select("operation $op(*) -[input]-> structure > member [trait|required]")).toEqual([
      "ex#GetThingInput$name",
      "ex#PutThingInput$thingId",
    ]);
    expect(select("service :recursive(-[resource, operation]->)")).toEqual([
      "ex#GetThing",
      "ex#PutThing",
      "ex#Thing",
    ]);
    expect(select("operation -[trait]-> [id=smithy.api#readonly]").length).toBe(0);
    expect([...compileSelector("operation -[trait]->").select(index)].map((s) => s.id)).toEqual([
      "smithy.api#readonly",
    ]);
  });

  it("evaluates :topdown with a disqualifier", () => {
    expect(select(":topdown([trait|ex#proto], [trait|readonly])")).toEqual([
      "ex#PutThing",
      "ex#Service",
      "ex#Thing",
    ]);
  });
});
