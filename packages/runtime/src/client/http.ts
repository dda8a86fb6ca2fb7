import type { HttpHandlerOptions, HttpRequest, HttpResponse, RequestHandler } from "@smithy/types";
import { encodeStrict } from "../protocol/rest-json/uri-template.js";

/**
 * The transport contract, AWS SDK v3's: any `RequestHandler` works (e.g. @smithy/node-http-handler's
 * NodeHttpHandler). Our own handlers return the body already collected as a Uint8Array.
 */
export type HttpHandler = RequestHandler<HttpRequest, HttpResponse, HttpHandlerOptions>;

/** `a=1&b=x%20y&b=z`: keys and values RFC 3986-encoded, repeated keys for lists. */
export function buildQueryString(query: HttpRequest["query"]): string {
  let out = "";
  for (const key in query) {
    const value = query[key];
    if (value === undefined || value === null) continue;
    const k = encodeStrict(key);
    if (Array.isArray(value)) {
      for (const v of value) out += `${out ? "&" : ""}${k}=${encodeStrict(v)}`;
    } else {
      out += `${out ? "&" : ""}${k}=${encodeStrict(value)}`;
    }
  }
  return out;
}

/** An error named `AbortError`, as the SDK throws when a call's abort signal fires. */
export function abortError(reason?: unknown): Error {
  const error = new Error(typeof reason === "string" ? reason : "Request aborted");
  error.name = "AbortError";
  return error;
}

/** An error named `TimeoutError` (retried as transient), for `requestTimeout`. */
export function timeoutError(ms: number): Error {
  const error = new Error(`Request timed out after ${ms} ms`);
  error.name = "TimeoutError";
  return error;
}

/** A response body of any kind a RequestHandler returns, collected into bytes. */
export async function collectBody(body: unknown): Promise<Uint8Array | string | undefined> {
  if (body === undefined || body === null) return undefined;
  if (body instanceof Uint8Array || typeof body === "string") return body;
  if (typeof (body as Blob).arrayBuffer === "function")
    return new Uint8Array(await (body as Blob).arrayBuffer());
  if (typeof (body as ReadableStream).getReader === "function") {
    const reader = (body as ReadableStream<Uint8Array>).getReader();
    const chunks: Uint8Array[] = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
    }
    return concat(chunks);
  }
  if (typeof (body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator] === "function") {
    const chunks: Uint8Array[] = [];
    for await (const chunk of body as AsyncIterable<Uint8Array | string>) {
      chunks.push(typeof chunk === "string" ? new TextEncoder().encode(chunk) : chunk);
    }
    return concat(chunks);
  }
  throw new TypeError("Unsupported response body type");
}

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  let length = 0;
  for (const c of chunks) length += c.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}
