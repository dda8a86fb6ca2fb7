import { type OperationView, type ServiceView, trait, UNIT } from "../emit/service-view.js";
import type { NodeValue } from "../model/ast.js";
import { ModelIndex } from "../model/validate/index.js";
import { valueProblems } from "../transcribe/example-errata.js";
import { canonical, fromExampleNode } from "./example-values.js";
import { isPlainObject } from "./values.js";

/** A documented example with an output, from wherever the model keeps it. */
export interface DocumentedExample {
  /** The example's title; for an exchange, the title its erratum names, else its test id. */
  readonly title: string;
  /**
   * `examples`: a `smithy.api#examples` entry. `exchange`: a documented HTTP exchange (a
   * `smithy.test#httpRequestTests` case and its `httpResponseTests` case) that no @examples
   * entry repeats: the transcriber keeps there, and only there, a sample that breaks the docs'
   * constraints (an erratum).
   */
  readonly source: "examples" | "exchange";
  /** For an exchange, the ids of its request and response test cases. */
  readonly ids?: { readonly request: string; readonly response: string };
  readonly input: NodeValue;
  readonly output: NodeValue;
}

export interface DocumentedExamples {
  readonly examples: DocumentedExample[];
  /** Test cases that could not be read as an exchange (a request without its response...). */
  readonly problems: string[];
}

interface ExampleTrait {
  title?: string;
  input?: NodeValue;
  output?: NodeValue;
  error?: NodeValue;
}

interface HttpCase {
  id?: string;
  protocol?: string;
  code?: number;
  params?: NodeValue;
}

interface Erratum {
  operation?: string;
  example?: string;
  path?: string;
}

const REQUESTS = "smithy.test#httpRequestTests";
const RESPONSES = "smithy.test#httpResponseTests";

/**
 * Every documented example of an operation that has an output: its `smithy.api#examples`
 * entries (in order; entries documenting an error are left out), then its documented HTTP
 * exchanges that repeat none of them. A request test and a response test are one exchange when
 * their ids are equal once a `Request`/`Response` word is taken out (the transcriber names them
 * `<Service>_<Operation>_Sample` both, or `<Operation>_RequestSyntax` and
 * `<Operation>_ResponseSyntax`), or when they are the only unpaired request and response of the
 * operation. An exchange whose input and output equal an @examples entry's (timestamps as
 * instants, key order aside) is that example. A response with a status of 300 or more documents
 * an error and is not an example.
 */
export function documentedExamples(view: ServiceView, op: OperationView): DocumentedExamples {
  const examples: DocumentedExample[] = [];
  const problems: string[] = [];
  const documented = trait<ExampleTrait[]>(op.shape.traits, "examples") ?? [];
  for (const [n, e] of documented.entries()) {
    if (e.error !== undefined) continue;
    examples.push({
      title: e.title ?? `#${n + 1}`,
      source: "examples",
      input: e.input ?? {},
      output: e.output ?? {},
    });
  }
  const same = sameness(view, op);
  const titles = new Set(documented.map((e) => e.title));
  for (const exchange of exchanges(view, op, problems)) {
    if (examples.some((e) => same(e, exchange))) continue;
    const title = erratumTitle(view, op, exchange, titles) ?? exchangeName(exchange.ids!);
    examples.push({ ...exchange, title });
  }
  return { examples, problems };
}

/** The operation's request and response test cases (of the service's protocol), paired. */
function exchanges(view: ServiceView, op: OperationView, problems: string[]): DocumentedExample[] {
  const ofProtocol = (traitId: string) =>
    (trait<HttpCase[]>(op.shape.traits, traitId) ?? []).filter(
      (c) =>
        isPlainObject(c) &&
        (c.protocol === undefined || c.protocol === `aws.protocols#${view.protocol}`),
    );
  const requests = ofProtocol(REQUESTS);
  const responses = ofProtocol(RESPONSES);
  const pairs: [HttpCase, HttpCase][] = [];
  const unpaired = new Set(responses);
  const alone: HttpCase[] = [];
  for (const request of requests) {
    const response = [...unpaired].find((r) => pairKey(r.id) === pairKey(request.id));
    if (response) {
      unpaired.delete(response);
      pairs.push([request, response]);
    } else alone.push(request);
  }
  if (alone.length === 1 && unpaired.size === 1) {
    pairs.push([alone.pop()!, [...unpaired][0]!]);
    unpaired.clear();
  }
  for (const c of alone) {
    problems.push(`${op.name}: request test "${c.id}" has no response test; not served`);
  }
  for (const c of unpaired) {
    problems.push(`${op.name}: response test "${c.id}" has no request test; not served`);
  }
  return pairs
    .filter(([, response]) => (response.code ?? 200) < 300)
    .map(([request, response]) => ({
      title: "",
      source: "exchange" as const,
      ids: { request: String(request.id), response: String(response.id) },
      input: request.params ?? {},
      output: response.params ?? {},
    }));
}

/** A test id with its `Request`/`Response` word taken out: equal for the two halves of a pair. */
export function pairKey(id: string | undefined): string {
  return String(id).replace(/(^|_)(Request|Response)(?=[A-Z_]|$)/g, "$1");
}

/** How an exchange is named in notes: its test id (or both, when the two differ). */
export function exchangeName(ids: { request: string; response: string }): string {
  return ids.request === ids.response ? ids.request : `${ids.request} / ${ids.response}`;
}

/** Whether two examples document the same call: equal input and output, as values. */
function sameness(view: ServiceView, op: OperationView) {
  const key = (e: DocumentedExample) =>
    JSON.stringify([
      canonical(fromExampleNode(view, op.input, e.input)) ?? {},
      canonical(fromExampleNode(view, op.output, e.output)) ?? {},
    ]);
  return (a: DocumentedExample, b: DocumentedExample) => key(a) === key(b);
}

/**
 * The title of the erratum that records a value of this exchange: one of the operation's errata
 * naming an example that @examples does not hold, at a path where the exchange's value breaks
 * the model's constraints (the loader's own check, as the transcriber applies it).
 */
function erratumTitle(
  view: ServiceView,
  op: OperationView,
  exchange: DocumentedExample,
  titles: ReadonlySet<string | undefined>,
): string | undefined {
  const list = view.model.metadata?.docsmithErrata;
  const errata = (Array.isArray(list) ? list.filter(isPlainObject) : []) as Erratum[];
  const candidates = errata.filter(
    (e) => e.operation === op.id && typeof e.example === "string" && !titles.has(e.example),
  );
  if (candidates.length === 0) return undefined;
  const index = new ModelIndex(view.model);
  const problems = [
    ...(op.input === UNIT
      ? []
      : valueProblems(view.model, op.input, exchange.input, "/input", index)),
    ...(op.output === UNIT
      ? []
      : valueProblems(view.model, op.output, exchange.output, "/output", index)),
  ];
  return candidates.find((e) => problems.some((p) => p.path === e.path))?.example;
}
