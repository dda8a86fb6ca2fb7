import { randomUUID } from "node:crypto";
import type { HttpRequestMessage, HttpResponseMessage, Protocol } from "../protocol/types.js";
import type { OperationSchema, ServiceSchema } from "../schema.js";
import { requireSigV4, verifySigV4 } from "./auth/verify-sigv4.js";
import { bodyKindOf, checkContentType, jsonText, readBody } from "./body.js";
import { asProtocolError, defaultProtocol, validationMessage } from "./codec.js";
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
  const protocol: Protocol = options.protocol ?? defaultProtocol(service);
  const route = compileRouter(service, operations);
  const ops = Object.values(operations);
  const everywhere = allErrors(service, ops);
  const validationError = validationErrorFor(service, ops, options.validationError);
  const internalError = internalErrorFor(service, ops, options.internalError);
  const functions = impl as Record<string, OperationFunction | undefined>;

  const errorResponse = (answer: ErrorAnswer): HttpResponseMessage => {
    const response = protocol.serializeError(service, answer.schema, answer.value);
    return { ...response, headers: { ...response.headers, ...answer.headers } };
  };
  const internal = (detail: string, op?: string): Outcome => ({
    response: errorResponse({
      schema: internalError,
      value: errorValue(internalError, "Internal server error"),
    }),
    op,
    errorType: shapeName(internalError.id),
    detail,
  });

  async function run(request: Request, requestId: string): Promise<Outcome> {
    let opName: string | undefined;
    try {
      const url = new URL(request.url);
      const method = request.method.toUpperCase();
      const headers = headerRecord(request.headers);
      const query = queryRecord(url.searchParams);
      const { op, labels } = route({ method, path: url.pathname, query, headers });
      opName = op.name;
      const fields = opts.sigv4 ? requireSigV4(headers, query) : undefined;
      const kind = bodyKindOf(service, op);
      const body = await readBody(request, opts.maxBodyBytes);
      let principal: string | undefined;
      if (fields && opts.sigv4) {
        principal = await verifySigV4(
          { method, url, headers, query, body },
          fields,
          opts.sigv4,
          service.signingName,
        );
      }
      checkContentType(service, kind, headers["content-type"], body.byteLength);
      const message: HttpRequestMessage = {
        method,
        path: url.pathname,
        query,
        headers,
        hostname: url.hostname,
        labels,
        // Codecs parse any non-payload body as JSON, so every such body gets the UTF-8 and
        // nesting checks; raw payloads (blobs, strings) go through as bytes.
        body: kind === "raw" ? body : jsonText(body, opts.maxDepth),
      };
      // Keys like "__proto__" in maps and documents arrive as own properties (data, as AWS
      // treats them); the codecs never change an object's prototype (test/protocol/prototype-keys).
      const input = deserialize(protocol, service, op, message);
      if (op.validateInput && !op.validateInput(input)) {
        throw new Rejection(validationAnswer(validationError(op), op.validateInput.errors, input));
      }
      const fn = functions[op.name];
      // Methods may live on a class prototype, but never Object.prototype's (`constructor`...).
      if (typeof fn !== "function" || fn === (Object.prototype as any)[op.name]) {
        throw new Rejection(
          frameworkError("NotImplementedException", 501, `Operation ${op.name} is not implemented`),
        );
      }
      const context: RequestContext = {
        operation: op.name,
        requestId,
        signal: request.signal,
        headers,
        ...(principal !== undefined ? { principal } : {}),
      };
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
      if (opts.validateOutput && op.validateOutput && !op.validateOutput(value)) {
        return internal(
          `${op.name} output failed validation: ${validationMessage(op.validateOutput.errors, value)}`,
          op.name,
        );
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

  return async (request: Request): Promise<Response> => {
    const started = performance.now();
    const requestId = randomUUID();
    let outcome: Outcome;
    try {
      outcome = await run(request, requestId);
    } catch (error) {
      outcome = internal(`serializing the answer failed: ${describe(error)}`);
    }
    let response: Response;
    try {
      response = toFetchResponse(outcome.response, requestId, request.method);
    } catch (error) {
      outcome = { ...internal(`building the response failed: ${describe(error)}`), op: outcome.op };
      response = toFetchResponse(outcome.response, requestId, request.method);
    }
    if (opts.logger) {
      try {
        opts.logger(logLine(request, requestId, outcome, response.status, started));
      } catch {
        // A failing logger must not turn a served request into a failed one.
      }
    }
    return response;
  };
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

/** Header names lower-cased (the Headers object already is), in a prototype-free record. */
function headerRecord(headers: Headers): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  headers.forEach((value, name) => {
    out[name] = value;
  });
  return out;
}

/** Decoded query parameters; repeated keys become arrays. */
function queryRecord(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = Object.create(null);
  for (const [key, value] of params) {
    const previous = out[key];
    if (previous === undefined) out[key] = value;
    else if (Array.isArray(previous)) previous.push(value);
    else out[key] = [previous, value];
  }
  return out;
}

const NULL_BODY_STATUS = new Set([101, 204, 205, 304]);

function toFetchResponse(
  message: HttpResponseMessage,
  requestId: string,
  method: string,
): Response {
  const headers = new Headers();
  for (const [name, value] of Object.entries(message.headers)) headers.set(name, value);
  headers.set("x-amzn-requestid", requestId);
  headers.set("date", new Date().toUTCString());
  const body =
    NULL_BODY_STATUS.has(message.statusCode) || method.toUpperCase() === "HEAD"
      ? null
      : message.body;
  return new Response((body ?? null) as BodyInit | null, { status: message.statusCode, headers });
}

function logLine(
  request: Request,
  requestId: string,
  outcome: Outcome,
  status: number,
  started: number,
): string {
  let path = "?";
  try {
    path = new URL(request.url).pathname;
  } catch {
    // An unparseable URL is logged as "?".
  }
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
