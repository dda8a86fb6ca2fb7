import { describe, expect, it } from "vitest";
import { quotedStringValue, textBlockValue } from "../../src/idl/strings.js";
import { Tokenizer } from "../../src/idl/tokenizer.js";
import type { TokenKind } from "../../src/idl/tokens.js";

function tokens(text: string): [TokenKind, string][] {
  const t = new Tokenizer(text);
  const out: [TokenKind, string][] = [];
  for (let i = 0; i < 1000; i++) {
    out.push([t.cur(), t.lexeme]);
    if (t.cur() === "EOF" || t.cur() === "ERROR") break;
    t.next();
  }
  return out;
}

describe("Tokenizer", () => {
  it("splits punctuation, walrus, identifiers and numbers", () => {
    expect(tokens("a:=b, c: -1.5e3 @x(y)").map(([k]) => k)).toEqual([
      "IDENTIFIER",
      "WALRUS",
      "IDENTIFIER",
      "COMMA",
      "SPACE",
      "IDENTIFIER",
      "COLON",
      "SPACE",
      "NUMBER",
      "SPACE",
      "AT",
      "IDENTIFIER",
      "LPAREN",
      "IDENTIFIER",
      "RPAREN",
      "EOF",
    ]);
  });

  it("tells comments from doc comments (//// is a plain comment) and keeps their newline", () => {
    expect(tokens("// c\n/// d\n//// e\n")).toEqual([
      ["COMMENT", "// c\n"],
      ["DOC_COMMENT", "/// d\n"],
      ["COMMENT", "//// e\n"],
      ["EOF", ""],
    ]);
  });

  it("buffers doc comment lines without `///` and one leading space", () => {
    const t = new Tokenizer("/// one\n///two\nx");
    t.skipWsAndDocs();
    expect(t.takeDocs()).toBe("one\ntwo");
    expect(t.takeDocs()).toBeUndefined();
  });

  it("parses string values with escapes and counts lines and columns", () => {
    const t = new Tokenizer('\n  "a\\n\\u0041\\"b"');
    t.skipWs();
    expect(t.cur()).toBe("STRING");
    expect(t.stringValue).toBe('a\nA"b');
    expect([t.tokenLine, t.tokenColumn]).toEqual([2, 3]);
  });

  it("reports an unclosed string at the end of the file", () => {
    const t = new Tokenizer('"abc\n');
    expect(t.cur()).toBe("ERROR");
    expect(t.errorMessage).toBe(`Expected: '"', but found '[EOF]'`);
    expect([t.errorLine, t.errorColumn]).toEqual([2, 1]);
  });

  it("reports bad numbers at their start", () => {
    for (const [text, msg] of [
      ["1.", "Invalid number '1.': '.' must be followed by a digit"],
      ["1.0e+", "Invalid number '1.0e+': 'e', '+', and '-' must be followed by a digit"],
      ["-", "Invalid number '-': '-' must be followed by a digit"],
    ]) {
      const t = new Tokenizer(`  ${text}`);
      t.skipSpaces();
      expect(t.cur()).toBe("ERROR");
      expect(t.errorMessage).toBe(msg);
      expect(t.errorColumn).toBe(3);
    }
  });

  it("reports an identifier made only of underscores at the offending character", () => {
    const t = new Tokenizer("_ x");
    expect(t.cur()).toBe("ERROR");
    expect(t.errorMessage).toBe("Expected a valid identifier character, but found ' '");
    expect(t.errorColumn).toBe(2);
  });

  it("phrases expectations like Smithy", () => {
    const t = new Tokenizer(".");
    expect(() => t.expect("COLON")).toThrow(
      "Syntax error at line 1, column 1: Expected COLON(':') but found DOT('.')",
    );
    expect(() => t.expect("STRING", "NUMBER")).toThrow(
      `Expected one of STRING('"'), NUMBER; but found DOT('.')`,
    );
  });

  it("requires a line break where the grammar says br", () => {
    const ok = new Tokenizer(" , // c\nx");
    ok.expectAndSkipBr();
    expect(ok.lexeme).toBe("x");
    const bad = new Tokenizer(" y");
    expect(() => bad.expectAndSkipBr()).toThrow("Expected a line break, but found IDENTIFIER('y')");
  });
});

describe("string values", () => {
  it("rejects unknown escapes", () => {
    expect(() => quotedStringValue("\\'")).toThrow("Invalid escape found in string: `\\'`");
    expect(() => quotedStringValue("\\u12")).toThrow(
      "Invalid unclosed unicode escape found in string",
    );
    expect(() => quotedStringValue("\\u12tz")).toThrow("Invalid unicode escape character: `t`");
  });

  it("joins escaped line breaks", () => {
    expect(quotedStringValue("a\\\nb")).toBe("ab");
  });

  it("removes a text block's incidental whitespace", () => {
    expect(textBlockValue("\n    Hello\n      there\n    ")).toBe("Hello\n  there\n");
    expect(textBlockValue("\n    Hello\n\n    there")).toBe("Hello\n\nthere");
    expect(textBlockValue("\n    Hi \\\n    there")).toBe("Hi there");
    expect(textBlockValue("\n  a  \n  ")).toBe("a\n");
    expect(() => textBlockValue("abc")).toThrow("Text block must start with a new line");
    expect(() => textBlockValue("")).toThrow("Text block is empty");
  });
});
