import { randomUUID } from "node:crypto";
import { setOwn } from "../protocol/serde/own-property.js";
import type { HttpRequestMessage, HttpResponseMessage, Protocol } from "../protocol/types.js";
import type { OperationSchema, ServiceSchema } from "../schema.js";
import { validatorOf } from "../validation/load.js";
import { requireSigV4, verifySigV4 } from "./auth/verify-sigv4.js";
import { bodyKindOf, checkContentType, jsonText, readBody } from "./body.js";
import { asProtocolError, defaultProtocol, validationMessage } from "./codec.js";
import { corsPolicy } from "./cors.js";
import {
  allErrors,
  type ErrorAnswer,
  errorsOf,
  errorValue,
  frameworkError,
  internalErrorFor,
  modeledAnswer,
  Rejection,
  shapeName,
  validationAnswer,
  validationErrorFor,
} from "./error-answers.js";
import { type HandlerOptions, type RequestContext, resolveOptions } from "./options.js";
import { compileRouter, truncate } from "./router.js";
import {
  HANDLER_BODY_LIMIT,
  HANDLER_CORE,
  type HandlerCore,
  type ServedRequest,
  type ServedResponse,
} from "./served-request.js";
import { wireRecord } from "./wire-record.js";

/** An operation function, as generated service interfaces declare them. */
type OperationFunction = (input: any, context: RequestContext) => Promise<unknown>;

/** The outcome of one request, for the response and the log line. */
interface Outcome {
  readonly response: HttpResponseMessage;
  readonly op?: string;
  readonly errorType?: string;
  /** Why an internal failure happened (logged, never sent). */
  readonly detail?: string;
}

/**
 * Builds a Fetch-API handler for a service: routes each request to its operation, parses and
 * validates it with the service's protocol codec, calls the operation function, validates and
 * serializes its output, and answers every failure the way AWS does. The handler never throws.
 */
