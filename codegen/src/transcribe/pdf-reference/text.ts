/**
 * Prose cleanup: removes the PDF's cross-reference debris from a line of text and joins the
 * lines of a paragraph that the page layout wrapped.
 */

const PAGE_REF = /\s*\\?\(p\. \d+\\?\)/g;
/** `[Text](#)`: an intra-document link; the target is gone, the text stays. */
const LOCAL_LINK = /\[([^\]]*)\]\(#\)/g;

/** Removes "(p. N)" page references and local link syntax; keeps links with real targets. */
export function cleanInline(text: string): string {
  return text
    .replace(LOCAL_LINK, "$1")
    .replace(PAGE_REF, "")
    .replace(/[ \t]+/g, " ")
    .trim();
}

/**
 * Joins wrapped lines into paragraphs (a blank line separates paragraphs). A line ending in a
 * hyphen after a letter joins the next without a space (the layout split a hyphenated word).
 */
export function paragraphs(lines: string[]): string[] {
  const out: string[] = [];
  let current = "";
  for (const raw of lines) {
    const text = cleanInline(raw);
    if (text === "") {
      if (current) out.push(current);
      current = "";
      continue;
    }
    if (current === "") current = text;
    else if (/[A-Za-z]-$/.test(current)) current += text;
    else current += ` ${text}`;
  }
  if (current) out.push(current);
  return out;
}

/** Documentation text: paragraphs separated by a blank line, as CommonMark. */
export function documentation(lines: string[]): string | undefined {
  const text = paragraphs(lines).join("\n\n");
  return text === "" ? undefined : text;
}

/** A member, type or error name as printed in a heading: `name (p. 4)` or `[name \(p. 4\)](#)`. */
export function headingName(text: string): string | undefined {
  const name = cleanInline(text);
  return /^[A-Za-z][A-Za-z0-9_-]*$/.test(name) ? name : undefined;
}
