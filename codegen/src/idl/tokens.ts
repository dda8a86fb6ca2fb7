/**
 * Token kinds of the Smithy IDL, named as Smithy's own tokenizer names them (IdlToken) so that
 * syntax errors read like the reference implementation's: `Expected COLON(':') but found DOT('.')`.
 */
export type TokenKind =
  | "SPACE"
  | "NEWLINE"
  | "COMMA"
  | "COMMENT"
  | "DOC_COMMENT"
  | "AT"
  | "STRING"
  | "TEXT_BLOCK"
  | "COLON"
  | "WALRUS"
  | "IDENTIFIER"
  | "DOT"
  | "POUND"
  | "DOLLAR"
  | "NUMBER"
  | "LBRACE"
  | "RBRACE"
  | "LBRACKET"
  | "RBRACKET"
  | "LPAREN"
  | "RPAREN"
  | "EQUAL"
  | "EOF"
  | "ERROR";

/** The fixed spelling shown in "expected" lists; kinds without one print bare (NUMBER, IDENTIFIER). */
const SPELLING: Partial<Record<TokenKind, string>> = {
  SPACE: " ",
  NEWLINE: "\\n",
  COMMA: ",",
  COMMENT: "//",
  DOC_COMMENT: "///",
  AT: "@",
  STRING: '"',
  TEXT_BLOCK: '"""',
  COLON: ":",
  WALRUS: ":=",
  DOT: ".",
  POUND: "#",
  DOLLAR: "$",
  LBRACE: "{",
  RBRACE: "}",
  LBRACKET: "[",
  RBRACKET: "]",
  LPAREN: "(",
  RPAREN: ")",
  EQUAL: "=",
};

/** How a kind is named in "Expected ..." messages, e.g. `COLON(':')`. */
export function describeKind(kind: TokenKind): string {
  const s = SPELLING[kind];
  return s === undefined ? kind : `${kind}('${s}')`;
}

/** How a concrete token is named in "... but found ..." messages, with its text escaped. */
export function describeToken(kind: TokenKind, lexeme: string): string {
  if (kind === "EOF") return "EOF";
  const text = lexeme.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
  return `${kind}('${text}')`;
}
