import { TranscribeError } from "../transcribed.js";

/** A non-blank line of a page, trimmed, with its 1-based line number in the file. */
export interface PageLine {
  text: string;
  line: number;
}

/** Both looks carry the same content; the old look only separates it by blank lines. */
export function pageLines(text: string): PageLine[] {
  const out: PageLine[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const t = raw.trim();
    if (t) out.push({ text: t, line: i + 1 });
  });
  return out;
}

/** The section headings of an action page, in the order pages print them. */
export const SECTION_NAMES = [
  "Request Syntax",
  "URI Request Parameters",
  "Request Body",
  "Response Syntax",
  "Response Elements",
  "Errors",
  "Examples",
  "See Also",
] as const;
export type SectionName = (typeof SECTION_NAMES)[number];

/** Sections every action page has; a page without one of them was cut short ("See Also" ends it). */
const REQUIRED: SectionName[] = [
  "Request Syntax",
  "Response Syntax",
  "Response Elements",
  "Errors",
  "See Also",
];

export interface Sections {
  /** Lines before "Request Syntax": title, banners, the action's description. */
  intro: PageLine[];
  sections: Partial<Record<SectionName, { heading: PageLine; lines: PageLine[] }>>;
}

export function splitSections(lines: PageLine[], file: string): Sections {
  const result: Sections = { intro: [], sections: {} };
  let current: PageLine[] = result.intro;
  for (const l of lines) {
    const name = SECTION_NAMES.find((n) => n === l.text);
    if (name && !result.sections[name]) {
      current = [];
      result.sections[name] = { heading: l, lines: current };
    } else {
      current.push(l);
    }
  }
  const last = lines.at(-1)?.line ?? 1;
  for (const name of REQUIRED) {
    if (!result.sections[name]) {
      throw new TranscribeError(
        { file, line: last },
        `truncated page: the "${name}" section is missing (the page ends at line ${last})`,
      );
    }
  }
  return result;
}