export function createHandler(
  service: ServiceSchema,
  operations: Readonly<Record<string, OperationSchema>>,
  impl: object,
  options: HandlerOptions = {},
): (request: Request) => Promise<Response> {
  const opts = resolveOptions(options);
  const cors = corsPolicy(options.cors);
  const protocol: Protocol = options.protocol ?? defaultProtocol(service);
  const route = compileRouter(service, operations);
  const ops = Object.values(operations);
  const everywhere = allErrors(service, ops);
  const validationError = validationErrorFor(service, ops, options.validationError);
  const internalError = internalErrorFor(service, ops, options.internalError);
  const functions = impl as Record<string, OperationFunction | undefined>;
  // How each operation's request body is encoded, worked out once rather than per request.
  const bodyKinds = new Map(ops.map((op) => [op, bodyKindOf(service, op)]));

  const errorResponse = (answer: ErrorAnswer): HttpResponseMessage => {
    const response = protocol.serializeError(service, answer.schema, answer.value);
    return { ...response, headers: { ...response.headers, ...answer.headers } };
  };
  const internal = (detail: string, op?: string): Outcome => {
    const schema = internalError(op === undefined ? undefined : operations[op]);
    return {
      response: errorResponse({ schema, value: errorValue(schema, "Internal server error") }),
      op,
      errorType: shapeName(schema.id),
      detail,
    };
  };

  async function run(request: ServedRequest, requestId: string): Promise<Outcome> {
    let opName: string | undefined;
    try {
      const { method, path, headers } = request;
      const preflight = cors?.preflight(method, headers);
      if (preflight) return { response: preflight };
      const query = queryRecord(request.search);
      // With SigV4 on, a request is authenticated before it is routed, as AWS does (an unknown
      // path answers 403 Missing Authentication Token): an unauthenticated client learns nothing
      // of which operations exist.
      let body: Uint8Array | undefined;
      let principal: string | undefined;
      if (opts.sigv4) {
        const fields = requireSigV4(headers, query);
        body = await request.readBody(opts.maxBodyBytes);
        principal = await verifySigV4(
          { method, url: request.url(), headers, query, body },
          fields,
          opts.sigv4,
          service.signingName,
        );
      }
      const { op, labels } = route({ method, path, query, headers });
      opName = op.name;
      const kind = bodyKinds.get(op) ?? bodyKindOf(service, op);
      body ??= await request.readBody(opts.maxBodyBytes);
      checkContentType(service, kind, headers["content-type"], body.byteLength);
      // Codecs parse any non-payload body as JSON, so every such body gets the UTF-8 and
      // nesting checks; raw payloads (blobs, strings) go through as bytes.
      const text = kind === "raw" ? body : jsonText(body, opts.maxDepth);
      const message = new ReceivedMessage(request, query, labels, text);
      // Keys like "__proto__" in maps and documents arrive as own properties (data, as AWS
      // treats them); the codecs never change an object's prototype (test/protocol/prototype-keys).
      const input = deserialize(protocol, service, op, message);
      if (op.inputValidator) {
        const loaded = validatorOf(op.inputValidator);
        const validate = typeof loaded === "function" ? loaded : await loaded;
        if (!validate(input)) {
          throw new Rejection(validationAnswer(validationError(op), validate.errors, input));
        }
      }
      const fn = functions[op.name];
      // Methods may live on a class prototype, but never Object.prototype's (`constructor`...).
      if (typeof fn !== "function" || fn === (Object.prototype as any)[op.name]) {
        throw new Rejection(
          frameworkError("NotImplementedException", 501, `Operation ${op.name} is not implemented`),
        );
      }
      const context = new OperationContext(op.name, requestId, request, principal);
      let output: unknown;
      try {
        output = await fn.call(impl, input, context);
      } catch (thrown) {
        const answer = modeledAnswer(thrown, errorsOf(service, op), everywhere);
        if (!answer) return internal(`${op.name} threw: ${describe(thrown)}`, op.name);
        return {
          response: errorResponse(answer),
          op: op.name,
          errorType: shapeName(answer.schema.id),
        };
      }
      const value = (output ?? {}) as object;
      if (typeof value !== "object") {
        return internal(`${op.name} returned a ${typeof value}, not an object`, op.name);
      }
      if (opts.validateOutput && op.outputValidator) {
        const loaded = validatorOf(op.outputValidator);
        const validate = typeof loaded === "function" ? loaded : await loaded;
        if (!validate(value)) {
          return internal(
            `${op.name} output failed validation: ${validationMessage(validate.errors, value)}`,
            op.name,
          );
        }
      }
      return { response: protocol.serializeResponse(service, op, value), op: op.name };
    } catch (error) {
      if (error instanceof Rejection) {
        return {
          response: errorResponse(error.answer),
          op: opName,
          errorType: shapeName(error.answer.schema.id),
        };
      }
      return internal(describe(error), opName);
    }
  }

  /** The answer to send for an outcome: the headers every answer carries, CORS's when on. */
  const answerTo = (o: Outcome, requestId: string, request: ServedRequest): ServedResponse => {
    const answer = finalAnswer(o.response, requestId, request.method);
    cors?.decorate(answer.headers, request.headers);
    return answer;
  };

  const core: HandlerCore = async (request, build) => {
    const started = opts.logger ? performance.now() : 0;
    const requestId = randomUUID();
    let outcome: Outcome;
    try {
      outcome = await run(request, requestId);
    } catch (error) {
      outcome = internal(`serializing the answer failed: ${describe(error)}`);
    }
    let answer: ServedResponse | undefined;
    let built: ReturnType<typeof build>;
    try {
      answer = answerTo(outcome, requestId, request);
      built = build(answer);
    } catch (error) {
      outcome = { ...internal(`building the response failed: ${describe(error)}`), op: outcome.op };
      answer = answerTo(outcome, requestId, request);
      built = build(answer);
    }
    if (opts.logger) {
      try {
        opts.logger(logLine(request, requestId, outcome, answer.status, started));
      } catch {
        // A failing logger must not turn a served request into a failed one.
      }
    }
    return built;
  };

  const handler = (request: Request): Promise<Response> => core(fromFetch(request), toFetch);
  Object.defineProperty(handler, HANDLER_BODY_LIMIT, { value: opts.maxBodyBytes });
  return Object.defineProperty(handler, HANDLER_CORE, { value: core });
}

/** Where an OperationContext keeps its request, for the shared `signal` getter. */
const REQUEST = Symbol("request");

/**
 * `context.signal`: an own, enumerable getter (so `{ ...context }` still carries the signal), from
 * one shared descriptor: an object literal with a getter costs about 1 µs per request, this a
 * quarter of that.
 */
const SIGNAL: PropertyDescriptor = {
  get(this: OperationContext): AbortSignal {
    return this[REQUEST].signal();
  },
  enumerable: true,
  configurable: true,
};

/**
 * What an operation function receives; the abort signal is made only when the function reads
 * `context.signal` (an AbortSignal per request is a measurable share of a small request's cost).
 */
class OperationContext implements RequestContext {
  readonly operation: string;
  readonly requestId: string;
  readonly headers: Record<string, string>;
  declare readonly signal: AbortSignal;
  declare readonly principal?: string;
  readonly [REQUEST]: ServedRequest;

  constructor(
    operation: string,
    requestId: string,
    request: ServedRequest,
    principal: string | undefined,
  ) {
    this.operation = operation;
    this.requestId = requestId;
    this.headers = request.headers;
    this[REQUEST] = request;
    Object.defineProperty(this, "signal", SIGNAL);
    // Present only when SigV4 verification is on, as the RequestContext type says.
    if (principal !== undefined) (this as { principal?: string }).principal = principal;
  }
}

