import { describe, expect, it } from "vitest";
import { formatEvent } from "../../src/model/ast.js";
import {
  flattenMixins,
  isBundledShape,
  loadFiles,
  loadSources,
  toCanonicalJson,
  withoutBundled,
} from "../../src/model/load.js";

const fixtures = new URL("../fixtures/idl/", import.meta.url).pathname;
const v2 = (body: string) => `$version: "2.0"\nnamespace ex\n${body}`;
const load = (...texts: string[]) =>
  loadSources(texts.map((text, i) => ({ path: `f${i}.smithy`, text })));
const errors = (r: ReturnType<typeof loadSources>) =>
  r.events
    .filter((e) => e.severity === "ERROR")
    .map(
      (e) => `${e.location?.file}:${e.location?.line}:${e.location?.column} [${e.id}] ${e.message}`,
    );

describe("loadSources: resolution and merging", () => {
  it("resolves relative ids through use, the namespace (forward references too) and the prelude", () => {
    const r = load(
      v2(
        "use other#Thing\nstructure S {\n    a: Thing\n    b: Later\n    c: String\n}\nstring Later\n",
      ),
      '$version: "2.0"\nnamespace other\nstring Thing\n',
    );
    expect(errors(r)).toEqual([]);
    expect(r.model.shapes["ex#S"]?.members).toEqual({
      a: { target: "other#Thing" },
      b: { target: "ex#Later" },
      c: { target: "smithy.api#String" },
    });
    expect(r.locations.get("ex#S$b")).toEqual({ file: "f0.smithy", line: 6, column: 5 });
  });

  it("prefers a shape of the namespace over the prelude shape of the same name", () => {
    const r = load(v2("string String\nlist L {\n    member: String\n}\n"));
    expect(r.model.shapes["ex#L"]?.member?.target).toBe("ex#String");
  });

  it("resolves unquoted shape ids in trait values and warns (DANGER) when they resolve to nothing", () => {
    const r = load(
      v2("@trait\nstring ref\n@ref(Target)\nstring Target\n@ref(Nowhere)\nstring X\n"),
    );
    expect(r.model.shapes["ex#Target"]?.traits?.["ex#ref"]).toBe("ex#Target");
    const danger = r.events.find((e) => e.severity === "DANGER");
    expect(danger?.id).toBe("SyntacticShapeIdTarget");
    expect(danger?.location).toEqual({ file: "f0.smithy", line: 7, column: 6 });
  });

  it("accepts identical duplicate definitions and rejects conflicting ones", () => {
    expect(errors(load(v2("string A\n"), v2("string A\n")))).toEqual([]);
    expect(errors(load(v2("string A\n"), v2("integer A\n")))).toEqual([
      "f1.smithy:3:1 [Model] Conflicting shape definition for `ex#A` found at `f0.smithy:3:1` and `f1.smithy:3:1`",
    ]);
  });

  it("merges metadata: arrays concatenate, equal values agree, others conflict", () => {
    const ok = load(
      "metadata a = [1]\nmetadata b = {x: 1}\n",
      "metadata a = [2]\nmetadata b = {x: 1}\n",
    );
    expect(errors(ok)).toEqual([]);
    expect(ok.model.metadata).toEqual({ a: [1, 2], b: { x: 1 } });
    expect(errors(load('metadata a = "x"\n', 'metadata a = "y"\n'))).toEqual([
      "f1.smithy:1:1 [Model] Metadata conflict for key `a`. Defined in both `f0.smithy:1:1` and `f1.smithy:1:1`",
    ]);
  });

  it("merges traits from apply statements; arrays concatenate, conflicting values are errors", () => {
    const r = load(
      v2('@tags(["a"])\nstring A\napply A @tags(["b"])\napply A @documentation("d")\n'),
    );
    expect(r.model.shapes["ex#A"]?.traits).toEqual({
      "smithy.api#tags": ["a", "b"],
      "smithy.api#documentation": "d",
    });
    expect(errors(load(v2('@since("1")\nstring A\napply A @since("2")\n')))[0]).toMatch(
      /^f0\.smithy:5:9 \[Model\] Conflicting `smithy.api#since` trait found on shape `ex#A`/,
    );
  });

  it("reports unresolved targets, unknown traits and applies to unknown shapes at their line", () => {
    expect(
      errors(load(v2("structure S {\n    a: Nope\n}\n@nope\nstring B\napply C @deprecated\n"))),
    ).toEqual([
      "f0.smithy:4:5 [Target] member shape has a `member_target` relationship to an unresolved shape `ex#Nope`",
      "f0.smithy:6:1 [Model] Unable to resolve trait `ex#nope`. If this is a custom trait, then it must be defined before it can be used in a model.",
      "f0.smithy:8:1 [Model] Trait `deprecated` applied to unknown shape `ex#C`",
    ]);
  });

  it("sorts events by file, line and column and formats them like a compiler", () => {
    const r = load(v2("string A\napply Z @deprecated\n"), v2("structure S {\n  a: Q\n}\n"));
    expect(r.ok).toBe(false);
    expect(r.events.map((e) => e.location?.file)).toEqual(["f0.smithy", "f1.smithy"]);
    expect(formatEvent(r.events[0] as never)).toBe(
      "f0.smithy:4:1: ERROR [Model] Trait `deprecated` applied to unknown shape `ex#Z`",
    );
  });
});

