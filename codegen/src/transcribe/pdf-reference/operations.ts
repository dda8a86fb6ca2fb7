import type { AstShape, NodeValue, Traits } from "../../model/ast.js";
import { exampleSource, TranscribeError } from "../transcribed.js";
import { repairJson, type Vocabulary } from "./json-repair.js";
import { type Block, parseBlocks } from "./members.js";
import type { CodeItem, Item, Line } from "./pages.js";
import { header, parseSample, REQUEST_LINE, STATUS_LINE } from "./samples.js";
import type { Section } from "./sections.js";
import type { ShapeTable } from "./shapes.js";
import { documentation } from "./text.js";

/**
 * Assembly of one action: the operation shape, its <Op>Request / <Op>Response structures, its
 * errors, pagination, and the documented sample exchange as examples and protocol tests.
 */

export interface ServiceFacts {
  /** Prefix of test ids, e.g. "Inspector". */
  shortName: string;
  /** The request line most samples print ("POST / HTTP/1.1"), for a sample that lost its own. */
  requestLine: string;
  vocab: Vocabulary;
}

/** What the samples of all operations must agree on. */
export interface ProtocolFacts {
  targetPrefix?: string;
  contentType?: string;
}

/** The headers of a sample that the protocol tests keep. */
const KEPT_HEADERS = ["X-Amz-Target", "Content-Type"];

const PROTOCOLS: Record<string, string> = {
  "application/x-amz-json-1.1": "aws.protocols#awsJson1_1",
  "application/x-amz-json-1.0": "aws.protocols#awsJson1_0",
};

export function textLines(items: Item[]): string[] {
  return items
    .filter((it) => it.kind === "text")
    .map((it) => (it.kind === "text" ? it.line.text : ""));
}

export function errorBlocks(items: Item[], file: string): Block[] {
  return parseBlocks(items, { file, what: "error", requiredField: "HTTP Status Code" });
}

/** The error structure, shared by every operation that lists it; statuses must agree. */
export function errorShape(table: ShapeTable, b: Block): string {
  const status = b.fields.get("HTTP Status Code")!;
  const code = Number(status.value);
  if (!/^\d{3}$/.test(status.value)) {
    throw new TranscribeError(
      { file: table.file, line: status.line.n },
      `HTTP Status Code "${status.value}" is not a status`,
    );
  }
  const id = table.id(b.name);
  const existing = table.get(id);
  if (existing) {
    const known = existing.traits?.["smithy.api#httpError"];
    if (known !== code) {
      throw new TranscribeError(
        { file: table.file, line: status.line.n },
        `${b.name} is documented with HTTP status ${code} here and ${String(known)} elsewhere`,
      );
    }
    return id;
  }
  const traits: Traits = {
    "smithy.api#error": code >= 500 ? "server" : "client",
    "smithy.api#httpError": code,
  };
  if (b.documentation) traits["smithy.api#documentation"] = b.documentation;
  return table.add(b.name, { type: "structure", members: {}, traits }, b.line.n);
}

export function operation(
  table: ShapeTable,
  section: Section,
  facts: ServiceFacts,
  protocol: ProtocolFacts,
): string {
  const { file } = table;
  const name = section.name;
  const opLine = section.heading.n;
  const op: AstShape = { type: "operation" };
  const traits: Traits = {};
  const docs = documentation(textLines(section.intro));
  if (docs) traits["smithy.api#documentation"] = docs;
  const opId = table.add(name, op, opLine);

  const params = section.subsections.get("Request Parameters");
  if (params) {
    const blocks = parseBlocks(params.items, { file, what: "member", requiredField: "Type" });
    op.input = { target: table.structure(`${name}Request`, blocks, undefined, params.heading.n) };
  }
  const elements = section.subsections.get("Response Elements");
  if (!elements)
    throw new TranscribeError({ file, line: opLine }, `${name} has no "Response Elements"`);
  const outBlocks = parseBlocks(elements.items, { file, what: "member", requiredField: "Type" });
  const emptyBody = /empty HTTP body/.test(textLines(elements.items).join(" "));
  if (outBlocks.length > 0) {
    op.output = {
      target: table.structure(`${name}Response`, outBlocks, undefined, elements.heading.n),
    };
  } else if (!emptyBody) {
    throw new TranscribeError(
      { file, line: elements.heading.n },
      `${name} documents no response elements and no empty body`,
    );
  }

  const errors = section.subsections.get("Errors")!;
  const errorIds = errorBlocks(errors.items, file).map((b) => errorShape(table, b));
  if (errorIds.length > 0) op.errors = errorIds.map((target) => ({ target }));

  const paginated = pagination(table, op);
  if (paginated) traits["smithy.api#paginated"] = paginated;

  const samples = sampleTraits(table, section, op, facts, protocol);
  Object.assign(traits, samples);
  if (Object.keys(traits).length > 0) op.traits = traits;
  return opId;
}

