/**
 * Values for a skeleton's placeholders that meet the docs' constraints: the printed placeholder
 * when it already does ("string" matches most patterns), else (for a pattern ending in `.*`) the
 * pattern's shortest match followed by the placeholder, else a string generated from the pattern
 * (a regex subset: classes, escapes, groups, alternation, quantifiers), stretched until the
 * length constraint holds. Deterministic: the same constraints always give the same value.
 */
export interface StringConstraints {
  pattern?: string;
  min?: number;
  max?: number;
}

/** Characters tried in order when a class allows several; digits first reads like an id. */
const PREFERRED = "1234567890abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_.:/@=+ ";
const MAX_STRETCH = 64;

export function meets(value: string, c: StringConstraints): boolean {
  const length = [...value].length;
  if (c.min !== undefined && length < c.min) return false;
  if (c.max !== undefined && length > c.max) return false;
  return c.pattern === undefined || new RegExp(c.pattern).test(value);
}

export function sampleString(printed: string, c: StringConstraints): string | undefined {
  if (meets(printed, c)) return printed;
  if (c.pattern === undefined) {
    const min = c.min ?? 0;
    const max = c.max ?? Math.max(min, printed.length);
    let value = printed || "x";
    while (value.length < min) value += printed || "x";
    value = value.slice(0, Math.max(min, Math.min(max, printed.length)));
    return meets(value, c) ? value : undefined;
  }
  let tree: Alternatives;
  try {
    tree = new PatternParser(c.pattern).parse();
  } catch {
    return undefined;
  }
  // A pattern ending in "anything" reads best as its shortest match + the placeholder ("arn:string").
  if (/\.\*\$?$/.test(c.pattern)) {
    const readable = generate(tree, 0) + printed;
    if (meets(readable, c)) return readable;
  }
  for (let stretch = 0; stretch <= MAX_STRETCH; stretch++) {
    const value = generate(tree, stretch);
    if (meets(value, c)) return value;
  }
  return undefined;
}

type Atom =
  | { kind: "chars"; source: string }
  | { kind: "group"; alternatives: Alternatives }
  | { kind: "anchor" };
interface Item {
  atom: Atom;
  min: number;
  max: number;
}
type Alternatives = Item[][];

class PatternParser {
  private pos = 0;
  constructor(private readonly src: string) {}

  parse(): Alternatives {
    const alts = this.alternatives();
    if (this.pos !== this.src.length) throw new Error("unbalanced pattern");
    return alts;
  }

  private alternatives(): Alternatives {
    const alts: Alternatives = [this.sequence()];
    while (this.src[this.pos] === "|") {
      this.pos++;
      alts.push(this.sequence());
    }
    return alts;
  }

  private sequence(): Item[] {
    const items: Item[] = [];
    while (this.pos < this.src.length && this.src[this.pos] !== "|" && this.src[this.pos] !== ")") {
      const atom = this.atom();
      const [min, max] = this.quantifier();
      items.push({ atom, min, max });
    }
    return items;
  }

  private atom(): Atom {
    const c = this.src[this.pos++];
    if (c === "^" || c === "$") return { kind: "anchor" };
    if (c === "(") {
      if (this.src.startsWith("?:", this.pos)) this.pos += 2;
      else if (this.src[this.pos] === "?") throw new Error("lookaround not supported");
      const alternatives = this.alternatives();
      if (this.src[this.pos++] !== ")") throw new Error("unclosed group");
      return { kind: "group", alternatives };
    }
    if (c === "[") {
      let end = this.pos;
      if (this.src[end] === "^") end++;
      if (this.src[end] === "]") end++;
      while (end < this.src.length && this.src[end] !== "]") end += this.src[end] === "\\" ? 2 : 1;
      if (end >= this.src.length) throw new Error("unclosed class");
      const source = this.src.slice(this.pos - 1, end + 1);
      this.pos = end + 1;
      return { kind: "chars", source };
    }
    if (c === "\\") {
      const e = this.src[this.pos++];
      if (e === undefined) throw new Error("dangling escape");
      return { kind: "chars", source: `\\${e}` };
    }
    if (c === ".") return { kind: "chars", source: "." };
    return { kind: "chars", source: c.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&") };
  }

  private quantifier(): [number, number] {
    const c = this.src[this.pos];
    let q: [number, number] = [1, 1];
    if (c === "*") q = [0, Number.POSITIVE_INFINITY];
    else if (c === "+") q = [1, Number.POSITIVE_INFINITY];
    else if (c === "?") q = [0, 1];
    else if (c === "{") {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.pos));
      if (!m) return q;
      const min = Number(m[1]);
      const max = m[2] === undefined ? min : m[3] ? Number(m[3]) : Number.POSITIVE_INFINITY;
      this.pos += m[0].length;
      if (this.src[this.pos] === "?") this.pos++;
      return [min, max];
    } else return q;
    this.pos++;
    if (this.src[this.pos] === "?") this.pos++;
    return q;
  }
}

function generate(alts: Alternatives, stretch: number): string {
  let out = "";
  for (const item of alts[0]) {
    const count = Math.min(item.max, item.min + (item.max > item.min ? stretch : 0));
    for (let k = 0; k < count; k++) {
      if (item.atom.kind === "group") out += generate(item.atom.alternatives, stretch);
      else if (item.atom.kind === "chars") out += pick(item.atom.source, out.length);
    }
  }
  return out;
}

/** The characters of PREFERRED each character class allows, by its source: classes repeat. */
const allowedBySource = new Map<string, string[]>();

/** The position-th allowed character of PREFERRED (cycling), so repeated classes vary. */
function pick(source: string, position: number): string {
  let allowed = allowedBySource.get(source);
  if (!allowed) {
    const re = new RegExp(`^${source}$`);
    allowed = [...PREFERRED].filter((ch) => re.test(ch));
    allowedBySource.set(source, allowed);
  }
  if (allowed.length === 0) {
    // A literal outside PREFERRED: the class source is the character itself, unescaped.
    return source.replace(/^\\/, "");
  }
  return allowed[position % allowed.length];
}
