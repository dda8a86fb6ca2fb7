import { ProtocolError } from "../protocol/errors.js";
import { responseMetadata } from "../protocol/service-errors.js";
import type { HttpResponseMessage } from "../protocol/types.js";

const HINT =
  "Deserialization error: to see the raw response, inspect the hidden field {error}.$response on this object.";

const text = /* @__PURE__ */ new TextDecoder();

/**
 * A response the client could not read (a body that is not JSON, a value of the wrong type), as
 * AWS SDK v3's deserializer middleware reports one: the error keeps its kind and gains the
 * response's `$metadata` (its real status and request id), a hint in its message, and the
 * response itself as a hidden `$response` (status, headers, body as text). A ProtocolError's
 * `statusCode` becomes the response's: the 400 it carries is what a server would answer. Service
 * errors (which have `$metadata` already) pass through.
 */
export function unreadableResponse(error: unknown, message: HttpResponseMessage): unknown {
  if (typeof error !== "object" || error === null || "$metadata" in error) return error;
  const out =
    error instanceof ProtocolError
      ? Object.assign(new ProtocolError(error.code, error.message, message.statusCode), {
          cause: error,
        })
      : error;
  try {
    (out as Error).message = `${(out as Error).message}\n  ${HINT}`;
  } catch {
    // A frozen error keeps its message.
  }
  const body = message.body;
  Object.defineProperty(out, "$response", {
    value: {
      statusCode: message.statusCode,
      headers: message.headers,
      body: typeof body === "string" ? body : body ? text.decode(body) : "",
    },
    enumerable: false,
    configurable: true,
  });
  Object.defineProperty(out, "$metadata", {
    value: responseMetadata(message),
    enumerable: true,
    configurable: true,
    writable: true,
  });
  return out;
}
