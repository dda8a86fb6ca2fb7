import { ServiceException } from "../platform/smithy-client.js";
import type { OperationSchema, ServiceSchema, StructureSchema } from "../schema.js";
import { setOwn } from "./serde/own-property.js";
import type { HttpResponseMessage } from "./types.js";

/**
 * Error-response handling common to the AWS JSON protocols: finding the error code, matching it
 * to a modeled error, building the typed exception AWS SDK v3 style.
 */

/**
 * `aws.protocoltests#FooError:http://…` -> `FooError`: as AWS SDK v3, the first of several
 * comma-separated codes, without its `:` suffix and its namespace.
 */
export function sanitizeErrorCode(raw: string): string {
  let code = raw;
  const comma = code.indexOf(",");
  if (comma >= 0) code = code.slice(0, comma);
  const colon = code.indexOf(":");
  if (colon >= 0) code = code.slice(0, colon);
  const hash = code.lastIndexOf("#");
  if (hash >= 0) code = code.slice(hash + 1);
  return code.trim();
}

/**
 * The error code, where AWS SDK v3 looks for it: the `x-amzn-errortype` header, then the body's
 * `code` in any case (Security Hub answers `{"Code": …, "Message": …}`), then its `__type`.
 */
export function errorCodeOf(headers: Record<string, string>, body: unknown): string | undefined {
  const header = headers["x-amzn-errortype"];
  if (header) return sanitizeErrorCode(header);
  if (typeof body === "object" && body !== null && !Array.isArray(body)) {
    const b = body as Record<string, unknown>;
    const codeKey = Object.keys(b).find((k) => k.length === 4 && k.toLowerCase() === "code");
    const code = codeKey === undefined ? undefined : b[codeKey];
    if (typeof code === "string" || typeof code === "number")
      return sanitizeErrorCode(String(code));
    if (typeof b.__type === "string") return sanitizeErrorCode(b.__type);
  }
  return undefined;
}

/** The shape name of an absolute shape id. */
export function shapeName(id: string): string {
  return id.slice(id.lastIndexOf("#") + 1);
}

/** The modeled error an error code names, among the operation's then the service's errors. */
export function findErrorSchema(
  service: ServiceSchema,
  op: OperationSchema,
  code: string | undefined,
): StructureSchema | undefined {
  if (!code) return undefined;
  for (const list of [op.errors, service.errors]) {
    for (const error of list) if (shapeName(error.id) === code) return error;
  }
  return undefined;
}

/** The HTTP status an error is sent with: `@httpError`, else 400 for client and 500 for server. */
export function errorStatus(error: StructureSchema): number {
  return error.httpStatus ?? (error.error === "server" ? 500 : 400);
}

export interface ResponseMetadata {
  httpStatusCode: number;
  requestId?: string;
  extendedRequestId?: string;
  cfId?: string;
  attempts?: number;
  totalRetryDelay?: number;
}

export function responseMetadata(response: HttpResponseMessage): ResponseMetadata {
  const h = response.headers;
  return {
    httpStatusCode: response.statusCode,
    requestId: h["x-amzn-requestid"] ?? h["x-amz-request-id"] ?? h["x-amzn-request-id"],
    extendedRequestId: h["x-amz-id-2"],
    cfId: h["x-amz-cf-id"],
  };
}

/** Thrown for error codes the model does not know when the service has no base exception. */
class UnmodeledServiceException extends ServiceException {}

/**
 * The exception to throw for an error response: the modeled error's class with its members, or
 * (unknown code) the service's base exception named after the code, `$fault` from the status.
 */
export function buildServiceError(
  service: ServiceSchema,
  schema: StructureSchema | undefined,
  code: string | undefined,
  response: HttpResponseMessage,
  members: Record<string, unknown>,
  body: unknown,
): Error {
  const $metadata = responseMetadata(response);
  const b = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
  const rawMessage = members.message ?? members.Message ?? b.message ?? b.Message;
  const message = typeof rawMessage === "string" && rawMessage !== "" ? rawMessage : undefined;
  let error: Error & Record<string, unknown>;
  if (schema?.exception) {
    error = new schema.exception({ $metadata, ...members, message }) as Error &
      Record<string, unknown>;
  } else {
    const name = code ?? "UnknownError";
    const $fault = schema?.error ?? (response.statusCode >= 500 ? "server" : "client");
    const Base = service.baseException ?? UnmodeledServiceException;
    error = new Base({ name, $fault, $metadata, message: message ?? name, ...members }) as Error &
      Record<string, unknown>;
    if (error.name !== name) error.name = name;
  }
  // As AWS SDK v3's decorateServiceException: body fields the model does not name (`__type`,
  // undocumented codes) are kept on the error where it has no value yet, so code that reads them
  // after switching from the SDK still finds them. Names the error inherits (`constructor`,
  // `__proto__`, `toString`) have a value, so a body cannot replace them.
  if (!Array.isArray(body)) {
    for (const key of Object.keys(b)) {
      const v = b[key];
      if (v === undefined || (error[key] !== undefined && error[key] !== "")) continue;
      setOwn(error, key, v);
    }
  }
  if (!error.$metadata) error.$metadata = $metadata;
  // `@retryable` errors are retried by the client (throttling ones with the longer backoff).
  if (schema?.retryable && error.$retryable === undefined) {
    error.$retryable = { throttling: schema.retryable.throttling === true };
  }
  if (!error.message) error.message = message ?? "UnknownError";
  return error;
}

/**
 * An error response -> the error to throw: the code (header or body), the modeled error it
 * names, and its members as the protocol reads them into `out`. A member that fails to read
 * keeps what was read before it: a malformed member must not hide the error itself.
 */
export function readServiceError(
  service: ServiceSchema,
  op: OperationSchema,
  response: HttpResponseMessage,
  readMembers: (
    schema: StructureSchema,
    response: HttpResponseMessage,
    body: unknown,
    out: Record<string, unknown>,
  ) => void,
): Error {
  let body: unknown;
  try {
    body = parseJsonBody(response.body);
  } catch {
    body = undefined; // not JSON (a proxy's error page): the status still tells what happened
  }
  const code = errorCodeOf(response.headers, body);
  const schema = findErrorSchema(service, op, code);
  const members: Record<string, unknown> = {};
  if (schema) {
    try {
      readMembers(schema, response, body, members);
    } catch {
      // Keep the members read so far.
    }
  }
  return buildServiceError(service, schema, code, response, members, body);
}

/** Parses a JSON body; an empty or whitespace body is `undefined`. */
export function parseJsonBody(body: Uint8Array | string | undefined): unknown {
  const text = typeof body === "string" ? body : body && body.length > 0 ? decode(body) : "";
  if (text.trim() === "") return undefined;
  return JSON.parse(text);
}

const decoder = /* @__PURE__ */ new TextDecoder();
function decode(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}
