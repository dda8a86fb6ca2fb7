import { TranscribeError } from "../transcribed.js";

/**
 * Page cleanup: turns the PDF-extracted text into a flat list of text lines and code blocks,
 * with the running page headers removed and code blocks that a page break cut in two joined
 * again (remembering where the break was, since the extraction often damaged the code there).
 */

/** One line of the docs file: 1-based number and text without trailing whitespace. */
export interface Line {
  n: number;
  text: string;
}

export interface TextItem {
  kind: "text";
  line: Line;
}

export interface CodeItem {
  kind: "code";
  /** Line of the opening fence. */
  line: Line;
  lines: Line[];
  /** Indices into `lines` of the first line after each page break inside the block. */
  breaks: number[];
}

export type Item = TextItem | CodeItem;

export interface Pages {
  file: string;
  /** Title printed on the cover, e.g. "Amazon Inspector". */
  title: string;
  /** "API Version 2016-02-16" on the cover. */
  version: string;
  items: Item[];
}

const FENCE = /^```\s*$/;

export function splitLines(text: string): Line[] {
  return text.split(/\r?\n/).map((t, i) => ({ n: i + 1, text: t.replace(/\s+$/, "") }));
}

/** Reads the cover ("<Title>", "API Reference", "API Version YYYY-MM-DD") and cleans the pages. */
export function readPages(text: string, file: string): Pages {
  const lines = splitLines(text);
  const cover = lines.filter((l) => l.text !== "").slice(0, 3);
  const versionMatch = /^API Version (\d{4}-\d{2}-\d{2})$/.exec(cover[2]?.text ?? "");
  if (cover.length < 3 || cover[1].text !== "API Reference" || !versionMatch) {
    throw new TranscribeError(
      { file, line: cover[0]?.n ?? 1 },
      'not a PDF-extracted API reference: expected a cover of "<Title>", "API Reference", "API Version YYYY-MM-DD"',
    );
  }
  const title = cover[0].text;
  const header = `${title} API Reference`;
  return { file, title, version: versionMatch[1], items: joinBrokenBlocks(lines, header, file) };
}

/** True for a running page header: "<Title> API Reference" optionally followed by one word. */
function isHeader(text: string, header: string): boolean {
  return (
    text === header ||
    (text.startsWith(`${header} `) && /^\S+$/.test(text.slice(header.length + 1)))
  );
}

function nextNonBlank(lines: Line[], from: number): number {
  let i = from;
  while (i < lines.length && lines[i].text === "") i++;
  return i;
}

function joinBrokenBlocks(lines: Line[], header: string, file: string): Item[] {
  const items: Item[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (isHeader(line.text, header)) {
      i = skipHeader(lines, i, header, false);
      continue;
    }
    if (!FENCE.test(line.text)) {
      items.push({ kind: "text", line });
      i++;
      continue;
    }
    const block: CodeItem = { kind: "code", line, lines: [], breaks: [] };
    i++;
    for (;;) {
      while (i < lines.length && !FENCE.test(lines[i].text)) block.lines.push(lines[i++]);
      if (i >= lines.length) {
        throw new TranscribeError({ file, line: line.n }, "code block is never closed (truncated)");
      }
      // A page break between two fences: closing fence, blanks and page headers, opening fence.
      let j = i + 1;
      for (;;) {
        j = nextNonBlank(lines, j);
        if (j < lines.length && isHeader(lines[j].text, header))
          j = skipHeader(lines, j, header, true);
        else break;
      }
      if (j < lines.length && FENCE.test(lines[j].text)) {
        block.breaks.push(block.lines.length);
        i = j + 1;
        continue;
      }
      i++;
      break;
    }
    items.push(block);
  }
  return items;
}

/**
 * Skips a page header. The extraction sometimes prints it as "<Title> API Reference", a blank
 * line, then the section word on a line of its own. Between two halves of a code block (after a
 * closing fence, before an opening one) that word is header debris too, not a heading.
 */
function skipHeader(lines: Line[], i: number, header: string, betweenFences: boolean): number {
  if (lines[i].text !== header || !betweenFences) return i + 1;
  const word = nextNonBlank(lines, i + 1);
  if (word < lines.length && /^\S+$/.test(lines[word].text)) {
    const after = nextNonBlank(lines, word + 1);
    if (after < lines.length && FENCE.test(lines[after].text)) return word + 1;
  }
  return i + 1;
}
