import type { NodeValue } from "../model/ast.js";
import { ModelIndex } from "../model/validate/index.js";
import { valueProblems } from "../transcribe/example-errata.js";
import type { Erratum } from "../transcribe/service-facts.js";
import { canonical, exampleValue } from "./example-values.js";
import { EmitError, type OperationView, type ServiceView, trait, UNIT } from "./service-view.js";

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

/** `metadata docsmithErrata` entry, as the transcriber writes it. */
export type { Erratum };

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

/** A documented HTTP exchange (a request test case and its response test case). */
export interface DocumentedExchange {
  request: DocumentedRequest;
  response: DocumentedResponse;
  /** The erratum whose example this exchange is (an example kept out of @examples). */
  erratum?: Erratum;
}

export interface OperationExamples {
  /** The `smithy.api#examples` entries, in order, each with the HTTP cases that print it. */
  readonly examples: DocumentedExample[];
  /** The exchanges that document no @examples entry, in request order. */
  readonly exchanges: DocumentedExchange[];
  /** Test cases that could not be paired (a request without its response...). */
  readonly problems: string[];
}

interface ExampleTrait {
  title?: string;
  input?: NodeValue;
  output?: NodeValue;
  error?: { shapeId: string; content?: NodeValue };
}

type HttpCase = Record<string, unknown>;

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

/** A test id with its `Request`/`Response` word taken out: equal for the two halves of a pair. */
export function pairKey(id: string | undefined): string {
  return String(id).replace(/(^|_)(Request|Response)(?=[A-Z_]|$)/g, "$1");
}

/** How an exchange is named in notes: its test id (or both, when the two differ). */
export function exchangeName(ids: { request: string; response: string }): string {
  return ids.request === ids.response ? ids.request : `${ids.request} / ${ids.response}`;
}

/**
 * Everything an operation documents by example: its `smithy.api#examples` entries and its
 * documented HTTP exchanges (the request and response test cases of the service's protocol).
 *
 * A request case and a response case are one exchange when their ids are equal once a
 * `Request`/`Response` word is taken out (the transcriber names them `<Service>_<Operation>_Sample`
 * both, or `<Operation>_RequestSyntax` and `<Operation>_ResponseSyntax`); else when their params
 * equal an @examples entry's input and output; else when they are the only unpaired request and
 * response of the operation. Values compare as the generated types hold them (timestamps as
 * instants, key order and null members aside).
 *
 * An @examples entry takes the exchange that prints its input and output (an error example: its
 * input); without one, the first unused request and response cases that print them, each alone.
 * An exchange left over that repeats an @examples entry is dropped; one that is left is an
 * example the transcriber kept out of @examples when an erratum of the operation names a title
 * @examples does not hold and a path where the exchange's values break the model's constraints
 * (the loader's own check, as the transcriber applies it).
 */
export function operationExamples(
  view: ServiceView,
  op: OperationView,
  errata: readonly Erratum[] = errataOf(view),
): OperationExamples {
  const documented = trait<ExampleTrait[]>(op.shape.traits, "examples") ?? [];
  const key = (id: string, node: NodeValue | undefined) =>
    JSON.stringify(canonical(exampleValue(view, id, node ?? {})) ?? {});
  const inputKey = (node: NodeValue | undefined) => key(op.input, node);
  const outputKey = (node: NodeValue | undefined) => key(op.output, node);
  const called = documented
    .filter((e) => e.error === undefined)
    .map((e) => [inputKey(e.input), outputKey(e.output)] as const);

  const requests = httpCases(view, op, "smithy.test#httpRequestTests");
  const responses = httpCases(view, op, "smithy.test#httpResponseTests");
  const problems: string[] = [];
  const pairs = pairCases(requests, responses, (request, response) =>
    called.some(
      ([i, o]) =>
        i === inputKey(request.params as NodeValue) &&
        o === outputKey(response.params as NodeValue),
    ),
  );
  for (const c of pairs.requests) {
    problems.push(`${op.name}: request test "${c.id}" has no response test; not served`);
  }
  for (const c of pairs.responses) {
    problems.push(`${op.name}: response test "${c.id}" has no request test; not served`);
  }

  const used = new Set<HttpCase>();
  const claimed = new Set<HttpCase>();
  const examples: DocumentedExample[] = [];
  for (const [n, e] of documented.entries()) {
    const ex: DocumentedExample = { title: e.title ?? `#${n + 1}`, input: e.input ?? {} };
    const want = inputKey(ex.input);
    if (e.error) ex.error = { shapeId: e.error.shapeId, content: e.error.content ?? {} };
    else ex.output = e.output ?? {};
    const wantOutput = ex.output === undefined ? undefined : outputKey(ex.output);
    const pair = pairs.exchanges.find(
      ([q, r]) =>
        !claimed.has(q) &&
        inputKey(q.params as NodeValue) === want &&
        (wantOutput === undefined
          ? Number(r.code) >= 300
          : outputKey(r.params as NodeValue) === wantOutput),
    );
    if (pair) claimed.add(pair[0]);
    const req =
      pair?.[0] ?? requests.find((c) => !used.has(c) && inputKey(c.params as NodeValue) === want);
    if (req) {
      used.add(req);
      ex.request = request(req);
    }
    if (wantOutput !== undefined) {
      const res =
        pair?.[1] ??
        responses.find((c) => !used.has(c) && outputKey(c.params as NodeValue) === wantOutput);
      if (res) {
        used.add(res);
        ex.response = response(res);
      }
    }
    const erratum = errata.find((x) => x.operation === op.id && x.example === ex.title);
    if (erratum) ex.erratum = erratum;
    examples.push(ex);
  }

  // The exchanges no @examples entry took, and that repeat none (the same call printed twice).
  const rest = pairs.exchanges.filter(
    ([q, r]) =>
      !claimed.has(q) &&
      !called.some(
        ([i, o]) => i === inputKey(q.params as NodeValue) && o === outputKey(r.params as NodeValue),
      ),
  );
  const exchanges: DocumentedExchange[] = rest.map(([q, r]) => ({
    request: request(q),
    response: response(r),
  }));
  const titles = new Set(documented.map((e) => e.title));
  const left = errata.filter((e) => e.operation === op.id && !titles.has(e.example));
  if (left.length > 0) {
    const index = new ModelIndex(view.model);
    const broken = exchanges.map((x) => new Set(problemPaths(view, op, x, index)));
    for (const erratum of left) {
      const found = exchanges.findIndex((x, i) => !x.erratum && broken[i]!.has(erratum.path));
      if (found >= 0) exchanges[found]!.erratum = erratum;
    }
  }
  return { examples, exchanges, problems };
}

