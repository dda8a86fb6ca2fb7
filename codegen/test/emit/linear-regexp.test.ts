import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFormatter } from "../../src/emit/format.js";
import { emitLinearRegExpModule } from "../../src/emit/validators/linear-regexp.js";

type Matcher = { test(input: string): boolean; toString(): string };
type LinearRegExp = (source: string, flags: string) => Matcher;

/** Patterns of the kinds Smithy models use, and the corners of the syntax. */
const patterns = [
  "^([0-9]+)+$",
  "^[A-Z][A-Za-z0-9]+$",
  "^[^:].*$",
  "^[a-z0-9.\\-]{1,63}$",
  ".*\\S.*",
  "[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}",
  "^[\\\\\\w\\-_:/.@=+]*$",
  "^\\d+$",
  "^arn:.*",
  "a|b|",
  "(a*)*b",
  "^(?:ab|a)*c$",
  "\\bfoo\\b",
  "\\Bo",
  "x{2,3}",
  "^x{2,}$",
  "^x{2}?$",
  "^(a|)+$",
  "😀+",
  "^\\u{1F600}$",
  "^\\uD83D\\uDE00$",
  "[😀-😏]",
  "^\\p{Lu}\\p{Ll}*$",
  "^.$",
  "(?<name>ab)+c",
  "^$",
  "",
  "a?b?c?$",
  "[^a-c]{2}",
  "\\s+\\S",
  "^(a{0,2}b){1,3}$",
  "[\\]x]+",
  "^[]$",
  "^[^]*$",
  "\\x41+",
  "^a+?b*?$",
];

const inputs = [
  "",
  "a",
  "b",
  "c",
  "ab",
  "abc",
  "aab",
  "xx",
  "xxx",
  "xxxx",
  "foo",
  "a foo b",
  "foofoo",
  "0000000000!",
  "123",
  "A",
  "Abc",
  "ABC",
  "abc-def",
  "😀",
  "😀😀x",
  ":abc",
  "ab:c",
  "  ",
  "  x",
  " \n",
  "arn:aws:x",
  "aabbb",
  "abab",
  "ababc",
  "abbab",
  "]x",
  "AAA",
  "a1b2",
  "xfoo",
  "éa",
  "0123abcd-0123-4567-89ab-0123456789ab",
];

describe("the linear-time @pattern matcher (src/validators/linear-regexp.js)", () => {
  let dir: string;
  let linearRegExp: LinearRegExp;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "docsmith-linear-regexp-"));
    writeFileSync(join(dir, "package.json"), '{"type":"module"}');
    writeFileSync(join(dir, "linear-regexp.js"), emitLinearRegExpModule());
    const module = await import(pathToFileURL(join(dir, "linear-regexp.js")).href);
    linearRegExp = module.linearRegExp as LinearRegExp;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("says what RegExp#test says, on every pattern and input", () => {
    const differences: string[] = [];
    for (const pattern of patterns) {
      const matcher = linearRegExp(pattern, "u");
      expect(matcher, pattern).not.toBeInstanceOf(RegExp);
      const native = new RegExp(pattern, "u");
      for (const input of inputs) {
        if (matcher.test(input) !== native.test(input)) {
          differences.push(`/${pattern}/ on ${JSON.stringify(input)}`);
        }
      }
    }
    expect(differences).toEqual([]);
  });

  it("agrees with RegExp on random inputs, each matcher reused across them (its states kept)", () => {
    const alphabet = [
      "a",
      "b",
      "c",
      "x",
      "0",
      "9",
      " ",
      "\n",
      ":",
      "-",
      "A",
      "é",
      "😀",
      "\uD800",
      "]",
    ];
    const input = fc
      .array(fc.constantFrom(...alphabet), { maxLength: 24 })
      .map((cs) => cs.join(""));
    const matchers = patterns.map((p) => [linearRegExp(p, "u"), new RegExp(p, "u")] as const);
    fc.assert(
      fc.property(input, (text) =>
        matchers.every(([ours, native]) => ours.test(text) === native.test(text)),
      ),
      { numRuns: 3000, seed: 7 },
    );
  });

  it("stays right past the states it keeps (a pattern whose DFA is exponential)", () => {
    // The 13th character from the end is an 'a': 2^13 DFA states, more than a matcher keeps.
    const pattern = "a[ab]{12}$";
    const ours = linearRegExp(pattern, "u");
    const native = new RegExp(pattern, "u");
    let seed = 1;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let run = 0; run < 400; run++) {
      let text = "";
      for (let i = 0; i < 40; i++) text += random() < 0.5 ? "a" : "b";
      expect(ours.test(text), text).toBe(native.test(text));
    }
  });

  it("answers where backtracking would not (the ReDoS protocol test, much longer)", () => {
    const evil = linearRegExp("^([0-9]+)+$", "u");
    expect(evil.test(`${"0".repeat(50_000)}!`)).toBe(false);
    expect(evil.test("0".repeat(50_000))).toBe(true);
    expect(linearRegExp("^(a|a)*$", "u").test(`${"a".repeat(50_000)}b`)).toBe(false);
  });

  it("leaves backreferences, lookaround and other flags to RegExp, and refuses bad syntax", () => {
    for (const pattern of ["(a)\\1", "(?<x>a)\\k<x>", "(?=a)a", "(?!a)b", "(?<=a)b", "(?<!a)b"]) {
      expect(linearRegExp(pattern, "u"), pattern).toBeInstanceOf(RegExp);
    }
    expect(linearRegExp("a", "")).toBeInstanceOf(RegExp);
    expect(linearRegExp("x{1,100000}", "u")).toBeInstanceOf(RegExp); // too large to expand
    expect(() => linearRegExp("(a", "u")).toThrow(SyntaxError);
    expect(String(linearRegExp("^a+$", "u"))).toBe("/^a+$/u");
  });

  it("is formatted and lint-clean under the repository's biome settings", async () => {
    const formatter = await createFormatter();
    const text = emitLinearRegExpModule();
    expect(formatter.lint("src/validators/linear-regexp.js", text)).toEqual([]);
  });
});
