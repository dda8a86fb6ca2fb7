/**
 * Character-level tokenizer for the Smithy selector language (smithy.io/2.0/spec/selectors.html).
 * Selector tokens are context dependent (`>` is a neighbor or a comparator, `*` is "any shape" or
 * half of `*=`), so the parser pulls tokens through these typed reads instead of a token array.
 */

export class SelectorSyntaxError extends Error {
  constructor(
    message: string,
    readonly selector: string,
    readonly position: number,
  ) {
    super(`Invalid selector at position ${position + 1}: ${message}: ${selector.trim()}`);
    this.name = "SelectorSyntaxError";
  }
}

const IDENT_START = /[A-Za-z_]/;
const IDENT_PART = /[A-Za-z0-9_]/;
/** Characters of an unquoted selector value: a shape id, a number or a word. */
const VALUE_PART = /[A-Za-z0-9_.#]/;

export class Scanner {
  pos = 0;

  constructor(readonly text: string) {}

  eof(): boolean {
    return this.pos >= this.text.length;
  }

  peek(offset = 0): string {
    return this.text.charAt(this.pos + offset);
  }

  /** Skips whitespace and `//` line comments. */
  ws(): void {
    while (!this.eof()) {
      const c = this.peek();
      if (c === " " || c === "\t" || c === "\n" || c === "\r") {
        this.pos++;
      } else if (c === "/" && this.peek(1) === "/") {
        while (!this.eof() && this.peek() !== "\n") this.pos++;
      } else {
        return;
      }
    }
  }

  /** Consumes `literal` if it comes next. */
  accept(literal: string): boolean {
    if (this.text.startsWith(literal, this.pos)) {
      this.pos += literal.length;
      return true;
    }
    return false;
  }

  expect(literal: string): void {
    if (!this.accept(literal)) throw this.error(`Expected \`${literal}\``);
  }

  identifier(): string {
    const start = this.pos;
    if (!IDENT_START.test(this.peek())) throw this.error("Expected an identifier");
    while (!this.eof() && IDENT_PART.test(this.peek())) this.pos++;
    return this.text.slice(start, this.pos);
  }

  isIdentifierStart(): boolean {
    return IDENT_START.test(this.peek());
  }

  /** A quoted string (`"..."` or `'...'`, no escapes, as in Smithy) or an unquoted value. */
  value(): string {
    const quote = this.peek();
    if (quote === '"' || quote === "'") {
      const end = this.text.indexOf(quote, this.pos + 1);
      if (end < 0) throw this.error("Unclosed string");
      const out = this.text.slice(this.pos + 1, end);
      this.pos = end + 1;
      return out;
    }
    const start = this.pos;
    if (this.peek() === "-") this.pos++;
    for (;;) {
      const c = this.peek();
      if (VALUE_PART.test(c) && c !== "") this.pos++;
      // `$` joins a member name (`ns#Shape$member`), but `$=` is a comparator.
      else if (c === "$" && IDENT_START.test(this.peek(1))) this.pos++;
      else break;
    }
    if (start === this.pos) throw this.error("Expected a selector value");
    return this.text.slice(start, this.pos);
  }

  error(message: string): SelectorSyntaxError {
    const found = this.eof() ? "end of selector" : `\`${this.peek()}\``;
    return new SelectorSyntaxError(`${message}, found ${found}`, this.text, this.pos);
  }
}