/**
 * The examples the contract tests hold the generated code to: every @examples entry, then, in
 * the errata's order, the exchange of every erratum naming an example @examples leaves out (its
 * own, else the first exchange no erratum names, so that a wrong erratum path fails its test).
 */
export function documentedExamples(
  view: ServiceView,
  op: OperationView,
  errata: readonly Erratum[] = errataOf(view),
): DocumentedExample[] {
  const { examples, exchanges } = operationExamples(view, op, errata);
  const out = [...examples];
  const taken = new Set<DocumentedExchange>();
  for (const erratum of errata) {
    if (erratum.operation !== op.id) continue;
    if (examples.some((e) => e.title === erratum.example)) continue;
    // An erratum at a path its exchange does not break still gets its tests, which then fail.
    const x =
      exchanges.find((e) => e.erratum === erratum) ??
      exchanges.find((e) => !e.erratum && !taken.has(e));
    if (x) taken.add(x);
    if (!x) {
      throw new EmitError(
        `erratum ${erratum.id} names example "${erratum.example}" of ${op.id}, which has neither an @examples entry nor a documented HTTP request and response left for it`,
      );
    }
    out.push({
      title: erratum.example,
      input: x.request.params,
      output: x.response.params,
      request: x.request,
      response: x.response,
      erratum,
    });
  }
  return out;
}

function httpCases(view: ServiceView, op: OperationView, traitId: string): HttpCase[] {
  const cases = trait<unknown[]>(op.shape.traits, traitId) ?? [];
  const protocol = `aws.protocols#${view.protocol}`;
  return cases.filter(
    (c): c is HttpCase =>
      c !== null &&
      typeof c === "object" &&
      !Array.isArray(c) &&
      ((c as HttpCase).protocol === undefined || (c as HttpCase).protocol === protocol),
  );
}

/** Pairs request and response cases (see operationExamples()); returns what is left unpaired. */
function pairCases(
  requests: HttpCase[],
  responses: HttpCase[],
  documentsExample: (request: HttpCase, response: HttpCase) => boolean,
): { exchanges: [HttpCase, HttpCase][]; requests: HttpCase[]; responses: HttpCase[] } {
  const paired = new Map<HttpCase, HttpCase>();
  const free = new Set(responses);
  const pairBy = (fits: (request: HttpCase, response: HttpCase) => boolean) => {
    for (const request of requests) {
      if (paired.has(request)) continue;
      const response = [...free].find((r) => fits(request, r));
      if (response) {
        free.delete(response);
        paired.set(request, response);
      }
    }
  };
  pairBy((q, r) => pairKey(q.id as string) === pairKey(r.id as string));
  pairBy(documentsExample);
  const alone = requests.filter((q) => !paired.has(q));
  if (alone.length === 1 && free.size === 1) pairBy(() => true);
  return {
    exchanges: requests.filter((q) => paired.has(q)).map((q) => [q, paired.get(q)!]),
    requests: requests.filter((q) => !paired.has(q)),
    responses: responses.filter((r) => free.has(r)),
  };
}

/** Where an exchange's values break the model's constraints, as the transcriber checks them. */
function problemPaths(
  view: ServiceView,
  op: OperationView,
  x: DocumentedExchange,
  index: ModelIndex,
): string[] {
  return [
    ...(op.input === UNIT
      ? []
      : valueProblems(view.model, op.input, x.request.params, "/input", index)),
    ...(op.output === UNIT
      ? []
      : valueProblems(view.model, op.output, x.response.params, "/output", index)),
  ].map((p) => p.path);
}

function request(c: HttpCase): DocumentedRequest {
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

function response(c: HttpCase): DocumentedResponse {
  const out: DocumentedResponse = {
    id: String(c.id),
    code: Number(c.code),
    headers: (c.headers ?? {}) as Record<string, string>,
    params: (c.params ?? {}) as NodeValue,
  };
  if (typeof c.body === "string") out.body = c.body;
  return out;
}
