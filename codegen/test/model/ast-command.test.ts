import { afterEach, describe, expect, it, vi } from "vitest";
import { run } from "../../src/cli/commands/ast.js";

const fixtures = new URL("../fixtures/idl/", import.meta.url).pathname;

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, "write").mockImplementation((s) => {
    out.push(String(s));
    return true;
  });
  vi.spyOn(process.stderr, "write").mockImplementation((s) => {
    err.push(String(s));
    return true;
  });
  return { out, err };
}

afterEach(() => vi.restoreAllMocks());

describe("docsmith ast", () => {
  it("prints the JSON AST without bundled shapes", async () => {
    const { out } = capture();
    expect(await run([`${fixtures}multi/a.smithy`, `${fixtures}multi/b.json`])).toBe(0);
    const ast = JSON.parse(out.join(""));
    expect(ast.smithy).toBe("2.0");
    expect(Object.keys(ast.shapes)).toEqual([
      "ex.multi#Base",
      "ex.multi#Widget",
      "ex.multi#Widget$id",
      "ex.other#Flag",
      "ex.other#Shared",
    ]);
    expect(ast.shapes["ex.multi#Widget$id"]).toEqual({
      type: "apply",
      traits: { "smithy.api#documentation": "The id." },
    });
  });

  it("prints errors compiler-style and exits 1", async () => {
    const { out, err } = capture();
    expect(await run([`${fixtures}broken.smithy`])).toBe(1);
    expect(out.join("")).toBe("");
    expect(err.join("")).toContain(
      `${fixtures}broken.smithy:6:13: ERROR [Model] Syntax error at line 6, column 13: Expected COLON(':') but found IDENTIFIER('String')`,
    );
  });

  it("reports a missing file", async () => {
    const { err } = capture();
    expect(await run([`${fixtures}nope.smithy`])).toBe(1);
    expect(err.join("")).toMatch(/ENOENT/);
  });
});
