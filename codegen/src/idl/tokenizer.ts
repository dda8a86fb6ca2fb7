import { quotedStringValue, textBlockValue } from "./strings.js";
import { describeKind, describeToken, type TokenKind } from "./tokens.js";

/** A syntax error at a 1-based line and column; the parser stops at the first one in a file. */
export class IdlSyntaxError extends Error {
  constructor(
    readonly detail: string,
    readonly line: number,
    readonly column: number,
    readonly shapeId?: string,
  ) {
    super(`Syntax error at line ${line}, column ${column}: ${detail}`);
  }
}

function isIdentStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}
function isIdentChar(c: number): boolean {
  return isIdentStart(c) || (c >= 48 && c <= 57);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * A lazy tokenizer over one IDL file, like Smithy's IdlTokenizer: the parser asks for one token
 * at a time, so a bad character only matters if the parser reaches it. Doc comment lines are
 * buffered as they are tokenized; the parser takes them before the traits of a shape or member,
 * and a line break (`br`) drops any still pending, as Smithy does.
 */
export class Tokenizer {
  private pos = 0;
  private line = 1;
  private col = 1;

  kind: TokenKind = "EOF";
  start = 0;
  end = 0;
  tokenLine = 1;
  tokenColumn = 1;
  /** Parsed value of a STRING or TEXT_BLOCK token. */
  stringValue = "";
  /** Parsed value of a NUMBER token. */
  numberValue = 0;
  /** For ERROR tokens: what went wrong, and where (which may differ from the token start). */
  errorMessage = "";
  errorLine = 0;
  errorColumn = 0;

  private docLines: string[] = [];
  private lineHasToken = false;
  /** Where the first buffered doc comment line starts. */
  docLine = 0;
  docColumn = 0;

  constructor(readonly text: string) {
    this.next();
  }

  /** The current token kind (a method, so that TypeScript does not narrow it across next()). */
  cur(): TokenKind {
    return this.kind;
  }

  get lexeme(): string {
    return this.text.slice(this.start, this.end);
  }

  /** Takes and clears the buffered doc comment lines, joined with newlines (undefined if none). */
  takeDocs(): string | undefined {
    if (this.docLines.length === 0) return undefined;
    const docs = this.docLines.join("\n");
    this.docLines = [];
    return docs;
  }

  /** Called with doc comment lines that document nothing (Smithy warns about them). */
  onDroppedDocs?: (docs: string, line: number, column: number) => void;

  /** Drops the buffered doc lines (reporting them to onDroppedDocs). */
  clearDocs(): void {
    if (this.docLines.length === 0) return;
    const dropped = this.docLines;
    this.docLines = [];
    this.onDroppedDocs?.(dropped.join("\n"), this.tokenLine, this.tokenColumn);
  }

  private advance(): void {
    const c = this.text.charCodeAt(this.pos);
    this.pos++;
    if (c === 10) {
      this.line++;
      this.col = 1;
    } else if (c === 13) {
      if (this.text.charCodeAt(this.pos) === 10) this.pos++;
      this.line++;
      this.col = 1;
    } else {
      this.col++;
    }
  }

  private peek(offset = 0): number {
    return this.text.charCodeAt(this.pos + offset);
  }

  private finish(kind: TokenKind): TokenKind {
    this.end = this.pos;
    this.kind = kind;
    return kind;
  }

  private fail(message: string, line = this.tokenLine, column = this.tokenColumn): TokenKind {
    this.errorMessage = message;
    this.errorLine = line;
    this.errorColumn = column;
    return this.finish("ERROR");
  }

  next(): TokenKind {
    // Doc comments count only on their own line: note whether this line had a token before.
    if (this.kind === "NEWLINE" || this.kind === "COMMENT" || this.kind === "DOC_COMMENT")
      this.lineHasToken = false;
    else if (this.kind !== "SPACE" && this.end > this.start) this.lineHasToken = true;
    this.start = this.pos;
    this.tokenLine = this.line;
    this.tokenColumn = this.col;
    if (this.pos >= this.text.length) return this.finish("EOF");
    const c = this.peek();
    switch (c) {
      case 32:
      case 9:
        while (this.peek() === 32 || this.peek() === 9) this.advance();
        return this.finish("SPACE");
      case 10:
      case 13:
        this.advance();
        return this.finish("NEWLINE");
      case 44:
        this.advance();
        return this.finish("COMMA");
      case 64:
        this.advance();
        return this.finish("AT");
      case 36:
        this.advance();
        return this.finish("DOLLAR");
      case 46:
        this.advance();
        return this.finish("DOT");
      case 123:
        this.advance();
        return this.finish("LBRACE");
      case 125:
        this.advance();
        return this.finish("RBRACE");
      case 91:
        this.advance();
        return this.finish("LBRACKET");
      case 93:
        this.advance();
        return this.finish("RBRACKET");
      case 40:
        this.advance();
        return this.finish("LPAREN");
      case 41:
        this.advance();
        return this.finish("RPAREN");
      case 35:
        this.advance();
        return this.finish("POUND");
      case 61:
        this.advance();
        return this.finish("EQUAL");
      case 58:
        this.advance();
        if (this.peek() === 61) {
          this.advance();
          return this.finish("WALRUS");
        }
        return this.finish("COLON");
      case 34:
        return this.string();
      case 47:
        return this.comment();
      default:
        if (c === 45 || isDigit(c)) return this.number();
        if (isIdentStart(c)) return this.identifier();
        this.advance();
        return this.fail(`Unexpected character: '${String.fromCodePoint(c)}'`);
    }
  }

  private comment(): TokenKind {
    this.advance();
    if (this.peek() !== 47) return this.fail("Expected a '/' to follow '/' to form a comment.");
    this.advance();
    let kind: TokenKind = "COMMENT";
    if (this.peek() === 47 && this.peek(1) !== 47) {
      this.advance();
      kind = "DOC_COMMENT";
      if (this.peek() === 32) this.advance();
      const lineStart = this.pos;
      while (this.pos < this.text.length && this.peek() !== 10 && this.peek() !== 13) {
        this.advance();
      }
      // A `///` after other tokens on its line is an ordinary comment.
      if (!this.lineHasToken) {
        if (this.docLines.length === 0) {
          this.docLine = this.tokenLine;
          this.docColumn = this.tokenColumn;
        }
        this.docLines.push(this.text.slice(lineStart, this.pos));
      }
    } else {
      while (this.pos < this.text.length && this.peek() !== 10 && this.peek() !== 13)
        this.advance();
    }
    if (this.pos < this.text.length) this.advance();
    return this.finish(kind);
  }

  private identifier(): TokenKind {
    // identifier = (ALPHA / 1*"_" (ALPHA / DIGIT)) *(ALPHA / DIGIT / "_")
    if (this.peek() === 95) {
      while (this.peek() === 95) this.advance();
      const c = this.peek();
      if (!(isIdentChar(c) && c !== 95)) {
        const found = Number.isNaN(c) ? "[EOF]" : String.fromCharCode(c);
        return this.fail(
          `Expected a valid identifier character, but found '${found}'`,
          this.line,
          this.col,
        );
      }
    }
    while (isIdentChar(this.peek())) this.advance();
    return this.finish("IDENTIFIER");
  }

  private number(): TokenKind {
    const digits = (): boolean => {
      if (!isDigit(this.peek())) return false;
      while (isDigit(this.peek())) this.advance();
      return true;
    };
    if (this.peek() === 45) {
      this.advance();
      if (!isDigit(this.peek())) {
        return this.fail(
          `Invalid number '${this.text.slice(this.start, this.pos)}': '-' must be followed by a digit`,
        );
      }
    }
    if (this.peek() === 48) this.advance();
    else digits();
    if (this.peek() === 46) {
      this.advance();
      if (!digits()) {
        return this.fail(
          `Invalid number '${this.text.slice(this.start, this.pos)}': '.' must be followed by a digit`,
        );
      }
    }
    if (this.peek() === 101 || this.peek() === 69) {
      this.advance();
      if (this.peek() === 43 || this.peek() === 45) this.advance();
      if (!digits()) {
        return this.fail(
          `Invalid number '${this.text.slice(this.start, this.pos)}': 'e', '+', and '-' must be followed by a digit`,
        );
      }
    }
    this.numberValue = Number(this.text.slice(this.start, this.pos));
    return this.finish("NUMBER");
  }

  private string(): TokenKind {
    this.advance();
    const triple = this.peek() === 34 && this.peek(1) === 34;
    if (this.peek() === 34 && !triple) {
      this.advance();
      this.stringValue = "";
      return this.finish("STRING");
    }
    if (triple) {
      this.advance();
      this.advance();
    }
    const bodyStart = this.pos;
    for (;;) {
      if (this.pos >= this.text.length) {
        return this.fail(`Expected: '"', but found '[EOF]'`, this.line, this.col);
      }
      const c = this.peek();
      if (c === 34 && (!triple || (this.peek(1) === 34 && this.peek(2) === 34))) break;
      this.advance();
      if (c === 92 && this.pos < this.text.length) this.advance();
    }
    const body = this.text.slice(bodyStart, this.pos);
    this.advance();
    if (triple) {
      this.advance();
      this.advance();
    }
    try {
      this.stringValue = triple ? textBlockValue(body) : quotedStringValue(body);
    } catch (e) {
      const what = triple ? "Error parsing text block: " : "Error parsing quoted string: ";
      return this.fail(what + (e as Error).message);
    }
    return this.finish(triple ? "TEXT_BLOCK" : "STRING");
  }

  // --- helpers the parser uses, named like Smithy's -------------------------------------------

  syntax(detail: string, line = this.tokenLine, column = this.tokenColumn): IdlSyntaxError {
    return new IdlSyntaxError(detail, line, column);
  }

  private errorForCurrent(): IdlSyntaxError {
    return this.syntax(this.errorMessage, this.errorLine, this.errorColumn);
  }

  found(): string {
    return describeToken(this.kind, this.lexeme);
  }

  expect(...kinds: TokenKind[]): TokenKind {
    if (this.kind === "ERROR") throw this.errorForCurrent();
    if (kinds.includes(this.kind)) return this.kind;
    if (kinds.length === 1) {
      throw this.syntax(
        `Expected ${describeKind(kinds[0] as TokenKind)} but found ${this.found()}`,
      );
    }
    throw this.syntax(
      `Expected one of ${kinds.map(describeKind).join(", ")}; but found ${this.found()}`,
    );
  }

  isWhitespace(): boolean {
    const k = this.kind;
    return k === "SPACE" || k === "NEWLINE" || k === "COMMA" || k === "COMMENT";
  }

  skipSpaces(): void {
    while (this.kind === "SPACE") this.next();
  }

  skipWs(): void {
    while (this.isWhitespace()) this.next();
  }

  skipWsAndDocs(): void {
    while (this.isWhitespace() || this.kind === "DOC_COMMENT") this.next();
  }

  expectAndSkipSpaces(): void {
    this.expect("SPACE");
    this.skipSpaces();
  }

  expectAndSkipWhitespace(): void {
    if (!this.isWhitespace() && this.kind !== "DOC_COMMENT") {
      if (this.kind === "ERROR") throw this.errorForCurrent();
      throw this.syntax(`Expected one or more whitespace characters, but found ${this.found()}`);
    }
    this.skipWsAndDocs();
  }

  /** The `br` production: spaces/commas, then a newline, comment or EOF. */
  expectAndSkipBr(): void {
    while (this.kind === "SPACE" || this.kind === "COMMA") this.next();
    switch (this.kind) {
      case "NEWLINE":
      case "COMMENT":
      case "DOC_COMMENT":
        this.clearDocs();
        this.next();
        this.skipWs();
        return;
      case "EOF":
        return;
      case "ERROR":
        throw this.errorForCurrent();
      default:
        throw this.syntax(`Expected a line break, but found ${this.found()}`);
    }
  }

  isLexeme(word: string): boolean {
    return (
      this.kind === "IDENTIFIER" && this.end - this.start === word.length && this.lexeme === word
    );
  }
}