/** nextToken in and out with maxResults in: a paginated list of the output's one list member. */
function pagination(table: ShapeTable, op: AstShape): NodeValue | undefined {
  const input = op.input && table.get(op.input.target);
  const output = op.output && table.get(op.output.target);
  if (!input?.members?.nextToken || !input.members.maxResults || !output?.members?.nextToken)
    return undefined;
  const lists = Object.entries(output.members).filter(
    ([, m]) => table.get(m.target)?.type === "list",
  );
  const trait: Record<string, NodeValue> = {
    inputToken: "nextToken",
    outputToken: "nextToken",
    pageSize: "maxResults",
  };
  if (lists.length === 1) trait.items = lists[0][0];
  return trait;
}

function codeBlock(section: Section, heading: string, file: string): CodeItem {
  const sub = section.subsections.get(heading);
  if (!sub)
    throw new TranscribeError(
      { file, line: section.heading.n },
      `${section.name} has no "${heading}"`,
    );
  const blocks = sub.items.filter((it): it is CodeItem => it.kind === "code");
  if (blocks.length !== 1) {
    throw new TranscribeError(
      { file, line: sub.heading.n },
      `"${heading}" of ${section.name} has ${blocks.length} code blocks, not 1`,
    );
  }
  return blocks[0];
}