/** The request as the codec reads it; `hostname` (which no codec reads) is derived on demand. */
class ReceivedMessage implements HttpRequestMessage {
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly #request: ServedRequest;

  constructor(
    request: ServedRequest,
    readonly query: Record<string, string | string[]>,
    readonly labels: Record<string, string>,
    readonly body: Uint8Array | string,
  ) {
    this.method = request.method;
    this.path = request.path;
    this.headers = request.headers;
    this.#request = request;
  }

  get hostname(): string {
    return this.#request.url().hostname;
  }
}

/** A Fetch request as the core sees it; the body is read (and limited) only when asked for. */
function fromFetch(request: Request): ServedRequest {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    url = new URL("http://localhost/"); // never for a real Request; the router then answers
  }
  return {
    method: request.method.toUpperCase(),
    path: url.pathname,
    search: url.search.slice(1),
    url: () => url,
    headers: headerRecord(request.headers),
    readBody: (maxBytes) => readBody(request, maxBytes),
    signal: () => request.signal,
  };
}

function toFetch(answer: ServedResponse): Response {
  const headers = new Headers();
  for (const name in answer.headers) headers.set(name, answer.headers[name]!);
  return new Response(answer.body as BodyInit | null, { status: answer.status, headers });
}

const NULL_BODY_STATUS = new Set([101, 204, 205, 304]);

let dateSecond = -1;
let dateText = "";

/** The Date header, formatted once per second rather than per request. */
function httpDate(): string {
  const now = Date.now();
  const second = Math.floor(now / 1000);
  if (second !== dateSecond) {
    dateSecond = second;
    dateText = new Date(now).toUTCString();
  }
  return dateText;
}

/** The message with the headers every answer carries, names lower-cased, body dropped when HTTP says so. */
function finalAnswer(
  message: HttpResponseMessage,
  requestId: string,
  method: string,
): ServedResponse {
  // A plain object, not a prototype-free one: those are dictionaries to V8, and this one is
  // walked twice per answer (header checks, then node's writeHead). A header named `__proto__`
  // (an empty @httpPrefixHeaders prefix) is still defined as an own property by setOwn.
  const headers: Record<string, string> = {};
  for (const name in message.headers) setOwn(headers, name.toLowerCase(), message.headers[name]);
  headers["x-amzn-requestid"] = requestId;
  headers.date = httpDate();
  const body =
    NULL_BODY_STATUS.has(message.statusCode) || method === "HEAD" ? null : (message.body ?? null);
  return { status: message.statusCode, headers, body };
}

/** The codec turns a request into input; what it cannot parse is the client's fault. */
function deserialize(
  protocol: Protocol,
  service: ServiceSchema,
  op: OperationSchema,
  message: HttpRequestMessage,
): object {
  try {
    return protocol.deserializeRequest(service, op, message);
  } catch (error) {
    const failure = asProtocolError(error);
    if (failure) {
      const status =
        failure.statusCode >= 400 && failure.statusCode <= 599 ? failure.statusCode : 400;
      throw new Rejection(frameworkError(failure.code, status, failure.message));
    }
    // A codec that throws anything else met input it did not expect (RangeError, TypeError):
    // still the request's fault as far as the client can tell, and never a crash.
    throw new Rejection(
      frameworkError(
        "SerializationException",
        400,
        `Could not read the request: ${truncate(describe(error))}`,
      ),
    );
  }
}

/** Header names lower-cased (the Headers object already is), in a record that inherits nothing. */
function headerRecord(headers: Headers): Record<string, string> {
  const out = wireRecord<string>();
  headers.forEach((value, name) => {
    out[name] = value;
  });
  return out;
}

/** Decoded query parameters (`search` without its `?`); repeated keys become arrays. */
function queryRecord(search: string): Record<string, string | string[]> {
  const out = wireRecord<string | string[]>();
  if (search === "") return out;
  for (const [key, value] of new URLSearchParams(search)) {
    const previous = out[key];
    if (previous === undefined) out[key] = value;
    else if (Array.isArray(previous)) previous.push(value);
    else out[key] = [previous, value];
  }
  return out;
}

function logLine(
  request: ServedRequest,
  requestId: string,
  outcome: Outcome,
  status: number,
  started: number,
): string {
  const path = request.path;
  const ms = (performance.now() - started).toFixed(1);
  const parts = [
    new Date().toISOString(),
    requestId,
    truncate(request.method, 20),
    JSON.stringify(truncate(path, 200)),
    outcome.op ?? "-",
    String(status),
    outcome.errorType ?? "-",
    `${ms}ms`,
  ];
  if (outcome.detail) parts.push(JSON.stringify(truncate(outcome.detail, 500)));
  return parts.join(" ");
}

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  try {
    return String(error);
  } catch {
    return "unprintable value";
  }
}
