import { deref, type OperationSchema, type ServiceSchema } from "../schema.js";
import { Rejection, reject } from "./error-answers.js";

/** Thrown into a body stream by the node adapter when the client sends too slowly. */
export class BodyTimeoutError extends Error {
  override readonly name = "TimeoutError";
}

/**
 * Reads a Fetch request body into memory, never holding more than `maxBytes` (+ one chunk):
 * a declared or actual size over the limit gets 413, a stream that fails (client gone, body
 * timeout) gets 408 or 400.
 */
export async function readBody(request: Request, maxBytes: number): Promise<Uint8Array> {
  if (declaredTooLarge(request.headers.get("content-length") ?? undefined, maxBytes)) {
    await request.body?.cancel().catch(() => {});
    throw tooLarge(maxBytes);
  }
  if (request.body === null) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => {});
        throw tooLarge(maxBytes);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof Rejection) throw error;
    if ((error as Error)?.name === "TimeoutError") throw tooSlow();
    throw incomplete();
  }
  return concat(chunks, size);
}

/** A Content-Length header that already says the body is over the limit. */
export function declaredTooLarge(declared: string | undefined, maxBytes: number): boolean {
  if (declared === undefined) return false;
  // A number written with fewer characters than the limit has digits is below it: most
  // requests are decided without a regular expression.
  if (declared.length < String(maxBytes).length) return false;
  return /^\d+$/.test(declared.trim()) && Number(declared) > maxBytes;
}

export function concat(chunks: readonly Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

export function tooSlow() {
  return reject("RequestTimeoutException", 408, "The request body was not received in time");
}

export function incomplete() {
  return reject("SerializationException", 400, "The request body is incomplete");
}

export function tooLarge(maxBytes: number) {
  return reject(
    "RequestEntityTooLargeException",
    413,
    `The request body is larger than the ${maxBytes}-byte limit`,
  );
}

/** How an operation's request body is encoded. */
export type BodyKind = "json" | "raw" | "none";

/**
 * awsJson bodies are always JSON; restJson1 bodies are JSON unless a blob, string or enum is the
 * payload (sent raw, as text/plain for strings and enums: RestJsonEnumPayloadRequest).
 */
export function bodyKindOf(service: ServiceSchema, op: OperationSchema): BodyKind {
  if (service.protocol !== "restJson1") return "json";
  const members = Object.values(op.input.members);
  const payload = members.find((m) => m.http?.in === "payload");
  if (payload) {
    const type = deref(payload.target).type;
    return type === "blob" || type === "string" || type === "enum" ? "raw" : "json";
  }
  return members.some((m) => m.http === undefined || m.http.in === "hostLabel") ? "json" : "none";
}

const JSON_MEDIA_TYPES: Record<ServiceSchema["protocol"], readonly string[]> = {
  awsJson1_0: ["application/x-amz-json-1.0", "application/x-amz-json-1.1"],
  awsJson1_1: ["application/x-amz-json-1.1", "application/x-amz-json-1.0"],
  restJson1: ["application/json"],
};

/** A JSON body must be declared as JSON: anything else gets 415 UnsupportedMediaTypeException. */
export function checkContentType(
  service: ServiceSchema,
  kind: BodyKind,
  contentType: string | undefined,
  bodyLength: number,
): void {
  if (kind !== "json" || bodyLength === 0) return;
  const accepted = JSON_MEDIA_TYPES[service.protocol];
  if (contentType === accepted[0]) return; // what clients send, as is
  const media = contentType?.split(";")[0]?.trim().toLowerCase();
  if (media !== undefined && accepted.includes(media)) return;
  throw reject(
    "UnsupportedMediaTypeException",
    415,
    media === undefined || media === ""
      ? "Missing Content-Type header"
      : `Unsupported Content-Type ${JSON.stringify(media.slice(0, 100))}`,
  );
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * The text of a JSON body: invalid UTF-8, or nesting deeper than `maxDepth`, gets 400
 * SerializationException before any parser sees it (the depth check keeps recursive walks of
 * the parsed value bounded).
 */
export function jsonText(body: Uint8Array, maxDepth: number): string {
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    throw reject("SerializationException", 400, "The request body is not valid UTF-8");
  }
  // Each level opens a bracket, so a text with at most `maxDepth` brackets cannot be too deep:
  // counting them (a native search) spares most bodies the character-by-character scan.
  if (bracketsAtMost(text, maxDepth)) return text;
  const depth = maxJsonDepth(text, maxDepth);
  if (depth > maxDepth) {
    throw reject(
      "SerializationException",
      400,
      `The request body is nested more than ${maxDepth} levels deep`,
    );
  }
  return text;
}

/** Whether `text` holds at most `limit` opening brackets (`{` and `[`, in strings or not). */
function bracketsAtMost(text: string, limit: number): boolean {
  let count = 0;
  for (const bracket of ["{", "["]) {
    for (let i = text.indexOf(bracket); i >= 0; i = text.indexOf(bracket, i + 1)) {
      if (++count > limit) return false;
    }
  }
  return true;
}

/** Nesting depth of a JSON text (brackets outside strings), counting stops past `limit`. */
export function maxJsonDepth(text: string, limit: number): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 /* { */ || c === 91 /* [ */) {
      depth++;
      if (depth > max) {
        max = depth;
        if (max > limit) return max;
      }
    } else if (c === 125 /* } */ || c === 93 /* ] */) depth--;
  }
  return max;
}