describe("loadSources: mixins, elision, inline io, 1.0", () => {
  it("keeps own members and writes changed inherited members as apply entries", () => {
    const r = load(
      v2(
        '@mixin\nstructure M {\n    @required\n    a: String\n}\nstructure S with [M] {\n    @documentation("x")\n    $a\n    b: Integer\n}\n',
      ),
    );
    expect(errors(r)).toEqual([]);
    expect(r.model.shapes["ex#S"]).toEqual({
      type: "structure",
      mixins: [{ target: "ex#M" }],
      members: { b: { target: "smithy.api#Integer" } },
    });
    expect(r.model.shapes["ex#S$a"]).toEqual({
      type: "apply",
      traits: { "smithy.api#documentation": "x" },
    });
    const flat = flattenMixins(r.model);
    expect(flat.shapes["ex#M"]).toBeUndefined();
    expect(flat.shapes["ex#S"]?.members).toEqual({
      a: {
        target: "smithy.api#String",
        traits: { "smithy.api#required": {}, "smithy.api#documentation": "x" },
      },
      b: { target: "smithy.api#Integer" },
    });
  });

  it("detects mixin cycles and conflicting inherited members", () => {
    expect(
      errors(
        load(
          v2(
            "@mixin\nstructure A with [B] {}\n@mixin\nstructure B with [A] {}\nstructure C with [A] {}\n",
          ),
        ),
      ),
    ).toEqual([
      "f0.smithy:4:1 [Model] Unable to resolve mixins; cycles detected between this shape and [ex#B]",
      "f0.smithy:6:1 [Model] Unable to resolve mixins; cycles detected between this shape and [ex#A]",
      "f0.smithy:7:1 [Model] Cannot apply mixin to ex#C: ex#A not found",
    ]);
    expect(
      errors(
        load(
          v2(
            "@mixin\nstructure M {\n    a: String\n}\nstructure S with [M] {\n    a: Integer\n}\n",
          ),
        ),
      ),
    ).toEqual(["f0.smithy:8:5 [Model] Member conflicts with an inherited mixin member: `ex#M$a`"]);
  });

  it("takes elided targets from the bound resource", () => {
    const r = load(
      v2(
        "resource R {\n    identifiers: { id: String }\n    properties: { size: Integer }\n}\nstructure S for R {\n    $id\n    $size\n}\n",
      ),
    );
    expect(errors(r)).toEqual([]);
    expect(r.model.shapes["ex#S"]?.members).toEqual({
      id: { target: "smithy.api#String" },
      size: { target: "smithy.api#Integer" },
    });
  });

  it("gives operations Unit input/output by default and names inline structures", () => {
    const r = load(v2("operation A {}\noperation B {\n    input := {}\n}\n"));
    expect(r.model.shapes["ex#A"]).toEqual({
      type: "operation",
      input: { target: "smithy.api#Unit" },
      output: { target: "smithy.api#Unit" },
    });
    expect(r.model.shapes["ex#BInput"]).toEqual({
      type: "structure",
      members: {},
      traits: { "smithy.api#input": {} },
    });
  });

  it("gives IDL 1.0 numbers and booleans their zero default", () => {
    const r = load(
      "namespace ex\ninteger Count\n@box\ninteger Boxed\nstructure S {\n    c: Count\n    b: Boxed\n    p: PrimitiveLong\n}\n",
    );
    expect(errors(r)).toEqual([]);
    expect(r.model.shapes["ex#Count"]?.traits).toEqual({ "smithy.api#default": 0 });
    expect(r.model.shapes["ex#Boxed"]?.traits).toEqual({ "smithy.api#box": {} });
    expect(r.model.shapes["ex#S"]?.members).toEqual({
      c: { target: "ex#Count", traits: { "smithy.api#default": 0 } },
      b: { target: "ex#Boxed" },
      p: { target: "smithy.api#PrimitiveLong", traits: { "smithy.api#default": 0 } },
    });
  });

  it("gives enum members their name as value and checks intEnum values", () => {
    const r = load(v2('enum E {\n    A\n    B = "b"\n}\n'));
    expect(r.model.shapes["ex#E"]?.members).toEqual({
      A: { target: "smithy.api#Unit", traits: { "smithy.api#enumValue": "A" } },
      B: { target: "smithy.api#Unit", traits: { "smithy.api#enumValue": "b" } },
    });
    expect(errors(load(v2("intEnum I {\n    A = 1.5\n}\n")))).toEqual([
      "f0.smithy:4:5 [Model] intEnum members do not support floating point values",
    ]);
  });
});

