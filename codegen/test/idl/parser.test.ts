import { describe, expect, it } from "vitest";
import { parseIdl } from "../../src/idl/parser.js";

const header = '$version: "2.0"\nnamespace ex\n';

describe("parseIdl", () => {
  it("reads the control section, metadata, namespace and use statements", () => {
    const f = parseIdl(
      "a.smithy",
      '$version: "2.0"\n$operationInputSuffix: "Request"\nmetadata m = [1, "two", ok]\nnamespace ex.ns\nuse smithy.api#String\n',
    );
    expect(f.events).toEqual([]);
    expect(f.version).toBe("2.0");
    expect(f.namespace).toBe("ex.ns");
    expect(f.uses.get("String")).toEqual({ id: "smithy.api#String", pos: { line: 5, column: 5 } });
    expect(f.metadata[0]?.value.value).toEqual([1, "two", "ok"]);
    expect(f.metadata[0]?.value.refs).toEqual([
      { path: [2], raw: "ok", pos: { line: 3, column: 25 } },
    ]);
  });

  it("defaults to IDL 1.0 without $version", () => {
    expect(parseIdl("a.smithy", "namespace ex\n").version).toBe("1.0");
  });

  it("records shapes, members, traits and their positions", () => {
    const f = parseIdl(
      "a.smithy",
      `${header}\n/// Docs\n@since("1")\nstructure S {\n    @required\n    a: String = "x"\n    $b\n}\n`,
    );
    expect(f.events).toEqual([]);
    const s = f.shapes[0];
    expect(s?.id).toBe("ex#S");
    expect(s?.pos).toEqual({ line: 6, column: 1 });
    expect(s?.traits.map((t) => [t.name.id, t.value.value, t.name.pos.line])).toEqual([
      ["since", "1", 5],
      ["smithy.api#documentation", "Docs", 4],
    ]);
    expect(
      s?.members.map((m) => [m.name, m.target?.id, m.pos.line, m.traits.map((t) => t.name.id)]),
    ).toEqual([
      ["a", "String", 8, ["required", "smithy.api#default"]],
      ["b", undefined, 9, []],
    ]);
  });

  it("parses structured trait bodies and annotation traits", () => {
    const f = parseIdl(
      "a.smithy",
      `${header}@a\n@b()\n@c(k: 1, "q": [x])\n@d(Foo$bar)\nstring S\n`,
    );
    const t = f.shapes[0]?.traits ?? [];
    expect(t.map((x) => [x.name.id, x.value.value, x.annotation])).toEqual([
      ["a", null, true],
      ["b", null, true],
      ["c", { k: 1, q: ["x"] }, false],
      ["d", "Foo$bar", false],
    ]);
    expect(t[2]?.value.refs.map((r) => r.path)).toEqual([["q", 0]]);
  });

  it("inlines operation input and output with the suffix control statements", () => {
    const f = parseIdl(
      "a.smithy",
      '$version: "2.0"\n$operationOutputSuffix: "Response"\nnamespace ex\noperation Op {\n    input := {\n        a: String\n    }\n    output := with [M] {}\n    errors: [E]\n}\n',
    );
    expect(f.events).toEqual([]);
    expect(f.shapes.map((s) => s.id)).toEqual(["ex#OpInput", "ex#OpResponse", "ex#Op"]);
    const op = f.shapes[2];
    expect(op?.refs.input?.id).toBe("ex#OpInput");
    expect(op?.refLists.errors?.map((e) => e.id)).toEqual(["E"]);
    expect(f.shapes[1]?.mixins.map((m) => m.id)).toEqual(["M"]);
    expect(f.shapes[0]?.traits.map((t) => t.name.id)).toEqual(["smithy.api#input"]);
  });

  it("turns a 1.0 set into a list with @uniqueItems", () => {
    const f = parseIdl("a.smithy", "namespace ex\nset S {\n    member: String\n}\n");
    expect(f.shapes[0]?.type).toBe("list");
    expect(f.shapes[0]?.traits.map((t) => t.name.id)).toEqual(["smithy.api#uniqueItems"]);
  });

  it("reads resources and services from their node bodies", () => {
    const f = parseIdl(
      "a.smithy",
      `${header}service Svc {\n    version: "1"\n    operations: [A]\n    rename: { "x#Y": "Z" }\n}\nresource R {\n    identifiers: { id: String }\n    properties: { p: Integer }\n    read: Get\n}\n`,
    );
    expect(f.events).toEqual([]);
    expect(f.shapes[0]?.version).toBe("1");
    expect(f.shapes[0]?.rename).toEqual([
      { from: { id: "x#Y", pos: expect.any(Object) }, to: "Z" },
    ]);
    expect(f.shapes[1]?.refMaps.identifiers?.id?.id).toBe("String");
    expect(f.shapes[1]?.refMaps.properties?.p?.id).toBe("Integer");
    expect(f.shapes[1]?.refs.read?.id).toBe("Get");
  });

  it("reads apply statements in both forms", () => {
    const f = parseIdl(
      "a.smithy",
      `${header}apply A @deprecated\napply B$c {\n    @a\n    @b(1)\n}\n`,
    );
    expect(f.applies.map((a) => [a.target.id, a.traits.map((t) => t.name.id)])).toEqual([
      ["A", ["deprecated"]],
      ["B$c", ["a", "b"]],
    ]);
  });

  it("stops at the first syntax error with its line and column", () => {
    const f = parseIdl("bad.smithy", `${header}structure S {\n    a String\n}\n`);
    expect(f.events).toEqual([
      {
        id: "Model",
        severity: "ERROR",
        message:
          "Syntax error at line 4, column 7: Expected COLON(':') but found IDENTIFIER('String')",
        location: { file: "bad.smithy", line: 4, column: 7 },
      },
    ]);
  });

  it("enforces version-specific syntax", () => {
    const msg = (text: string) => parseIdl("a.smithy", text).events[0]?.message;
    expect(msg('$version: "1.0"\nnamespace ex\nenum E { A }\n')).toContain(
      "enum shapes cannot be used in Smithy version 1.0",
    );
    expect(msg('$version: "2.0"\nnamespace ex\nset S { member: String }\n')).toContain(
      "set shapes cannot be used in Smithy version 2.0",
    );
    expect(msg("namespace ex\nstructure S { a: String = 1 }\n")).toContain(
      "@default assignment is only supported in IDL version 2",
    );
    expect(msg("namespace ex\nstructure S with [M] {}\n")).toContain(
      "Mixins can only be used with Smithy version 2 or later",
    );
    expect(msg('$version: "3"\n')).toContain("Unsupported Smithy version number: 3");
  });

  it("rejects duplicate members and unknown shape types", () => {
    expect(
      parseIdl("a.smithy", `${header}structure S {\n    a: String\n    a: String\n}\n`).events[0]
        ?.message,
    ).toBe("Syntax error at line 5, column 5: Duplicate member of `ex#S`: 'a'");
    expect(parseIdl("a.smithy", `${header}strukture S {}\n`).events[0]?.message).toBe(
      "Syntax error at line 3, column 1: Unknown shape type: strukture",
    );
  });
});
