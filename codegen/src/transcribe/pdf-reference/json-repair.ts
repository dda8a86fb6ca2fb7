import type { NodeValue } from "../../model/ast.js";
import { TranscribeError } from "../transcribed.js";
import { scanJson, scanString } from "./json-prefix.js";
import type { Line } from "./pages.js";

/**
 * Repairs a JSON sample the PDF extraction broke, in three steps, each recorded:
 * 1. lines whose two halves were printed in swapped order (tail of a wrapped string, then the
 *    head of the next) are put back in order;
 * 2. string values wrapped across lines (and pages) are joined: without a space inside a token
 *    (ARNs, IDs) or a word the layout cut, with one between the words of prose;
 * 3. at each page break, closing brackets the extraction invented to "complete" the first half
 *    are dropped and a missing comma restored: the candidates are tried in order and the first
 *    that makes the whole text valid JSON (and that `accept` takes) wins; surplus closers at the
 *    very end are dropped.
 */

export interface JsonRepair {
  line: number;
  printed: string;
  used: string;
  why: string;
}

export interface RepairedJson {
  value: NodeValue;
  repairs: JsonRepair[];
}

/** How a wrapped line is shown in a repair: the line break as "⏎". */
const BREAK = "⏎";

interface WorkLine {
  n: number;
  text: string;
  /** A page break precedes this line. */
  breakBefore: boolean;
}

export interface Vocabulary {
  /** Every word of the document (lowercase, edge punctuation removed). */
  all: Set<string>;
  /** Words that occur inside a line, not at its edges (so not halves of a cut word). */
  interior: Set<string>;
}

export function normalizeWord(w: string): string {
  return w.toLowerCase().replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, "");
}

export function vocabulary(text: string): Vocabulary {
  const all = new Set<string>();
  const interior = new Set<string>();
  for (const line of text.split("\n")) {
    const words = line.trim().split(/\s+/).filter(Boolean).map(normalizeWord);
    words.forEach((w, k) => {
      all.add(w);
      if (k > 0 && k < words.length - 1) interior.add(w);
    });
  }
  return { all, interior };
}

export function repairJson(
  lines: Line[],
  breaks: number[],
  vocab: Vocabulary,
  file: string,
  accept: (value: NodeValue) => boolean = () => true,
): RepairedJson {
  const repairs: JsonRepair[] = [];
  const work = unswap(lines, breaks, repairs);
  const joined = joinStrings(work, vocab, repairs);
  const segments: WorkLine[][] = [];
  for (const l of joined) {
    if (l.breakBefore || segments.length === 0) segments.push([]);
    segments[segments.length - 1].push(l);
  }
  // Least change first: joins that end the value exactly, then those that also need the end of
  // the sample fixed (surplus or missing closing brackets).
  const solved = solveBreaks(segments, accept, false) ?? solveBreaks(segments, accept, true);
  if (!solved) {
    const first = lines[0]?.n ?? 0;
    throw new TranscribeError({ file, line: first }, "sample JSON is broken beyond repair");
  }
  repairs.push(...solved.repairs);
  return { value: solved.value, repairs };
}

/** Step 1: `tail",      "head-of-next` (the extraction swapped the columns of a wrapped line). */
function unswap(lines: Line[], breaks: number[], repairs: JsonRepair[]): WorkLine[] {
  const out: WorkLine[] = [];
  let inString = false;
  lines.forEach((l, k) => {
    const breakBefore = breaks.includes(k);
    const m = /^([^"\s{}[\],:][^"]*",?)\s{2,}("(?:[^"\\]|\\.)*)$/.exec(l.text.trim());
    if (!inString && m) {
      out.push({ n: l.n, text: m[2], breakBefore }, { n: l.n, text: m[1], breakBefore: false });
      repairs.push({
        line: l.n,
        printed: l.text.trim(),
        used: `${m[2]}${BREAK}${m[1]}`,
        why: "the extraction printed the two halves of wrapped lines in swapped order",
      });
      inString = false;
      return;
    }
    out.push({ n: l.n, text: l.text, breakBefore });
    if (l.text.trim() !== "") inString = endsInString(l.text, inString);
  });
  return out;
}

function endsInString(text: string, startInString: boolean): boolean {
  let inString = startInString;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString && c === "\\") i++;
    else if (c === '"') inString = !inString;
  }
  return inString;
}

/** Step 2: a line that ends inside a string continues on the next non-blank line. */
function joinStrings(work: WorkLine[], vocab: Vocabulary, repairs: JsonRepair[]): WorkLine[] {
  const out: WorkLine[] = [];
  let open: { line: WorkLine; printed: string[]; start: number } | undefined;
  for (const l of work) {
    if (l.text.trim() === "") continue;
    if (open) {
      const right = l.text.trimStart();
      const left = open.line.text.slice(open.start);
      open.line.text += joiner(left, right, vocab) + right;
      open.printed.push(right);
    } else {
      out.push({ ...l });
    }
    const current = out[out.length - 1];
    const start = lastOpenQuote(current.text);
    if (start >= 0) {
      if (!open) open = { line: current, printed: [current.text.trim()], start };
      else open.start = start;
    } else if (open) {
      repairs.push({
        line: open.line.n,
        printed: open.printed.join(BREAK),
        used: current.text.trim(),
        why: "a string value wrapped across lines by the page layout is one value",
      });
      open = undefined;
    }
  }
  return out;
}

/** Offset of the quote opening a string left unterminated at the end of `text`, or -1. */
function lastOpenQuote(text: string): number {
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"') {
      const end = scanString(text, i);
      if (end < 0) return i;
      if (end === Number.MAX_SAFE_INTEGER) return -1;
      i = end;
    } else i++;
  }
  return -1;
}

