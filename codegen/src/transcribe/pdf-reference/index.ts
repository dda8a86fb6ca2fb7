import type { AstShape, Traits } from "../../model/ast.js";
import { type TranscribedService, TranscribeError } from "../transcribed.js";
import { vocabulary } from "./json-repair.js";
import { parseBlocks } from "./members.js";
import { errorBlocks, errorShape, operation, type ProtocolFacts, textLines } from "./operations.js";
import { type Item, readPages } from "./pages.js";
import { REQUEST_LINE } from "./samples.js";
import { outline } from "./sections.js";
import { ShapeTable } from "./shapes.js";
import { documentation } from "./text.js";

export { TranscribeError } from "../transcribed.js";

/**
 * Transcribes an API reference extracted from its PDF (page headers, "(p. N)" references,
 * wrapped lines, code blocks cut at page breaks) into the doc-derived part of a Smithy model.
 *
 * Stages: page cleanup (pages.ts) -> section splitter (sections.ts) -> member blocks
 * (members.ts) -> type mapping (types.ts, shapes.ts) -> samples and JSON repair (samples.ts,
 * json-repair.ts) -> assembly (operations.ts, here). Throws TranscribeError (file:line) on a
 * page in no known shape, a truncated section, or a type referenced and nowhere defined.
 */
export function transcribePdfReference(
  text: string,
  file: string,
  namespace: string,
): TranscribedService {
  const pages = readPages(text, file);
  const doc = outline(pages);
  const shortName = doc.title.replace(/^(Amazon|AWS)\s+/, "").replace(/\s+/g, "");
  const table = new ShapeTable(namespace, file, new Set(doc.dataTypes.map((s) => s.name)));

  // Data types first: their member names give the generated enums and lists their names.
  const typeIds: string[] = [];
  for (const section of doc.dataTypes) {
    const contents = section.subsections.get("Contents")!;
    const blocks = parseBlocks(contents.items, { file, what: "member", requiredField: "Type" });
    const docs = documentation(textLines(section.intro));
    typeIds.push(table.structure(section.name, blocks, docs, section.heading.n, section.name));
  }

  const facts = {
    shortName,
    requestLine: commonRequestLine(
      doc.actions.flatMap((a) => a.subsections.get("Sample Request")?.items ?? []),
      file,
    ),
    vocab: vocabulary(text),
  };
  const protocol: ProtocolFacts = {};
  const operationIds = doc.actions.map((section) => operation(table, section, facts, protocol));

  const commonIds = errorBlocks(doc.commonErrors.intro, file).map((b) => errorShape(table, b));

  const mixinTraits: Traits = { "smithy.api#mixin": {} };
  const welcome = documentation(textLines(doc.welcome.intro));
  if (welcome) mixinTraits["smithy.api#documentation"] = welcome;
  const mixin: AstShape = {
    type: "service",
    version: doc.version,
    operations: operationIds.map((target) => ({ target })),
    errors: commonIds.map((target) => ({ target })),
    traits: mixinTraits,
  };
  const mixinId = table.id(`${shortName}Api`);
  if (table.get(mixinId))
    throw new TranscribeError(
      { file, line: doc.welcome.heading.n },
      `${mixinId} clashes with a documented shape`,
    );

  return {
    namespace,
    shapes: ordered(table, mixinId, mixin, operationIds, typeIds),
    sources: { [mixinId]: { file, line: doc.welcome.heading.n }, ...table.sources },
    repairs: [...table.repairs].sort((a, b) => a.line - b.line),
  };
}

/** Service mixin, then each operation with its input and output, data types, errors, helpers. */
function ordered(
  table: ShapeTable,
  mixinId: string,
  mixin: AstShape,
  operationIds: string[],
  typeIds: string[],
): Record<string, AstShape> {
  const out: Record<string, AstShape> = { [mixinId]: mixin };
  for (const id of operationIds) {
    const op = table.shapes[id];
    out[id] = op;
    for (const ref of [op.input, op.output]) if (ref) out[ref.target] = table.shapes[ref.target];
  }
  for (const id of typeIds) out[id] = table.shapes[id];
  for (const [id, shape] of Object.entries(table.shapes)) if (!out[id]) out[id] = shape;
  for (const [id, shape] of Object.entries(table.helpers)) out[id] = shape;
  return out;
}

/** The request line most samples print. */
function commonRequestLine(items: Item[], file: string): string {
  const counts = new Map<string, number>();
  for (const it of items) {
    if (it.kind !== "code") continue;
    for (const l of it.lines)
      if (REQUEST_LINE.test(l.text)) counts.set(l.text, (counts.get(l.text) ?? 0) + 1);
  }
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  if (!best)
    throw new TranscribeError({ file, line: 1 }, "no sample request prints a request line");
  return best[0];
}