function sampleTraits(
  table: ShapeTable,
  section: Section,
  op: AstShape,
  facts: ServiceFacts,
  protocol: ProtocolFacts,
): Traits {
  const { file } = table;
  const name = section.name;
  const subject = table.id(name);
  const request = parseSample(codeBlock(section, "Sample Request", file), "request", file);
  const response = parseSample(codeBlock(section, "Sample Response", file), "response", file);
  // Only repairs of what the model keeps: the other headers (Host, User-Agent, ...) are not in it.
  // Stray header tails (request.stray) cannot belong to a kept header: X-Amz-Target is checked to
  // name this action and Content-Type to name a known protocol below.
  for (const r of [...request.repairs, ...response.repairs]) {
    if (KEPT_HEADERS.some((h) => r.used.toLowerCase().startsWith(`${h.toLowerCase()}:`))) {
      table.repair(r.line, `${subject} example`, r.printed, r.used, r.why);
    }
  }

  let requestLine = request.startLine?.text;
  if (!requestLine) {
    requestLine = facts.requestLine;
    table.repair(
      request.block.line.n,
      `${subject} example`,
      `(no request line)⏎${request.block.lines.find((l) => l.text.trim() !== "")?.text ?? ""}`,
      `${requestLine}⏎${request.block.lines.find((l) => l.text.trim() !== "")?.text ?? ""}`,
      "the sample request prints no request line; every other sample's is this one",
    );
  }
  const [, method, uri] = REQUEST_LINE.exec(requestLine)!;

  const target = header(request, "X-Amz-Target");
  const contentType = header(request, "Content-Type");
  const where = request.block.line.n;
  if (!target || !contentType) {
    throw new TranscribeError(
      { file, line: where },
      `sample request of ${name} lacks X-Amz-Target or Content-Type`,
    );
  }
  const [prefix, action] = target.value.split(".");
  if (action !== name) {
    throw new TranscribeError(
      { file, line: target.line.n },
      `X-Amz-Target "${target.value}" does not name ${name}`,
    );
  }
  protocol.targetPrefix ??= prefix;
  protocol.contentType ??= contentType.value;
  if (prefix !== protocol.targetPrefix || contentType.value !== protocol.contentType) {
    throw new TranscribeError(
      { file, line: target.line.n },
      `samples disagree on the target prefix or content type`,
    );
  }
  const protocolId = PROTOCOLS[contentType.value];
  if (!protocolId) {
    throw new TranscribeError(
      { file, line: contentType.line.n },
      `unknown protocol content type "${contentType.value}"`,
    );
  }

  const input = jsonBody(table, request.body, op.input?.target, subject, facts.vocab);
  if (input === undefined)
    throw new TranscribeError({ file, line: where }, `sample request of ${name} has no JSON body`);
  if (!op.input && !isEmptyObject(input)) {
    throw new TranscribeError(
      { file, line: where },
      `sample request of ${name} sends members the action does not document`,
    );
  }
  const status = response.startLine && STATUS_LINE.exec(response.startLine.text);
  if (!status)
    throw new TranscribeError(
      { file, line: response.block.line.n },
      `sample response of ${name} has no status line`,
    );
  const output = jsonBody(table, response.body, op.output?.target, subject, facts.vocab);
  const responseType = header(response, "Content-Type");

  const title = "Example";
  table.sources[exampleSource(subject, title, "input")] = { file, line: request.block.line.n };
  table.sources[exampleSource(subject, title, "output")] = { file, line: response.block.line.n };
  const example: Record<string, NodeValue> = {
    title,
    documentation: "The sample request and response of the API Reference.",
  };
  if (op.input) example.input = input;
  if (op.output) example.output = output ?? {};
  const id = `${facts.shortName}_${name}_Sample`;
  const requestTest: Record<string, NodeValue> = {
    id,
    protocol: protocolId,
    method,
    uri,
    headers: { "X-Amz-Target": target.value, "Content-Type": contentType.value },
    body: JSON.stringify(input),
    bodyMediaType: "application/json",
    params: input,
  };
  const responseTest: Record<string, NodeValue> = {
    id,
    protocol: protocolId,
    code: Number(status[1]),
    ...(responseType ? { headers: { "Content-Type": responseType.value } } : {}),
    body: output === undefined ? "" : JSON.stringify(output),
    ...(output === undefined ? {} : { bodyMediaType: "application/json" }),
    params: output ?? {},
  };
  return {
    "smithy.api#examples": [example],
    "smithy.test#httpRequestTests": [requestTest],
    "smithy.test#httpResponseTests": [responseTest],
  };
}

function isEmptyObject(v: NodeValue): boolean {
  return typeof v === "object" && v !== null && !Array.isArray(v) && Object.keys(v).length === 0;
}

function jsonBody(
  table: ShapeTable,
  body: { lines: Line[]; breaks: number[] } | undefined,
  target: string | undefined,
  subject: string,
  vocab: Vocabulary,
): NodeValue | undefined {
  if (!body) return undefined;
  const { file } = table;
  const fits = (v: NodeValue) => (target ? table.conforms(v, target) : isEmptyObject(v));
  let repaired: ReturnType<typeof repairJson>;
  try {
    repaired = repairJson(body.lines, body.breaks, vocab, file, fits);
  } catch (e) {
    if (!(e instanceof TranscribeError)) throw e;
    // No repair fits the documented shapes: the sample itself disagrees with the docs; keep the
    // first repair that is valid JSON and let the errata say where it disagrees.
    repaired = repairJson(body.lines, body.breaks, vocab, file);
  }
  for (const r of repaired.repairs)
    table.repair(r.line, `${subject} example`, r.printed, r.used, r.why);
  return repaired.value;
}
