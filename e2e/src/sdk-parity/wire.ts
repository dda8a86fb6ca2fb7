/**
 * A request as it would leave the process, captured without network, in one comparable form:
 * what the protocol decides (method, path, query, target, content type, bound headers, JSON
 * body), without what only transports and signers add.
 */
import type { HttpRequest } from "@smithy/types";

export interface WireRequest {
  readonly method: string;
  readonly path: string;
  /** Decoded `[key, value]` pairs, sorted (order carries no meaning). */
  readonly query: ReadonlyArray<readonly [string, string]>;
  /** Lower-cased names; transport, signing and SDK telemetry headers left out. */
  readonly headers: Readonly<Record<string, string>>;
  /** The JSON body parsed, or the raw text when it is not JSON; undefined when empty. */
  readonly body: unknown;
}

const NOT_PROTOCOL = new Set([
  "authorization",
  "host",
  "content-length",
  "user-agent",
  "x-amz-user-agent",
  "x-amz-date",
  "x-amz-content-sha256",
  "x-amz-security-token",
  "amz-sdk-invocation-id",
  "amz-sdk-request",
]);

function headersOf(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    const lower = name.toLowerCase();
    if (NOT_PROTOCOL.has(lower) || value === undefined) continue;
    out[lower] = Array.isArray(value) ? value.join(", ") : String(value);
  }
  return out;
}

function bodyOf(body: unknown): unknown {
  if (body === undefined || body === null) return undefined;
  const text =
    typeof body === "string"
      ? body
      : body instanceof Uint8Array
        ? new TextDecoder().decode(body)
        : Buffer.isBuffer(body)
          ? body.toString("utf8")
          : undefined;
  if (text === undefined) throw new Error(`Unexpected request body type ${typeof body}`);
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function sortPairs(pairs: Array<[string, string]>): Array<[string, string]> {
  return pairs.sort((a, b) =>
    a[0] === b[0] ? (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0) : a[0] < b[0] ? -1 : 1,
  );
}

/** From a @smithy/types HttpRequest (AWS SDK v3 and docsmith clients). */
export function fromSmithyRequest(request: HttpRequest): WireRequest {
  const pairs: Array<[string, string]> = [];
  for (const [key, value] of Object.entries(request.query ?? {})) {
    if (value === null || value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) pairs.push([key, String(v)]);
  }
  return {
    method: request.method.toUpperCase(),
    path: request.path,
    query: sortPairs(pairs),
    headers: headersOf(request.headers),
    body: bodyOf(request.body),
  };
}

/** From an AWS SDK v2 `AWS.HttpRequest` (path carries the encoded query string). */
export function fromV2Request(request: {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
}): WireRequest {
  const q = request.path.indexOf("?");
  const pairs: Array<[string, string]> = [];
  if (q >= 0) {
    for (const part of request.path.slice(q + 1).split("&")) {
      if (part === "") continue;
      const eq = part.indexOf("=");
      const key = eq >= 0 ? part.slice(0, eq) : part;
      const value = eq >= 0 ? part.slice(eq + 1) : "";
      pairs.push([decodeURIComponent(key), decodeURIComponent(value)]);
    }
  }
  return {
    method: request.method.toUpperCase(),
    path: q >= 0 ? request.path.slice(0, q) : request.path,
    query: sortPairs(pairs),
    headers: headersOf(request.headers),
    body: bodyOf(request.body),
  };
}

/** What a CapturingHandler answers. */
export interface CannedResponse {
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/**
 * A RequestHandler for AWS SDK v3 and docsmith clients that records each request and answers
 * (200 `{}` unless told otherwise) without touching the network.
 */
export class CapturingHandler {
  readonly requests: HttpRequest[] = [];
  readonly metadata = { handlerProtocol: "http/1.1" };

  constructor(
    private readonly answer: CannedResponse = {
      statusCode: 200,
      headers: { "content-type": "application/json", "x-amzn-requestid": "parity" },
      body: "{}",
    },
  ) {}

  async handle(request: HttpRequest): Promise<{ response: any }> {
    this.requests.push(request);
    return {
      response: {
        statusCode: this.answer.statusCode,
        headers: { ...this.answer.headers },
        body: new TextEncoder().encode(this.answer.body),
      },
    };
  }

  updateHttpClientConfig(): void {}

  httpHandlerConfigs(): Record<string, never> {
    return {};
  }

  destroy(): void {}
}
