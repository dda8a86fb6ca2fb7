import { TranscribeError } from "../transcribed.js";
import type { Item, Line, Pages } from "./pages.js";
import { cleanInline } from "./text.js";

/**
 * Section splitter: finds the table of contents, the action and data type lists, and cuts the
 * pages into one section per action, per data type, and the common errors. The table of
 * contents is the reference: a section it announces that the pages lack, or a subsection it
 * lists that a section is missing, means the text is truncated.
 */

export interface Subsection {
  heading: Line;
  items: Item[];
}

export interface Section {
  name: string;
  heading: Line;
  /** Items between the heading and the first subsection. */
  intro: Item[];
  /** Subsections in docs order, by heading text. */
  subsections: Map<string, Subsection>;
}

export interface Outline {
  title: string;
  version: string;
  welcome: Section;
  actions: Section[];
  dataTypes: Section[];
  commonErrors: Section;
}

const ACTION_SUBSECTIONS = [
  "Request Syntax",
  "Request Parameters",
  "Response Syntax",
  "Response Elements",
  "Errors",
  "Example",
  "Examples",
];
const SAMPLE_HEADINGS = ["Sample Request", "Sample Response"];
const TYPE_SUBSECTIONS = ["Contents"];

interface TocEntry {
  name: string;
  line: Line;
  children: string[];
}

export function outline(pages: Pages): Outline {
  const { items, file } = pages;
  const toc = readToc(items, file);
  const tocNames = toc.map((e) => e.name);
  const actionsAt = tocNames.indexOf("Actions");
  const typesAt = tocNames.indexOf("Data Types");
  const paramsAt = tocNames.indexOf("Common Parameters");
  if (actionsAt < 0 || typesAt < actionsAt || paramsAt < typesAt) {
    throw new TranscribeError(
      { file, line: toc[0]?.line.n ?? 1 },
      'table of contents lacks "Actions", "Data Types" or "Common Parameters" in that order',
    );
  }
  const tocActions = toc.slice(actionsAt + 1, typesAt);
  const tocTypes = toc.slice(typesAt + 1, paramsAt);

  const cursor = { at: items.findIndex((it) => it.kind === "text" && it.line.text === "Welcome") };
  if (cursor.at < 0) throw new TranscribeError({ file, line: 1 }, 'no "Welcome" section');
  const headings: { name: string; at: number; subs: string[] }[] = [];
  const find = (name: string, subs: string[]) => {
    const at = findHeading(items, name, cursor.at);
    if (at < 0) {
      const last = [...items].reverse().find((it) => it.kind === "code" || it.line.text !== "");
      throw new TranscribeError(
        { file, line: last ? lastLine(last).n : 1 },
        `section "${name}" listed in the table of contents is missing (truncated text?)`,
      );
    }
    headings.push({ name, at, subs });
    cursor.at = at + 1;
  };
  find("Welcome", []);
  find("Actions", []);
  const actionList = bulletList(items, cursor.at, file, "Actions");
  checkSameNames(actionList, tocActions, file, "action");
  for (const entry of tocActions) find(entry.name, [...ACTION_SUBSECTIONS, ...SAMPLE_HEADINGS]);
  find("Data Types", []);
  const typeList = bulletList(items, cursor.at, file, "Data Types");
  checkSameNames(typeList, tocTypes, file, "data type");
  for (const entry of tocTypes) find(entry.name, TYPE_SUBSECTIONS);
  find("Common Parameters", []);
  find("Common Errors", []);

  const sections = headings.map((h, k) => {
    const end = k + 1 < headings.length ? headings[k + 1].at : items.length;
    return splitSubsections(h.name, items, h.at, end, h.subs);
  });
  const byName = (name: string) => sections[headings.findIndex((h) => h.name === name)];
  const actions = tocActions.map((e) => byName(e.name));
  const dataTypes = tocTypes.map((e) => byName(e.name));
  for (const [list, entries] of [
    [actions, tocActions],
    [dataTypes, tocTypes],
  ] as const) {
    list.forEach((section, k) => {
      checkSubsections(section, entries[k], file);
    });
  }
  return {
    title: pages.title,
    version: pages.version,
    welcome: byName("Welcome"),
    actions,
    dataTypes,
    commonErrors: byName("Common Errors"),
  };
}