describe("JSON AST, files and output", () => {
  it("loads IDL and 1.0/2.0 JSON AST files into one model (sets become lists)", async () => {
    const r = await loadFiles([`${fixtures}multi`]);
    expect(errors(r)).toEqual([]);
    const user = withoutBundled(r.model);
    expect(Object.keys(user.shapes).sort()).toEqual([
      "ex.multi#Base",
      "ex.multi#Widget",
      "ex.multi#Widget$id",
      "ex.other#Flag",
      "ex.other#Shared",
    ]);
    expect(user.shapes["ex.other#Shared"]).toEqual({
      type: "list",
      member: { target: "smithy.api#String" },
      traits: { "smithy.api#uniqueItems": {} },
    });
    expect(user.shapes["ex.other#Flag"]?.traits).toEqual({ "smithy.api#default": false });
    expect(user.metadata).toEqual({ tags: ["a", "b"] });
  });

  it("reports bad JSON with a position", () => {
    const r = loadSources([{ path: "m.json", text: '{\n  "smithy": "2.0",\n  "shapes": {,}\n}' }]);
    expect(r.ok).toBe(false);
    expect(r.events[0]?.location?.line).toBe(3);
  });

  it("round-trips its own JSON output", () => {
    const a = loadSources([
      {
        path: "a.smithy",
        text: v2(
          "@mixin\nstructure M {\n  a: String\n}\nstructure S with [M] {\n  @required\n  $a\n}\n",
        ),
      },
    ]);
    const json = toCanonicalJson(withoutBundled(a.model));
    const b = loadSources([{ path: "a.json", text: json }]);
    expect(b.ok).toBe(true);
    expect(toCanonicalJson(withoutBundled(b.model))).toBe(json);
  });

  it("writes canonical JSON: sorted shapes and traits, Smithy's property order, trailing newline", () => {
    const text = toCanonicalJson({
      smithy: "2.0",
      shapes: {
        "b#B": { traits: { "z#z": 1, "a#a": 2 }, type: "string" },
        "a#A": { output: { target: "x#O" }, input: { target: "x#I" }, type: "operation" },
      },
    });
    expect(text.endsWith("}\n")).toBe(true);
    const parsed = JSON.parse(text);
    expect(Object.keys(parsed.shapes)).toEqual(["a#A", "b#B"]);
    expect(Object.keys(parsed.shapes["a#A"])).toEqual(["type", "input", "output"]);
    expect(Object.keys(parsed.shapes["b#B"].traits)).toEqual(["a#a", "z#z"]);
    expect(text).toContain('\n  "shapes": {\n    "a#A": {\n      "type": "operation",');
  });

  it("knows the bundled shapes", () => {
    expect(isBundledShape("smithy.api#String")).toBe(true);
    expect(isBundledShape("aws.protocols#restJson1")).toBe(true);
    expect(isBundledShape("smithy.test#httpRequestTests")).toBe(true);
    expect(isBundledShape("smithy.api#String$member")).toBe(true);
    expect(isBundledShape("ex#String")).toBe(false);
  });
});

