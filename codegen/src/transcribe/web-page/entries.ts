import { TranscribeError } from "../transcribed.js";
import type { PageLine } from "./page-lines.js";

/** Bounds as the docs print them ("Minimum length of 1. Maximum length of 300."). */
export interface Bounds {
  min?: number;
  max?: number;
  line: number;
}

/** One documented parameter, response element or error. */
export interface Entry {
  name: string;
  line: number;
  doc: PageLine[];
  type?: { text: string; line: number };
  length?: Bounds;
  arrayMembers?: Bounds;
  range?: Bounds;
  pattern?: { text: string; line: number };
  validValues?: { values: string[]; line: number };
  required?: { value: boolean; line: number };
  status?: { code: number; line: number };
  /** Facts the page ran into the preceding text ("API.Length Constraints: ..."). */
  runTogether: { line: number; printed: string; keyword: string }[];
}

const KEYWORDS = [
  "Type",
  "Length Constraints",
  "Pattern",
  "Valid Values",
  "Required",
  "Array Members",
  "Valid Range",
  "HTTP Status Code",
];
const KEYWORD_LINE = new RegExp(`^(${KEYWORDS.join("|")}):\\s*(.*)$`);
/** A keyword glued to the end of a sentence: "...ListDetectors API.Length Constraints: ...". */
const GLUED = new RegExp(`(?<=[.!?)])(?=(?:${KEYWORDS.join("|")}):)`);
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * The entries of a section. The new look marks an entry with "- name" and "-" lines; the old look
 * with the name alone on its line. Lines before the first entry are the section's boilerplate.
 */
export function parseEntries(
  lines: PageLine[],
  look: "web-new" | "web-old",
  file: string,
): Entry[] {
  const starts: { index: number; name: string; skip: number }[] = [];
  lines.forEach((l, i) => {
    if (look === "web-new") {
      const m = /^- (\S+)$/.exec(l.text);
      if (m && lines[i + 1]?.text === "-") starts.push({ index: i, name: m[1], skip: 2 });
    } else if (IDENTIFIER.test(l.text)) {
      starts.push({ index: i, name: l.text, skip: 1 });
    }
  });
  return starts.map((s, k) => {
    const end = starts[k + 1]?.index ?? lines.length;
    return parseEntry(s.name, lines[s.index], lines.slice(s.index + s.skip, end), file);
  });
}

function parseEntry(name: string, head: PageLine, body: PageLine[], file: string): Entry {
  const entry: Entry = { name, line: head.line, doc: [], runTogether: [] };
  const split: PageLine[] = [];
  for (const l of body) {
    const parts = l.text.split(GLUED);
    if (parts.length > 1) {
      for (const p of parts.slice(1)) {
        entry.runTogether.push({
          line: l.line,
          printed: l.text,
          keyword: p.slice(0, p.indexOf(":")),
        });
      }
    }
    for (const p of parts) split.push({ text: p.trim(), line: l.line });
  }
  let facts = false;
  for (let i = 0; i < split.length; i++) {
    const l = split[i];
    const m = KEYWORD_LINE.exec(l.text);
    if (!m) {
      if (facts) {
        throw new TranscribeError(
          { file, line: l.line },
          `entry "${name}": unexpected text after its Type/constraint lines: "${l.text}"`,
        );
      }
      entry.doc.push(l);
      continue;
    }
    facts = true;
    const [, keyword, rest] = m;
    // Pattern and Valid Values put their value on the next line in the new look.
    const factValue = (): string => {
      if (rest) return rest;
      const next = split[i + 1];
      if (!next || KEYWORD_LINE.test(next.text)) {
        throw new TranscribeError(
          { file, line: l.line },
          `entry "${name}": "${keyword}:" has no value (truncated?)`,
        );
      }
      i++;
      return next.text;
    };
    const at = { file, line: l.line };
    switch (keyword) {
      case "Type":
        entry.type = { text: factValue(), line: l.line };
        break;
      case "Length Constraints":
        entry.length = bounds(factValue(), "length", at);
        break;
      case "Array Members":
        entry.arrayMembers = bounds(factValue(), "number", at);
        break;
      case "Valid Range":
        entry.range = bounds(factValue(), "value", at);
        break;
      case "Pattern":
        entry.pattern = { text: factValue(), line: l.line };
        break;
      case "Valid Values":
        entry.validValues = {
          values: factValue()
            .split("|")
            .map((v) => v.trim())
            .filter(Boolean),
          line: l.line,
        };
        break;
      case "Required": {
        const v = factValue();
        if (v !== "Yes" && v !== "No") {
          throw new TranscribeError(at, `entry "${name}": Required is "${v}", not Yes or No`);
        }
        entry.required = { value: v === "Yes", line: l.line };
        break;
      }
      case "HTTP Status Code": {
        const v = factValue();
        if (!/^\d{3}$/.test(v)) {
          throw new TranscribeError(at, `entry "${name}": HTTP Status Code "${v}" is not a code`);
        }
        entry.status = { code: Number(v), line: l.line };
        break;
      }
    }
  }
  return entry;
}

/**
 * "Minimum length of 1. Maximum length of 300." / "Fixed length of 12." and the like. Every
 * sentence must be one of those: a bound we could read only half of would silently loosen the
 * constraint.
 */
function bounds(text: string, unit: string, at: { file: string; line: number }): Bounds {
  const out: Bounds = { line: at.line };
  // Array sizes count items: "Minimum number of 1 item."
  const noun = unit === "number" ? " items?" : "";
  const sentence = new RegExp(
    `^(Minimum|Maximum|Fixed) ${unit} of (-?\\d+(?:\\.\\d+)?)${noun}\\.?$`,
  );
  const sentences = text
    .split(/(?<=\.)\s+/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
  for (const s of sentences) {
    const m = sentence.exec(s);
    if (!m) throw new TranscribeError(at, `cannot read the bound "${s}" in "${text}"`);
    const value = Number(m[2]);
    if (m[1] !== "Maximum") out.min = value;
    if (m[1] !== "Minimum") out.max = value;
  }
  if (out.min === undefined && out.max === undefined) {
    throw new TranscribeError(at, `cannot read the bounds in "${text}"`);
  }
  return out;
}
