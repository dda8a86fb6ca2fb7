import { TranscribeError } from "../transcribed.js";
import type { PageLine } from "./page-lines.js";

/** A JSON skeleton from a Request/Response Syntax block: keys as printed, placeholders as text. */
export type Skeleton =
  | { kind: "object"; line: number; entries: { key: string; line: number; value: Skeleton }[] }
  | { kind: "array"; line: number; items: Skeleton[] }
  | { kind: "scalar"; line: number; text: string; quoted: boolean };

export interface HttpHeader {
  name: string;
  value: string;
  line: number;
}

/** The HTTP message a Request Syntax or Response Syntax block shows. */
export interface HttpSyntax {
  line: number;
  /** The start line as printed (line breaks kept), for repair notes. */
  printed: string;
  method?: string;
  /** The request target as printed, line breaks removed. */
  uri?: string;
  /** True when the page wrapped the request line. */
  wrapped: boolean;
  code?: number;
  headers: HttpHeader[];
  skeleton?: Skeleton;
  /** Quoted placeholders the page broke over two lines (`"string` newline `"`). */
  brokenStrings: { line: number }[];
}

/** Joins a block's lines into one text, remembering which line each character came from. */
class BlockText {
  readonly text: string;
  private readonly starts: { offset: number; line: number }[] = [];

  constructor(lines: PageLine[]) {
    let offset = 0;
    for (const l of lines) {
      this.starts.push({ offset, line: l.line });
      offset += l.text.length + 1;
    }
    this.text = lines.map((l) => l.text).join("\n");
  }

  lineAt(offset: number): number {
    let line = this.starts[0]?.line ?? 1;
    for (const s of this.starts) {
      if (s.offset > offset) break;
      line = s.line;
    }
    return line;
  }
}

export function parseHttpSyntax(
  kind: "request" | "response",
  heading: PageLine,
  lines: PageLine[],
  file: string,
): HttpSyntax {
  const block = new BlockText(lines);
  const at = (offset: number) => ({ file, line: block.lineAt(offset) });
  const text = block.text;
  const start =
    kind === "request"
      ? /^([A-Z]+)\s+([\s\S]*?)\s*HTTP\/1\.1(?=\s|$)/.exec(text)
      : /^HTTP\/1\.1\s+(\d{3})(?=\s|$)/.exec(text);
  if (!start) {
    const what = kind === "request" ? "a request line (METHOD /uri HTTP/1.1)" : "HTTP/1.1 <code>";
    throw new TranscribeError(
      { file, line: lines[0]?.line ?? heading.line },
      `${heading.text}: expected ${what}`,
    );
  }
  const result: HttpSyntax = {
    line: lines[0].line,
    printed: start[0],
    wrapped: false,
    headers: [],
    brokenStrings: [],
  };
  if (kind === "request") {
    result.method = start[1];
    result.uri = start[2].replace(/\s+/g, "");
    result.wrapped = /\s/.test(start[2]);
  } else {
    result.code = Number(start[1]);
  }
  let pos = start[0].length;
  const skipSpace = () => {
    while (pos < text.length && /\s/.test(text[pos])) pos++;
  };
  for (;;) {
    skipSpace();
    if (pos >= text.length) break;
    if (text[pos] === "{" || text[pos] === "[") {
      const parser = new SkeletonParser(text, pos, at, result.brokenStrings);
      result.skeleton = parser.value();
      pos = parser.pos;
      skipSpace();
      if (pos < text.length) {
        throw new TranscribeError(at(pos), `${heading.text}: unexpected text after the JSON body`);
      }
      break;
    }
    const header = /^([A-Za-z0-9-]+):[ \t]*([^\s{[]+)/.exec(text.slice(pos));
    if (!header) {
      throw new TranscribeError(at(pos), `${heading.text}: expected a header or a JSON body`);
    }
    result.headers.push({ name: header[1], value: header[2], line: block.lineAt(pos) });
    pos += header[0].length;
  }
  return result;
}

/** A tolerant JSON reader for skeletons: placeholders may be bare words or broken strings. */
class SkeletonParser {
  constructor(
    private readonly text: string,
    public pos: number,
    private readonly at: (offset: number) => { file: string; line: number },
    private readonly broken: { line: number }[],
  ) {}

  private fail(message: string): never {
    throw new TranscribeError(this.at(Math.min(this.pos, this.text.length - 1)), message);
  }

  private skip(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos])) this.pos++;
  }

  private expect(ch: string): void {
    this.skip();
    if (this.pos >= this.text.length) this.fail(`truncated JSON: expected "${ch}" before the end`);
    if (this.text[this.pos] !== ch) this.fail(`malformed JSON: expected "${ch}"`);
    this.pos++;
  }

  value(): Skeleton {
    this.skip();
    if (this.pos >= this.text.length) this.fail("truncated JSON: expected a value");
    const line = this.at(this.pos).line;
    const ch = this.text[this.pos];
    if (ch === "{") {
      this.pos++;
      const entries: { key: string; line: number; value: Skeleton }[] = [];
      this.skip();
      if (this.text[this.pos] === "}") {
        this.pos++;
        return { kind: "object", line, entries };
      }
      for (;;) {
        this.skip();
        const keyLine = this.at(this.pos).line;
        const key = this.string();
        this.expect(":");
        entries.push({ key, line: keyLine, value: this.value() });
        this.skip();
        if (this.pos >= this.text.length) this.fail('truncated JSON: expected "," or "}"');
        if (this.text[this.pos] === ",") this.pos++;
        else if (this.text[this.pos] === "}") {
          this.pos++;
          return { kind: "object", line, entries };
        } else this.fail('malformed JSON: expected "," or "}"');
      }
    }
    if (ch === "[") {
      this.pos++;
      const items: Skeleton[] = [];
      this.skip();
      if (this.text[this.pos] === "]") {
        this.pos++;
        return { kind: "array", line, items };
      }
      for (;;) {
        items.push(this.value());
        this.skip();
        if (this.pos >= this.text.length) this.fail('truncated JSON: expected "," or "]"');
        if (this.text[this.pos] === ",") this.pos++;
        else if (this.text[this.pos] === "]") {
          this.pos++;
          return { kind: "array", line, items };
        } else this.fail('malformed JSON: expected "," or "]"');
      }
    }
    if (ch === '"') return { kind: "scalar", line, text: this.string(), quoted: true };
    const word = /^[A-Za-z0-9_.+-]+/.exec(this.text.slice(this.pos));
    if (!word) this.fail("malformed JSON: expected a value");
    this.pos += word[0].length;
    return { kind: "scalar", line, text: word[0], quoted: false };
  }

  /** A quoted string; a line break inside it is the page's rendering, not content. */
  private string(): string {
    if (this.text[this.pos] !== '"') this.fail("malformed JSON: expected a quoted key");
    const startLine = this.at(this.pos).line;
    let out = "";
    let brokenHere = false;
    for (this.pos++; ; this.pos++) {
      if (this.pos >= this.text.length) this.fail("truncated JSON: unterminated string");
      const c = this.text[this.pos];
      if (c === '"') break;
      if (c === "\\") {
        out += this.text[++this.pos] ?? "";
      } else if (c === "\n") {
        brokenHere = true;
      } else out += c;
    }
    this.pos++;
    if (brokenHere) this.broken.push({ line: startLine });
    return out;
  }
}
