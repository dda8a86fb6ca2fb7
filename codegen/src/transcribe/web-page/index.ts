import type { AstShape } from "../../model/ast.js";
import type { TranscribedService } from "../transcribed.js";
import { ShapeSet } from "./build-shapes.js";
import { buildOperation } from "./operation.js";
import { readActionPage } from "./read-page.js";
import { attachSyntaxExamples } from "./syntax-examples.js";

export interface WebPageResult {
  /** The page's operation, its input/output, errors and the types its skeletons sketch. */
  service: TranscribedService;
  operation: string;
  /** The API version, where the page prints it. */
  version?: { value: string; file: string; line: number };
}

/**
 * Transcribes one action page of an AWS API reference web site (new look or old look: the same
 * sections, differently laid out) into shapes. The result has no service shape: composing the
 * pages of a service adds the `<Svc>Api` mixin.
 */
export function transcribeWebPage(
  text: string,
  file: string,
  namespace: string,
  look: "web-new" | "web-old",
): WebPageResult {
  const page = readActionPage(text, file, look);
  const set = new ShapeSet(namespace, file);
  const operation = buildOperation(set, page);
  if (page.request.brokenStrings.length || page.response.brokenStrings.length) {
    const lines = [...page.request.brokenStrings, ...page.response.brokenStrings].map(
      (b) => b.line,
    );
    set.repair(
      lines[0],
      operation,
      `"string⏎" (placeholders broken over two lines, at lines ${lines.join(", ")})`,
      '"string"',
      "the new-look page text puts a line break inside every quoted placeholder",
    );
  }
  attachSyntaxExamples(set, page, operation);
  // Docs order: the operation, its input and output, the types they use, then its errors.
  const op = set.shapes[operation];
  const errors = new Set((op.errors ?? []).map((e) => e.target));
  const first = [operation, op.input!.target, op.output!.target];
  const shapes: Record<string, AstShape> = {};
  for (const id of first) shapes[id] = set.shapes[id];
  for (const [id, shape] of Object.entries(set.shapes)) {
    if (!errors.has(id) && !(id in shapes)) shapes[id] = shape;
  }
  for (const id of errors) shapes[id] = set.shapes[id];
  const result: WebPageResult = {
    service: { namespace, shapes, sources: set.sources, repairs: sortRepairs(set.repairs) },
    operation,
  };
  if (page.version) result.version = { value: page.version.value, file, line: page.version.line };
  return result;
}

function sortRepairs<T extends { line: number }>(repairs: T[]): T[] {
  return repairs
    .map((r, i) => ({ r, i }))
    .sort((a, b) => a.r.line - b.r.line || a.i - b.i)
    .map(({ r }) => r);
}
