/**
 * A string matching a regular expression, for the common shapes of Smithy @pattern values
 * (classes, escapes, groups, alternation, quantifiers). `repeat` picks how many times a
 * quantified atom repeats given its bounds. Returns undefined when the pattern uses something
 * this does not read; callers check the result with the real RegExp anyway.
 */
export function sampleForPattern(
  pattern: string,
  repeat: (min: number, max: number) => number,
): string | undefined {
  let i = 0;
  const fail = (): never => {
    throw new SyntaxError(pattern);
  };
  const classChar = (): [number, number] => {
    let c = pattern[i++] ?? fail();
    if (c === "\\") {
      c = pattern[i++] ?? fail();
      const known: Record<string, [number, number]> = {
        d: [48, 57],
        w: [97, 122],
        s: [32, 32],
        n: [10, 10],
        t: [9, 9],
      };
      const k = known[c];
      if (k) return k;
      if (/[DWS]/.test(c)) return [97, 97];
    }
    return [c.codePointAt(0)!, c.codePointAt(0)!];
  };
  const charClass = (): string => {
    const negated = pattern[i] === "^";
    if (negated) i++;
    const ranges: [number, number][] = [];
    let first = true;
    while (i < pattern.length && (pattern[i] !== "]" || first)) {
      first = false;
      const [lo] = classChar();
      let hi = lo;
      if (pattern[i] === "-" && pattern[i + 1] !== "]") {
        i++;
        hi = classChar()[1];
      }
      ranges.push([lo, hi]);
    }
    if (pattern[i++] !== "]") fail();
    if (negated) {
      for (const candidate of "aA0_-".split("")) {
        const code = candidate.codePointAt(0)!;
        if (!ranges.some(([lo, hi]) => code >= lo && code <= hi)) return candidate;
      }
      return fail();
    }
    // Prefer a letter or digit inside the first range, for readable samples.
    const [lo, hi] = ranges[0] ?? fail();
    for (const pick of [97, 65, 48])
      if (pick >= lo && pick <= hi) return String.fromCodePoint(pick);
    return String.fromCodePoint(lo);
  };
  const atom = (): string => {
    const c = pattern[i++]!;
    if (c === "[") return charClass();
    if (c === "(") {
      if (pattern[i] === "?") {
        if (pattern[i + 1] !== ":") fail();
        i += 2;
      }
      const inner = alternation();
      if (pattern[i++] !== ")") fail();
      return inner;
    }
    if (c === "\\") {
      const e = pattern[i++] ?? fail();
      const known: Record<string, string> = {
        d: "0",
        w: "a",
        s: " ",
        D: "a",
        W: "-",
        S: "a",
        n: "\n",
        t: "\t",
      };
      if (known[e] !== undefined) return known[e]!;
      if (/[bB]/.test(e)) return "";
      if (e === "u") {
        const hex = pattern.slice(i, i + 4);
        i += 4;
        return String.fromCharCode(Number.parseInt(hex, 16));
      }
      return e;
    }
    if (c === ".") return "a";
    if (c === "^" || c === "$") return "";
    return c;
  };
  const quantified = (): string => {
    const start = i;
    const text = atom();
    const q = pattern[i];
    let min = 1;
    let max = 1;
    if (q === "?" || q === "*" || q === "+") {
      i++;
      [min, max] = q === "?" ? [0, 1] : q === "*" ? [0, 64] : [1, 64];
    } else if (q === "{") {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i));
      if (m) {
        i += m[0].length;
        min = Number(m[1]);
        max = m[2] ? (m[3] ? Number(m[3]) : min + 64) : min;
      }
    }
    if (pattern[i] === "?" && (q === "?" || q === "*" || q === "+" || q === "{")) i++;
    if (min === 1 && max === 1) return text;
    // Re-generate the atom for each repetition so that nested groups repeat whole.
    const count = repeat(min, max);
    let out = "";
    for (let n = 0; n < count; n++) {
      i = start;
      out += atom();
    }
    i = start;
    atom();
    if (pattern[i] === "{") i = pattern.indexOf("}", i) + 1;
    else i++;
    if (pattern[i] === "?") i++;
    return out;
  };
  const sequence = (): string => {
    let out = "";
    while (i < pattern.length && pattern[i] !== "|" && pattern[i] !== ")") out += quantified();
    return out;
  };
  const alternation = (): string => {
    const first = sequence();
    while (pattern[i] === "|") {
      i++;
      sequence();
    }
    return first;
  };
  try {
    const out = alternation();
    return i === pattern.length ? out : undefined;
  } catch {
    return undefined;
  }
}
