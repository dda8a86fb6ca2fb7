import type { NodeValue } from "../../model/ast.js";
import type { OperationView, ServiceView } from "../service-view.js";
import { EmitError, trait } from "../service-view.js";

/** A request as the docs print it: one `smithy.test#httpRequestTests` case. */
export interface DocumentedRequest {
  id: string;
  method: string;
  uri: string;
  queryParams?: string[];
  headers: Record<string, string>;
  body?: string;
  params: NodeValue;
}

/** A response as the docs print it: one `smithy.test#httpResponseTests` case. */
export interface DocumentedResponse {
  id: string;
  code: number;
  headers: Record<string, string>;
  body?: string;
  params: NodeValue;
}

/** `metadata docsmithErrata` entry: a documented example that breaks the docs' own constraints. */
export interface Erratum {
  id: string;
  /** Absolute operation shape id. */
  operation: string;
  /** The example's title. */
  example: string;
  /** JSON Pointer into the example: `/input/...` or `/output/...`. */
  path: string;
  note: string;
}

/** One documented example of an operation, with the HTTP exchange the docs print for it. */
export interface DocumentedExample {
  title: string;
  input: NodeValue;
  /** The documented output; undefined for an example documenting an error. */
  output?: NodeValue;
  /** An example documenting an error: the error shape and its members. */
  error?: { shapeId: string; content: NodeValue };
  request?: DocumentedRequest;
  response?: DocumentedResponse;
  /** Set when the example breaks the docs' constraints (kept out of @examples by the transcriber). */
  erratum?: Erratum;
}

interface ExampleTrait {
  title: string;
  input?: NodeValue;
  output?: NodeValue;
  error?: { shapeId: string; content?: NodeValue };
}

/** The model's `metadata docsmithErrata`; entries that are not objects with the fields are ignored. */
export function errataOf(view: ServiceView): Erratum[] {
  const list = view.model.metadata?.docsmithErrata;
  if (!Array.isArray(list)) return [];
  const out: Erratum[] = [];
  for (const e of list) {
    if (e === null || typeof e !== "object" || Array.isArray(e)) continue;
    const { id, operation, example, path, note } = e as Record<string, NodeValue>;
    if (typeof id !== "string" || typeof operation !== "string") continue;
    if (typeof example !== "string" || typeof path !== "string") continue;
    out.push({ id, operation, example, path, note: typeof note === "string" ? note : "" });
  }
  return out;
}

/** A canonical text of a node: object keys sorted, so equal values give equal text. */
function canonical(node: NodeValue | undefined): string {
  const sort = (n: NodeValue): NodeValue => {
    if (Array.isArray(n)) return n.map(sort);
    if (n !== null && typeof n === "object") {
      return Object.fromEntries(
        Object.keys(n)
          .sort()
          .map((k) => [k, sort(n[k]!)]),
      );
    }
    return n;
  };
  return JSON.stringify(sort(node ?? {}));
}

function httpCases<T extends { protocol?: string; appliesTo?: string }>(
  view: ServiceView,
  op: OperationView,
  traitId: string,
): T[] {
  const cases = trait<T[]>(op.shape.traits, traitId) ?? [];
  const protocol = `aws.protocols#${view.protocol}`;
  return cases.filter((c) => c.protocol === undefined || c.protocol === protocol);
}

/** Takes the first unused case whose params equal `node`; undefined when none does. */
function take<T extends { params?: NodeValue }>(
  cases: T[],
  used: Set<T>,
  node: NodeValue | undefined,
): T | undefined {
  const want = canonical(node);
  const found = cases.find((c) => !used.has(c) && canonical(c.params) === want);
  if (found) used.add(found);
  return found;
}

function firstUnused<T>(cases: T[], used: Set<T>): T | undefined {
  const found = cases.find((c) => !used.has(c));
  if (found) used.add(found);
  return found;
}

function request(c: Record<string, unknown>): DocumentedRequest {
  const out: DocumentedRequest = {
    id: String(c.id),
    method: String(c.method),
    uri: String(c.uri),
    headers: (c.headers ?? {}) as Record<string, string>,
    params: (c.params ?? {}) as NodeValue,
  };
  if (Array.isArray(c.queryParams) && c.queryParams.length > 0)
    out.queryParams = c.queryParams as string[];
  if (typeof c.body === "string") out.body = c.body;
  return out;
}

function response(c: Record<string, unknown>): DocumentedResponse {
  const out: DocumentedResponse = {
    id: String(c.id),
    code: Number(c.code),
    headers: (c.headers ?? {}) as Record<string, string>,
    params: (c.params ?? {}) as NodeValue,
  };
  if (typeof c.body === "string") out.body = c.body;
  return out;
}

/**
 * An operation's documented examples: every `smithy.api#examples` entry, paired with the HTTP
 * request and response test cases (of the service's protocol) whose params equal its input and
 * output; then every erratum of the operation naming an example @examples leaves out, made from
 * the request and response cases no example claimed (the transcriber keeps such an example in the
 * HTTP traits only). HTTP cases that belong to no documented example are not examples.
 */
export function documentedExamples(
  view: ServiceView,
  op: OperationView,
  errata: readonly Erratum[] = errataOf(view),
): DocumentedExample[] {
  const requests = httpCases<Record<string, unknown>>(view, op, "smithy.test#httpRequestTests");
  const responses = httpCases<Record<string, unknown>>(view, op, "smithy.test#httpResponseTests");
  const usedRequests = new Set<Record<string, unknown>>();
  const usedResponses = new Set<Record<string, unknown>>();
  const opErrata = errata.filter((e) => e.operation === op.id);
  const examples = trait<ExampleTrait[]>(op.shape.traits, "examples") ?? [];
  const out: DocumentedExample[] = [];
  for (const e of examples) {
    const ex: DocumentedExample = { title: e.title, input: e.input ?? {} };
    const req = take(requests, usedRequests, ex.input);
    if (req) ex.request = request(req);
    if (e.error) {
      ex.error = { shapeId: e.error.shapeId, content: e.error.content ?? {} };
    } else {
      ex.output = e.output ?? {};
      const res = take(responses, usedResponses, ex.output);
      if (res) ex.response = response(res);
    }
    const erratum = opErrata.find((x) => x.example === e.title);
    if (erratum) ex.erratum = erratum;
    out.push(ex);
  }
  for (const erratum of opErrata) {
    if (examples.some((e) => e.title === erratum.example)) continue;
    const req = firstUnused(requests, usedRequests);
    const res = firstUnused(responses, usedResponses);
    if (!req || !res) {
      throw new EmitError(
        `erratum ${erratum.id} names example "${erratum.example}" of ${op.id}, which has neither an @examples entry nor a documented HTTP request and response left for it`,
      );
    }
    out.push({
      title: erratum.example,
      input: (req.params ?? {}) as NodeValue,
      output: (res.params ?? {}) as NodeValue,
      request: request(req),
      response: response(res),
      erratum,
    });
  }
  return out;
}
