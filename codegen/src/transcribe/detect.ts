import { TranscribeError } from "./transcribed.js";

/** The page formats the transcriber reads (see shared/aws-docs/README.md). */
export type DocFormat = "pdf-reference" | "web-new" | "web-old";

/**
 * Which format a docs file is in, from the marks each format leaves: the PDF reference opens with
 * a title page and a table of contents; web pages hold an action's "Request Syntax" section, the
 * old look with its request on one line ("POST /x HTTP/1.1 Content-type: ..."), the new look
 * with its entries as "- name" then "-".
 */
export function detectFormat(text: string, file: string): DocFormat {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const head = lines.slice(0, 40);
  if (
    head.includes("API Reference") &&
    head.some((l) => /^API Version \d{4}-\d{2}-\d{2}$/.test(l)) &&
    head.includes("Table of Contents")
  ) {
    return "pdf-reference";
  }
  const syntax = lines.indexOf("Request Syntax");
  if (syntax >= 0) {
    const request = lines.slice(syntax + 1).find((l) => l !== "");
    if (request !== undefined && /^[A-Z]+ \/\S* HTTP\/1\.1 \S/.test(request)) return "web-old";
    const entries = lines.some((l, i) => /^- \S+$/.test(l) && lines[i + 1] === "-");
    if (/^[A-Z]+ \/\S*/.test(request ?? "") && entries) return "web-new";
  }
  const first = lines.findIndex((l) => l !== "");
  throw new TranscribeError(
    { file, line: first < 0 ? 1 : first + 1 },
    "no known format: expected the PDF API reference (title page and table of contents) or an " +
      'AWS API reference web page (a "Request Syntax" section with an HTTP request line)',
  );
}
