import type { Repair } from "../transcribed.js";
import type { PageLine } from "./page-lines.js";

/** Words the page glued to an inline code name it printed without a space: "theCreateSubscriber". */
const GLUED_CODE =
  /\b(the|a|an|by|of|to|for|in|on|with|and|or)([A-Z][a-z0-9]+(?:[A-Z][A-Za-z0-9]*)+)\b/g;

/**
 * Documentation text from a page's lines. A line that ends a sentence ends a paragraph; any other
 * line break is the page's rendering of inline code ("To find the" / "detectorId" / "in the ...")
 * and becomes a space.
 */
export function docText(
  lines: PageLine[],
  subject: string,
  file: string,
  repairs: Repair[],
): string {
  let out = "";
  lines.forEach((l, i) => {
    let text = l.text;
    const glued = text.replace(GLUED_CODE, "$1 $2");
    if (glued !== text) {
      repairs.push({
        file,
        line: l.line,
        subject,
        printed: text,
        used: glued,
        why: "the page runs a word into the inline code name that follows it",
      });
      text = glued;
    }
    if (i === 0) out = text;
    else out += /[.!?:]$/.test(lines[i - 1].text) ? `\n\n${text}` : ` ${text}`;
  });
  return out;
}
