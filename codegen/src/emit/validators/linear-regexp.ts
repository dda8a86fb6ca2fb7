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
 * matched by following every thread at once: O(pattern × input), whatever the input. The sets of
 * threads met are kept as the states of a DFA built as the input asks for them (RE2's lazy DFA),
 * with their transitions on ASCII characters, so a pattern seen before costs one table lookup per
 * character, as fast as RegExp. Each single character class ('.', '[a-z]', '\d', '\p{L}', a
 * literal) is tested with RegExp, on one character, where it cannot backtrack. Patterns with '\b'
 * or '\B' (whose verdict depends on the characters around) are simulated thread by thread instead
 * (Pike's method), in linear time too.
 *
 * Backreferences and lookaround have no linear-time form: a pattern using them (or any flag but
 * 'u') runs on RegExp itself, as does one whose counted repetitions expand past MAX_PROGRAM.
 */

/** The most NFA instructions a pattern may take (counted repetitions are expanded). */
const MAX_PROGRAM = 10_000;

/**
 * The most DFA states a matcher keeps (each with up to 128 transitions); past it, new states are
 * worked out each time they are met: still linear, and memory stays bounded whatever the input.
 */
const MAX_STATES = 500;

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
  const matches = usesWordBoundary(program) ? (input) => run(program, input) : lazyDfa(program);
  return {
    test: (input) => matches(String(input)),
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

function usesWordBoundary(program) {
  return program.op.some((code, pc) => code === ASSERT && (program.test[pc] === "b" || program.test[pc] === "B"));
}

/**
 * Follows the threads on 'stack' through splits and jumps, each instruction once ('seen[pc]'
 * set to 'mark'), and hands every other instruction to 'reach', which says whether the thread
 * goes on past it (an assertion that holds). True once a thread reaches MATCH.
 */
function follow(program, stack, seen, mark, reach) {
  const { op, x, y } = program;
  while (stack.length > 0) {
    const at = stack.pop();
    if (seen[at] === mark) continue;
    seen[at] = mark;
    const code = op[at];
    if (code === SPLIT) stack.push(y[at], x[at]);
    else if (code === JUMP) stack.push(x[at]);
    else if (code === MATCH) {
      stack.length = 0;
      return true;
    } else if (reach(at)) stack.push(at + 1);
  }
  return false;
}

/** Where any match ends the search: a thread reached MATCH. */
const ACCEPT = { chars: [], pending: [], atStart: false, cached: true, ascii: [], end: true };

/**
 * 'test' as a lazily built DFA. A state holds the threads alive at a position: those waiting on
 * a character, and those waiting on '$' (which holds only at the end, so is decided there).
 */
function lazyDfa(program) {
  const { op, test } = program;
  const states = new Map();
  const seen = new Int32Array(op.length).fill(-1);
  let mark = 0;
  const stack = [];
  /** A fresh mark for 'seen' (the array is cleared before the counter could wrap). */
  const nextMark = () => {
    if (mark === 0x3fffffff) {
      seen.fill(-1);
      mark = 0;
    }
    return ++mark;
  };

  /** The state of the threads 'seeds' lead to ('^' holds only at the start). */
  const stateOf = (seeds, atStart) => {
    const chars = [];
    const pending = [];
    for (const seed of seeds) stack.push(seed);
    const matched = follow(program, stack, seen, nextMark(), (at) => {
      if (op[at] === CHAR) chars.push(at);
      else if (test[at] === "$") pending.push(at);
      else return atStart;
      return false;
    });
    if (matched) return ACCEPT;
    chars.sort((a, b) => a - b);
    pending.sort((a, b) => a - b);
    const key = (atStart ? "^" : "") + chars.join(",") + "$" + pending.join(",");
    let state = states.get(key);
    if (state === undefined) {
      const cached = states.size < MAX_STATES;
      state = { chars, pending, atStart, cached, ascii: [], end: undefined };
      if (cached) states.set(key, state);
    }
    return state;
  };

  /** The state after one more character; a match may also start after it (thread 0). */
  const step = (state, ch) => {
    const seeds = [0];
    for (const pc of state.chars) if (test[pc](ch)) seeds.push(pc + 1);
    return stateOf(seeds, false);
  };

  /** Whether the threads waiting on '$' reach MATCH at the end of the input. */
  const acceptsAtEnd = (state) => {
    if (state.end === undefined) {
      for (const pc of state.pending) stack.push(pc + 1);
      state.end = follow(program, stack, seen, nextMark(), (at) => op[at] === ASSERT && (test[at] === "$" || state.atStart));
    }
    return state.end;
  };

  const initial = stateOf([0], true);
  return (input) => {
    let state = initial;
    const end = input.length;
    for (let i = 0; i < end && state !== ACCEPT; i++) {
      const code = input.charCodeAt(i);
      if (code < 128) {
        let next = state.ascii[code];
        if (next === undefined) {
          next = step(state, input[i]);
          // Only between kept states: a chain of unkept ones would grow without bound.
          if (state.cached && next.cached) state.ascii[code] = next;
        }
        state = next;
      } else {
        const point = input.codePointAt(i);
        if (point > 0xffff) i++;
        state = step(state, String.fromCodePoint(point));
      }
    }
    return state === ACCEPT || acceptsAtEnd(state);
  };
}

const word = /^\w$/u;

/**
 * Whether the program matches anywhere in the input, every thread advanced one character at a
 * time (Pike's method): for patterns with word boundaries, which look at the characters around.
 */
function run(program, input) {
  const { op, test } = program;
  const chars = Array.from(input);
  const seen = new Int32Array(op.length).fill(-1);
  const stack = [];
  const isWord = (i) => i >= 0 && i < chars.length && word.test(chars[i]);
  /** Adds the threads 'pc' leads to at 'pos' (following jumps and assertions); true on a match. */
  const add = (list, pc, pos) => {
    stack.push(pc);
    return follow(program, stack, seen, pos, (at) => {
      if (op[at] === CHAR) {
        list.push(at);
        return false;
      }
      const what = test[at];
      if (what === "^") return pos === 0;
      if (what === "$") return pos === chars.length;
      return (isWord(pos - 1) !== isWord(pos)) === (what === "b");
    });
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