function lastLine(item: Item): Line {
  return item.kind === "text" ? item.line : (item.lines[item.lines.length - 1] ?? item.line);
}

function findHeading(items: Item[], name: string, from: number): number {
  for (let i = from; i < items.length; i++) {
    const it = items[i];
    if (it.kind === "text" && it.line.text === name) return i;
  }
  return -1;
}

/** "Name<TAB>page" lines between "Table of Contents" and the first section. */
function readToc(items: Item[], file: string): TocEntry[] {
  const start = items.findIndex((it) => it.kind === "text" && it.line.text === "Table of Contents");
  if (start < 0) throw new TranscribeError({ file, line: 1 }, 'no "Table of Contents"');
  const entries: TocEntry[] = [];
  const subsectionNames = new Set([...ACTION_SUBSECTIONS, ...TYPE_SUBSECTIONS]);
  for (let i = start + 1; i < items.length; i++) {
    const it = items[i];
    if (it.kind !== "text") break;
    if (it.line.text === "") continue;
    const m = /^(.+?)\t(\d+)$/.exec(it.line.text);
    if (!m) break;
    if (subsectionNames.has(m[1])) {
      const parent = entries[entries.length - 1];
      if (!parent) {
        throw new TranscribeError({ file, line: it.line.n }, `"${m[1]}" before any section`);
      }
      parent.children.push(m[1]);
    } else entries.push({ name: m[1], line: it.line, children: [] });
  }
  return entries;
}

/** The "- [Name](#) (p. N)" list after a heading, up to the next section heading. */
function bulletList(items: Item[], from: number, file: string, what: string): Line[] {
  const out: Line[] = [];
  for (let i = from; i < items.length; i++) {
    const it = items[i];
    if (it.kind !== "text") break;
    const m = /^- (.+)$/.exec(it.line.text);
    if (m) out.push({ n: it.line.n, text: cleanInline(m[1]) });
    else if (out.length > 0 && it.line.text !== "") break;
  }
  if (out.length === 0) {
    throw new TranscribeError(
      { file, line: items[from - 1] ? lastLine(items[from - 1]).n : 1 },
      `"${what}" lists no entries`,
    );
  }
  return out;
}

function checkSameNames(list: Line[], toc: TocEntry[], file: string, what: string): void {
  const inToc = toc.map((e) => e.name);
  for (const l of list) {
    if (!inToc.includes(l.text)) {
      throw new TranscribeError(
        { file, line: l.n },
        `${what} "${l.text}" is not in the table of contents`,
      );
    }
  }
  for (const e of toc) {
    if (!list.some((l) => l.text === e.name)) {
      throw new TranscribeError(
        { file, line: e.line.n },
        `${what} "${e.name}" is in the table of contents but not in the list`,
      );
    }
  }
}

function splitSubsections(
  name: string,
  items: Item[],
  at: number,
  end: number,
  subs: string[],
): Section {
  const heading = (items[at] as { line: Line }).line;
  const section: Section = { name, heading, intro: [], subsections: new Map() };
  let current: Item[] = section.intro;
  for (let i = at + 1; i < end; i++) {
    const it = items[i];
    if (
      it.kind === "text" &&
      subs.includes(it.line.text) &&
      !section.subsections.has(it.line.text)
    ) {
      const sub: Subsection = { heading: it.line, items: [] };
      section.subsections.set(it.line.text, sub);
      current = sub.items;
    } else current.push(it);
  }
  return section;
}

/** Every subsection the table of contents lists for a section must be there. */
function checkSubsections(section: Section, entry: TocEntry, file: string): void {
  for (const sub of entry.children) {
    if (!section.subsections.has(sub)) {
      throw new TranscribeError(
        { file, line: section.heading.n },
        `section "${section.name}" has no "${sub}" subsection, which the table of contents lists (truncated text?)`,
      );
    }
  }
}
