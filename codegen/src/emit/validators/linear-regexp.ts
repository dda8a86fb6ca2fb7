/** src/validators/linear-regexp.js: what validators run `@pattern` on (see the module's comment). */
export const LINEAR_REGEXP = "linear-regexp.js";

/**
 * What ajv's `code.regExp` option takes: compiling a schema, ajv calls it (a RegExp checks the
 * pattern's syntax); its generated code calls `linearRegExp` instead, imported from
 * LINEAR_REGEXP by the standalone module (see standalone.ts).
 */
export const linearRegExpEngine = Object.assign(
  (pattern: string, flags: string) => new RegExp(pattern, flags),
  { code: 'require("docsmith:linear-regexp").default' },
);

/**
 * The module's text. Kept as JavaScript (it ships as is in every package); its tests import the
 * emitted text, so what is tested is what ships.
 */
export function emitLinearRegExpModule(): string {
  return String.raw`/**
 * Smithy '@pattern' in linear time. RegExp backtracks: '^([0-9]+)+$' on thirty digits and a '!'
 * takes longer than any request may, so a pattern is compiled here, once, into a Thompson NFA and
 * matched by simulating every thread at once (Pike's method): O(pattern × input), whatever the
 * input. Each single character class ('.', '[a-z]', '\d', '\p{L}', a literal) is tested with
 * RegExp, on one character, where it cannot backtrack.
 *
 * Backreferences and lookaround have no linear-time form: a pattern using them (or any flag but
 * 'u') runs on RegExp itself, as does one whose counted repetitions expand past MAX_PROGRAM.
 */

/** The most NFA instructions a pattern may take (counted repetitions are expanded). */
const MAX_PROGRAM = 10_000;

const CHAR = 0;
const SPLIT = 1;
const JUMP = 2;
const ASSERT = 3;
const MATCH = 4;

class Unsupported extends Error {}

/**
 * A RegExp-like matcher of 'source': 'test(input)' says whether the pattern matches anywhere in
 * the input, as RegExp#test does.
 * @param {string} source
 * @param {string} flags
 * @returns {{ test(input: string): boolean, toString(): string }}
 */
export function linearRegExp(source, flags) {
  const native = new RegExp(source, flags); // throws on a syntax error, as RegExp would
  if (flags !== "u") return native;
  let program;
  try {
    program = compile(new Parser(source).parse());
  } catch (error) {
    if (error instanceof Unsupported) return native;
    throw error;
  }
  return {
    test: (input) => run(program, String(input)),
    toString: () => "/" + source + "/" + flags,
  };
}

/** Parses the pattern into nodes: alt, seq, repeat, char (a one-character test), assert. */
class Parser {
  /** @param {string} source */
  constructor(source) {
    this.source = source;
    this.at = 0;
  }

  parse() {
    const node = this.alternation();
    if (this.at < this.source.length) throw new Unsupported(); // a stray ')': RegExp refused it
    return node;
  }

  alternation() {
    const options = [this.sequence()];
    while (this.source[this.at] === "|") {
      this.at++;
      options.push(this.sequence());
    }
    return options.length === 1 ? options[0] : { kind: "alt", options };
  }

  sequence() {
    const items = [];
    while (this.at < this.source.length && this.source[this.at] !== "|" && this.source[this.at] !== ")") {
      items.push(this.quantified(this.term()));
    }
    return { kind: "seq", items };
  }

  term() {
    const s = this.source;
    const c = s[this.at];
    if (c === "^" || c === "$") {
      this.at++;
      return { kind: "assert", what: c };
    }
    if (c === "(") return this.group();
    if (c === "[") return this.charClass();
    if (c === "\\") return this.escape();
    const point = s.codePointAt(this.at);
    const text = String.fromCodePoint(point);
    this.at += text.length;
    return c === "." ? { kind: "char", test: oneCharacter(".") } : { kind: "char", test: (ch) => ch === text };
  }

  group() {
    const s = this.source;
    if (s.startsWith("(?:", this.at)) this.at += 3;
    else if (s.startsWith("(?<", this.at) && s[this.at + 3] !== "=" && s[this.at + 3] !== "!") {
      this.at = s.indexOf(">", this.at) + 1;
    } else if (s[this.at + 1] === "?") throw new Unsupported(); // lookaround, modifiers
    else this.at++;
    const node = this.alternation();
    this.at++; // ")"
    return node;
  }

  charClass() {
    const s = this.source;
    let end = this.at + 1;
    while (s[end] !== "]") end += s[end] === "\\" ? 2 : 1;
    const text = s.slice(this.at, end + 1);
    this.at = end + 1;
    return { kind: "char", test: oneCharacter(text) };
  }

  escape() {
    const s = this.source;
    const d = s[this.at + 1];
    if (d === "b" || d === "B") {
      this.at += 2;
      return { kind: "assert", what: d };
    }
    if (/[1-9k]/.test(d)) throw new Unsupported(); // backreferences
    let end = this.at + 2;
    if (d === "u" && s[end] === "{") end = s.indexOf("}", end) + 1;
    else if (d === "u") {
      end += 4;
      // a surrogate pair written as two escapes is one character
      if (/^\\u[dD][89abAB]..\\u[dD][c-fC-F]/.test(s.slice(this.at, end + 6))) end += 6;
    } else if (d === "x") end += 2;
    else if (d === "c") end += 1;
    else if ((d === "p" || d === "P") && s[end] === "{") end = s.indexOf("}", end) + 1;
    const text = s.slice(this.at, end);
    this.at = end;
    return { kind: "char", test: oneCharacter(text) };
  }

  /** @param {object} node */
  quantified(node) {
    const s = this.source;
    let min;
    let max;
    const c = s[this.at];
    if (c === "*" || c === "+" || c === "?") {
      this.at++;
      [min, max] = c === "*" ? [0, Infinity] : c === "+" ? [1, Infinity] : [0, 1];
    } else {
      const counted = /^\{(\d+)(,(\d*))?\}/.exec(s.slice(this.at));
      if (!counted) return node;
      this.at += counted[0].length;
      min = Number(counted[1]);
      max = counted[2] === undefined ? min : counted[3] === "" ? Infinity : Number(counted[3]);
    }
    if (s[this.at] === "?") this.at++; // lazy: the same language
    return { kind: "repeat", node, min, max };
  }
}

/**
 * A test of one character (a string of one code point) against a one-character pattern. The
 * verdict on each ASCII character is kept once worked out (most input is ASCII, and a RegExp call
 * per character was most of the matcher's time).
 */
function oneCharacter(text) {
  const rx = new RegExp("^(?:" + text + ")$", "u");
  const ascii = new Int8Array(128); // 0: not yet seen, 1: matches, 2: does not
  return (ch) => {
    const code = ch.charCodeAt(0);
    if (code >= 128) return rx.test(ch);
    const known = ascii[code];
    if (known !== 0) return known === 1;
    const matches = rx.test(ch);
    ascii[code] = matches ? 1 : 2;
    return matches;
  };
}

/** Compiles nodes into parallel arrays of instructions: op, its test, its jump targets. */
function compile(root) {
  const op = [];
  const test = [];
  const x = [];
  const y = [];
  const emit = (code, t, a, b) => {
    if (op.length >= MAX_PROGRAM) throw new Unsupported();
    op.push(code);
    test.push(t);
    x.push(a);
    y.push(b);
    return op.length - 1;
  };
  const gen = (node) => {
    switch (node.kind) {
      case "char":
        emit(CHAR, node.test, 0, 0);
        return;
      case "assert":
        emit(ASSERT, node.what, 0, 0);
        return;
      case "seq":
        for (const item of node.items) gen(item);
        return;
      case "alt": {
        const jumps = [];
        node.options.forEach((option, i) => {
          if (i < node.options.length - 1) {
            const split = emit(SPLIT, null, op.length + 1, 0);
            gen(option);
            jumps.push(emit(JUMP, null, 0, 0));
            y[split] = op.length;
          } else gen(option);
        });
        for (const j of jumps) x[j] = op.length;
        return;
      }
      case "repeat": {
        for (let i = 0; i < node.min; i++) gen(node.node);
        if (node.max === Infinity) {
          const split = emit(SPLIT, null, op.length + 1, 0);
          gen(node.node);
          emit(JUMP, null, split, 0);
          y[split] = op.length;
        } else {
          const splits = [];
          for (let i = node.min; i < node.max; i++) {
            splits.push(emit(SPLIT, null, op.length + 1, 0));
            gen(node.node);
          }
          for (const s of splits) y[s] = op.length;
        }
        return;
      }
    }
  };
  gen(root);
  emit(MATCH, null, 0, 0);
  return { op, test, x, y };
}

const word = /^\w$/u;

/** Whether the program matches anywhere in the input: every thread advanced one character at a time. */
function run(program, input) {
  const { op, test, x, y } = program;
  const chars = Array.from(input);
  const seen = new Int32Array(op.length).fill(-1);
  const stack = [];
  const isWord = (i) => i >= 0 && i < chars.length && word.test(chars[i]);
  /** Adds the threads 'pc' leads to at 'pos' (following jumps and assertions); true on a match. */
  const add = (list, pc, pos) => {
    stack.push(pc);
    while (stack.length > 0) {
      const at = stack.pop();
      if (seen[at] === pos) continue;
      seen[at] = pos;
      switch (op[at]) {
        case CHAR:
          list.push(at);
          break;
        case SPLIT:
          stack.push(y[at], x[at]);
          break;
        case JUMP:
          stack.push(x[at]);
          break;
        case ASSERT: {
          const what = test[at];
          const holds =
            what === "^"
              ? pos === 0
              : what === "$"
                ? pos === chars.length
                : (isWord(pos - 1) !== isWord(pos)) === (what === "b");
          if (holds) stack.push(at + 1);
          break;
        }
        case MATCH:
          stack.length = 0;
          return true;
      }
    }
    return false;
  };
  let current = [];
  if (add(current, 0, 0)) return true;
  for (let i = 0; i < chars.length; i++) {
    const next = [];
    for (const pc of current) {
      if (test[pc](chars[i]) && add(next, pc + 1, i + 1)) return true;
    }
    if (add(next, 0, i + 1)) return true;
    current = next;
  }
  return false;
}
`;
}
