import { TranscribeError } from "../transcribed.js";
import type { JsonRepair } from "./json-repair.js";
import type { CodeItem, Line } from "./pages.js";

/**
 * Sample parser: splits a documented HTTP exchange ("Sample Request" / "Sample Response" code
 * block) into its start line, headers and JSON body. The extraction wraps long header lines and
 * sometimes prints the wrapped tail elsewhere in the block; such tails are recorded, not lost.
 */

export interface Header {
  name: string;
  value: string;
  line: Line;
}

export interface HttpSample {
  block: CodeItem;
  /** "POST / HTTP/1.1" or "HTTP/1.1 200 OK", when printed. */
  startLine: Line | undefined;
  headers: Header[];
  /** Body lines (from the first line opening a JSON value), with page breaks relative to them. */
  body: { lines: Line[]; breaks: number[] } | undefined;
  repairs: JsonRepair[];
  /**
   * Lines of the head that are neither a start line nor a header: wrapped tails of a header value
   * that the extraction printed away from their header. The headers a caller keeps must be
   * checked complete on their own.
   */
  stray: Line[];
}

export const REQUEST_LINE = /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) (\S+) HTTP\/\d\.\d$/;
export const STATUS_LINE = /^HTTP\/\d\.\d (\d{3})(?: .*)?$/;
const HEADER = /^([A-Za-z][A-Za-z0-9-]*): ?(.*)$/;

export function parseSample(
  block: CodeItem,
  kind: "request" | "response",
  file: string,
): HttpSample {
  const bodyAt = block.lines.findIndex((l) => /^\s*[{[]/.test(l.text));
  const head = bodyAt < 0 ? block.lines : block.lines.slice(0, bodyAt);
  const sample: HttpSample = {
    block,
    startLine: undefined,
    headers: [],
    body: undefined,
    repairs: [],
    stray: [],
  };
  const start = kind === "request" ? REQUEST_LINE : STATUS_LINE;
  let previous: Header | undefined;
  for (const line of head) {
    if (line.text.trim() === "") {
      previous = undefined;
      continue;
    }
    if (start.test(line.text)) {
      if (sample.startLine) {
        throw new TranscribeError({ file, line: line.n }, `second ${kind} line in one sample`);
      }
      sample.startLine = line;
      previous = undefined;
      continue;
    }
    const header = HEADER.exec(line.text);
    if (header) {
      previous = { name: header[1], value: header[2], line };
      sample.headers.push(previous);
      continue;
    }
    if (previous) {
      // The layout wrapped a long header line: the tail continues the value.
      const printed = `${previous.name}: ${previous.value}⏎${line.text}`;
      previous.value += line.text.trim();
      sample.repairs.push({
        line: line.n,
        printed,
        used: `${previous.name}: ${previous.value}`,
        why: "a header line wrapped by the page layout is one header",
      });
      continue;
    }
    sample.stray.push(line);
  }
  if (bodyAt >= 0) {
    sample.body = {
      lines: block.lines.slice(bodyAt),
      breaks: block.breaks.filter((b) => b > bodyAt).map((b) => b - bodyAt),
    };
  }
  return sample;
}

export function header(sample: HttpSample, name: string): Header | undefined {
  return sample.headers.find((h) => h.name.toLowerCase() === name.toLowerCase());
}