/**
 * How the two halves of a wrapped string join: directly inside a token (no space in the value
 * so far, or a hyphen or slash at the cut) or a word the document spells whole elsewhere while
 * a half is no word of its own; otherwise with a space (the layout wrapped prose at a space).
 */
function joiner(left: string, right: string, vocab: Vocabulary): string {
  const content = left.slice(1);
  if (!/\s/.test(content) || /[-/]$/.test(content)) return "";
  const lw = normalizeWord(content.split(/\s+/).pop() ?? "");
  const rw = normalizeWord(right.split(/\s+/)[0] ?? "");
  const whole = normalizeWord((content.split(/\s+/).pop() ?? "") + (right.split(/\s+/)[0] ?? ""));
  if (vocab.all.has(whole) && (!vocab.interior.has(lw) || !vocab.interior.has(rw))) return "";
  return " ";
}

const CLOSER = /^\s*[}\]],?\s*$/;

interface Solved {
  value: NodeValue;
  repairs: JsonRepair[];
}

/** Step 3: backtracking over the ways to join each page break, in order of least change. */
function solveBreaks(
  segments: WorkLine[][],
  accept: (value: NodeValue) => boolean,
  fixEnd: boolean,
): Solved | undefined {
  const search = (acc: WorkLine[], k: number, repairs: JsonRepair[]): Solved | undefined => {
    if (k === segments.length) return finish(acc, repairs, accept, fixEnd);
    const next = segments[k];
    let closers = 0;
    while (closers < acc.length && CLOSER.test(acc[acc.length - 1 - closers].text)) closers++;
    for (let drop = 0; drop <= closers; drop++) {
      for (const comma of [false, true]) {
        const kept = acc.slice(0, acc.length - drop);
        if (comma && kept.length === 0) continue;
        const candidate = comma
          ? [
              ...kept.slice(0, -1),
              { ...kept[kept.length - 1], text: `${kept[kept.length - 1].text},` },
              ...next,
            ]
          : [...kept, ...next];
        if (!viable(text(candidate))) continue;
        const note: JsonRepair[] = [];
        if (drop > 0 || comma) {
          const dropped = acc.slice(acc.length - drop).map((l) => l.text.trim());
          note.push({
            line: next[0].n,
            printed: [
              kept[kept.length - 1]?.text.trim() ?? "",
              ...dropped,
              "(page break)",
              next[0].text.trim(),
            ].join(BREAK),
            used: [
              `${kept[kept.length - 1]?.text.trim() ?? ""}${comma ? "," : ""}`,
              next[0].text.trim(),
            ].join(BREAK),
            why:
              (drop > 0
                ? `the extraction closed the JSON before the page break with ${drop} bracket(s) that are not in the sample`
                : "") +
              (drop > 0 && comma ? "; " : "") +
              (comma
                ? "the comma between the elements on both sides of the page break was lost"
                : ""),
          });
        }
        const found = search(candidate, k + 1, [...repairs, ...note]);
        if (found) return found;
      }
    }
    return undefined;
  };
  return search(segments[0] ?? [], 1, []);
}

/** A valid JSON prefix, or a complete value followed only by surplus closers. */
function viable(json: string): boolean {
  const { error } = scanJson(json);
  if (error < 0) return true;
  return /^[\s}\],]*$/.test(json.slice(error)) && scanJson(json.slice(0, error)).complete;
}

function text(lines: WorkLine[]): string {
  return lines.map((l) => l.text).join("\n");
}

function finish(
  acc: WorkLine[],
  repairs: JsonRepair[],
  accept: (value: NodeValue) => boolean,
  fixEnd: boolean,
): Solved | undefined {
  let lines = acc;
  const extra: JsonRepair[] = [];
  const scan = scanJson(text(lines));
  if (!scan.complete && !fixEnd) return undefined;
  if (!scan.complete && scan.error < 0) {
    // The sample stops before its value ends: close what is open.
    const closers = scan.open
      .slice()
      .reverse()
      .map((b) => (b === "{" ? "}" : "]"));
    const last = lines[lines.length - 1];
    extra.push({
      line: last.n,
      printed: `${last.text.trim()}${BREAK}(end of sample)`,
      used: `${last.text.trim()}${BREAK}${closers.join(BREAK)}`,
      why: `the sample's JSON ends before its value does; ${closers.length} closing bracket(s) added`,
    });
    lines = [...lines, ...closers.map((c) => ({ n: last.n, text: c, breakBefore: false }))];
  } else if (!scan.complete) {
    // Surplus closing brackets after a complete value.
    let cut = lines.length;
    while (cut > 0 && CLOSER.test(lines[cut - 1].text)) cut--;
    let found = -1;
    for (let k = cut; k < lines.length; k++) {
      if (scanJson(text(lines.slice(0, k))).complete) {
        found = k;
        break;
      }
    }
    if (found < 0) return undefined;
    extra.push({
      line: lines[found].n,
      printed: lines
        .slice(found)
        .map((l) => l.text.trim())
        .join(BREAK),
      used: "(nothing)",
      why: "closing brackets after the end of the sample's JSON value close nothing",
    });
    lines = lines.slice(0, found);
  }
  const value = JSON.parse(text(lines)) as NodeValue;
  if (!accept(value)) return undefined;
  return { value, repairs: [...repairs, ...extra] };
}