describe("loader warnings, as Smithy reports them", () => {
  const warnings = (r: ReturnType<typeof loadSources>) =>
    r.events
      .filter((e) => e.severity === "WARNING" || e.severity === "NOTE")
      .map((e) => `${e.location?.line}:${e.location?.column} [${e.id}] ${e.message}`);

  it("warns about doc comments that document nothing; a trailing /// is a plain comment", () => {
    const r = load(
      v2(
        '@since("1")\n/// after traits\nstring A\n\nstring B /// trailing\nstring C\n/// dangling\n',
      ),
    );
    expect(r.model.shapes["ex#C"]?.traits).toBeUndefined();
    expect(warnings(r).map((w) => w.replace(/Found documentation.*were: /, ""))).toEqual([
      "5:9 [Model.BadDocumentationComment] after traits",
      "10:1 [Model.BadDocumentationComment] dangling",
    ]);
  });

  it("notes ignored duplicates and warns about unknown use targets, sets and extra JSON properties", () => {
    const r = loadSources([
      { path: "a.smithy", text: "namespace ex\nuse other#Nope\nset S {\n    member: String\n}\n" },
      { path: "b.smithy", text: "namespace ex\nset S {\n    member: String\n}\n" },
      {
        path: "c.json",
        text: '{"smithy": "2.0", "extra": 1, "shapes": {"ex#J": {"type": "string", "oops": true}}}',
      },
    ]);
    expect(r.ok).toBe(true);
    expect(
      r.events.map((e) => `${e.location?.file} ${e.severity} [${e.id}] ${e.shapeId ?? "-"}`),
    ).toEqual([
      "a.smithy WARNING [Model] -",
      "a.smithy WARNING [ModelDeprecation] ex#S",
      "b.smithy NOTE [Model.IgnoredDuplicateDefinition] ex#S",
      "b.smithy WARNING [ModelDeprecation] ex#S",
      "c.json WARNING [Model] -",
      "c.json WARNING [Model] ex#J",
    ]);
    expect(r.events[0]?.message).toBe("Use statement refers to undefined shape: other#Nope");
    expect(r.events[5]?.message).toBe(
      "Expected an object with possible properties of `mixins`, `traits`, `type`, but found additional properties: `oops`",
    );
  });
});

describe("duplicate definitions across IDL and JSON", () => {
  it("treats the same shape written in IDL and in the JSON AST as identical", () => {
    const idl = v2(
      '/// Doc\n@tags(["a"])\n@deprecated\nstructure S {\n    @required\n    a: String\n}\nenum E {\n    A\n}\n',
    );
    const json = JSON.stringify({
      smithy: "2.0",
      shapes: {
        "ex#S": {
          type: "structure",
          members: { a: { target: "smithy.api#String", traits: { "smithy.api#required": {} } } },
          traits: {
            "smithy.api#deprecated": {},
            "smithy.api#tags": ["a"],
            "smithy.api#documentation": "Doc",
          },
        },
        "ex#E": {
          type: "enum",
          members: { A: { target: "smithy.api#Unit", traits: { "smithy.api#enumValue": "A" } } },
        },
      },
    });
    const r = loadSources([
      { path: "a.smithy", text: idl },
      { path: "b.json", text: json },
    ]);
    expect(errors(r)).toEqual([]);
    expect(
      r.events
        .filter((e) => e.id === "Model.IgnoredDuplicateDefinition")
        .map((e) => e.shapeId)
        .sort(),
    ).toEqual(["ex#E", "ex#S"]);
  });
});
