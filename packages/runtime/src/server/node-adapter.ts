import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
  validateHeaderName,
  validateHeaderValue,
} from "node:http";
import { BodyTimeoutError, declaredTooLarge } from "./body.js";
import { BodyDeadlines } from "./body-deadlines.js";
import { isHeaderName, isHeaderValue } from "./header-checks.js";
import { readNodeBody } from "./node-body.js";
import { requestUrl, targetParts } from "./request-target.js";
import {
  bodyLimitOf,
  coreOf,
  type HandlerCore,
  type ServedRequest,
  type ServedResponse,
} from "./served-request.js";
import { wireRecord } from "./wire-record.js";

export interface NodeAdapterOptions {
  /**
   * Time a client has to send its whole body once its headers are in; a slower client gets
   * 408 RequestTimeoutException. Default 30 s.
   */
  readonly bodyTimeoutMs?: number;
  /** createNodeServer: time a client has to send its headers (node's `headersTimeout`). Default 10 s. */
  readonly headersTimeoutMs?: number;
  /** createNodeServer: largest accepted header block (node's `maxHeaderSize`). Default 16 KiB. */
  readonly maxHeaderBytes?: number;
  /** createNodeServer: idle time before a kept-alive connection closes. Default 5 s. */
  readonly keepAliveTimeoutMs?: number;
  /** createNodeServer: connections beyond this many are refused (node's `maxConnections`). */
  readonly maxConnections?: number;
}

const DEFAULT_BODY_TIMEOUT_MS = 30_000;
const DEFAULT_HEADERS_TIMEOUT_MS = 10_000;
const GET_OR_HEAD = new Set(["GET", "HEAD"]);

/**
 * Adapts a Fetch-API handler to node:http. The body is read under a body timeout and the
 * handler's size limit; a client that disconnects aborts the request's signal. A handler from
 * `createHandler` is served through its core on plain messages (no Fetch Request/Response per
 * request); any other handler gets a streamed Fetch Request. The listener never throws and
 * never leaves a response hanging.
 */
export function toNodeListener(
  handler: (request: Request) => Promise<Response>,
  options: NodeAdapterOptions = {},
): (req: IncomingMessage, res: ServerResponse) => void {
  const bodyTimeoutMs = options.bodyTimeoutMs ?? DEFAULT_BODY_TIMEOUT_MS;
  const core = coreOf(handler);
  const deadlines = new BodyDeadlines(bodyTimeoutMs);
  return (req, res) => {
    req.on("error", ignore);
    res.on("error", ignore);
    const served = core
      ? serveCore(core, req, res, deadlines)
      : serve(handler, req, res, bodyTimeoutMs);
    served.catch(() => answerFailure(res));
  };
}

function ignore(): void {}

/**
 * A node:http server for a handler, hardened against slow and oversized clients: header and
 * body timeouts, a header size cap, and idle keep-alive connections closed.
 */
export function createNodeServer(
  handler: (request: Request) => Promise<Response>,
  options: NodeAdapterOptions = {},
): Server {
  const headersTimeout = options.headersTimeoutMs ?? DEFAULT_HEADERS_TIMEOUT_MS;
  const bodyTimeout = options.bodyTimeoutMs ?? DEFAULT_BODY_TIMEOUT_MS;
  const listener = toNodeListener(handler, options);
  const server = createServer(
    {
      headersTimeout,
      // Node's own whole-request deadline, a backstop behind the adapter's 408.
      requestTimeout: headersTimeout + bodyTimeout + 5_000,
      // How often node checks the two deadlines above.
      connectionsCheckingInterval: Math.max(10, Math.min(1_000, Math.floor(headersTimeout / 4))),
      keepAliveTimeout: options.keepAliveTimeoutMs ?? 5_000,
      maxHeaderSize: options.maxHeaderBytes ?? 16 * 1024,
    },
    listener,
  );
  // A client that sends `Expect: 100-continue` waits to be invited before sending its body;
  // node would invite every one. A body already declared over the handler's limit is refused
  // at once (the handler answers 413) without inviting it.
  const limit = bodyLimitOf(handler);
  server.on("checkContinue", (req: IncomingMessage, res: ServerResponse) => {
    if (limit === undefined || !declaredTooLarge(req.headers["content-length"], limit)) {
      res.writeContinue();
    }
    listener(req, res);
  });
  if (options.maxConnections !== undefined) server.maxConnections = options.maxConnections;
  return server;
}

/** The node request as the core sees it: the URL, the body and the signal made on demand. */
class NodeServedRequest implements ServedRequest {
  readonly method: string;
  readonly path: string;
  readonly search: string;
  readonly headers: Record<string, string>;
  readonly #req: IncomingMessage;
  readonly #res: ServerResponse;
  readonly #deadlines: BodyDeadlines;
  #url: URL | undefined;
  #aborted: AbortController | undefined;

  constructor(req: IncomingMessage, res: ServerResponse, method: string, deadlines: BodyDeadlines) {
    this.method = method;
    this.headers = headerRecord(req);
    const parts = targetParts(req.url ?? "/", req.headers.host);
    this.path = parts.path;
    this.search = parts.search;
    this.#req = req;
    this.#res = res;
    this.#deadlines = deadlines;
  }

  url(): URL {
    this.#url ??= requestUrl(this.#req.url ?? "/", this.#req.headers.host);
    return this.#url;
  }

  readBody(maxBytes: number): Promise<Uint8Array> {
    return GET_OR_HEAD.has(this.method)
      ? Promise.resolve(new Uint8Array(0))
      : readNodeBody(this.#req, maxBytes, this.#deadlines);
  }

  signal(): AbortSignal {
    if (!this.#aborted) {
      const controller = new AbortController();
      const res = this.#res;
      const onClose = () => {
        if (!res.writableFinished) controller.abort();
      };
      if (res.closed) onClose();
      else res.once("close", onClose);
      this.#aborted = controller;
    }
    return this.#aborted.signal;
  }
}

async function serveCore(
  core: HandlerCore,
  req: IncomingMessage,
  res: ServerResponse,
  deadlines: BodyDeadlines,
): Promise<void> {
  const method = (req.method ?? "GET").toUpperCase();
  if (GET_OR_HEAD.has(method)) req.resume(); // a GET's stray body is discarded, never buffered
  const answer = await core(new NodeServedRequest(req, res, method, deadlines), forNode);
  if (res.destroyed) return;
  // A body the handler did not read to the end (413, early errors) is not worth reading
  // further: close the connection after the answer instead.
  if (!req.complete) answer.headers.connection = "close";
  res.writeHead(answer.status, answer.headers);
  res.end(answer.body ?? undefined);
}

/**
 * The checks and defaults a Fetch Response would apply, so both paths answer alike: a status
 * in 200-599, valid header names and values (a throw makes the core answer 500 instead), a
 * text/plain type for an untyped text body, and the Content-Length. The request id and the date
 * are the core's own (it sets them last, over any the codec wrote) and need no check.
 */
function forNode(answer: ServedResponse): ServedResponse {
  if (!(answer.status >= 200 && answer.status <= 599)) {
    throw new RangeError(`status ${answer.status} is outside 200-599`);
  }
  const headers = answer.headers;
  for (const name in headers) {
    if (name === "x-amzn-requestid" || name === "date") continue;
    const value = headers[name];
    if (!isHeaderName(name)) validateHeaderName(name); // throws node's error
    if (typeof value !== "string" || !isHeaderValue(value)) validateHeaderValue(name, value);
  }
  const body = answer.body;
  if (typeof body === "string" && headers["content-type"] === undefined) {
    headers["content-type"] = "text/plain;charset=UTF-8";
  }
  headers["content-length"] = String(
    body === null ? 0 : typeof body === "string" ? Buffer.byteLength(body) : body.byteLength,
  );
  return answer;
}

/** Header names lower-cased, repeats joined with ", " (as Fetch Headers does). */
function headerRecord(req: IncomingMessage): Record<string, string> {
  const out = wireRecord<string>();
  const raw = req.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    const value = raw[i + 1]!;
    const previous = out[name];
    out[name] = previous === undefined ? value : `${previous}, ${value}`;
  }
  return out;
}

async function serve(
  handler: (request: Request) => Promise<Response>,
  req: IncomingMessage,
  res: ServerResponse,
  bodyTimeoutMs: number,
): Promise<void> {
  const aborted = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) aborted.abort();
  });
  const method = (req.method ?? "GET").toUpperCase();
  const hasBody = !GET_OR_HEAD.has(method);
  const body = hasBody ? bodyStream(req, bodyTimeoutMs) : undefined;
  if (!hasBody) req.resume(); // a GET's stray body is discarded, never buffered
  const request = new Request(requestUrl(req.url ?? "/", req.headers.host).href, {
    method,
    headers: requestHeaders(req),
    signal: aborted.signal,
    ...(body ? { body: body.stream, duplex: "half" } : {}),
  } as RequestInit);
  let response: Response;
  try {
    response = await handler(request);
  } finally {
    body?.stop();
  }
  const payload = new Uint8Array(await response.arrayBuffer());
  if (res.destroyed) return;
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  headers["content-length"] = String(payload.byteLength);
  // A body the handler did not read to the end (413, early errors) is not worth reading
  // further: close the connection after the answer instead.
  if (!req.complete) headers.connection = "close";
  res.writeHead(response.status, headers);
  res.end(method === "HEAD" ? undefined : payload);
}

function requestHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  const raw = req.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    try {
      headers.append(raw[i]!, raw[i + 1]!);
    } catch {
      // A header value Fetch refuses cannot reach the handler; drop it.
    }
  }
  return headers;
}

/**
 * The request body as a web stream with backpressure, erroring with BodyTimeoutError when the
 * client has not finished sending it in time.
 */
function bodyStream(req: IncomingMessage, timeoutMs: number) {
  let timer: NodeJS.Timeout | undefined;
  let settled = false;
  let controllerRef: ReadableStreamDefaultController<Uint8Array> | undefined;
  const stop = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
  };
  const abortWith = (error: Error) => {
    if (settled) return;
    settled = true;
    stop();
    try {
      controllerRef?.error(error);
    } catch {
      // Already closed or cancelled.
    }
  };
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controllerRef = controller;
      timer = setTimeout(() => {
        req.pause();
        abortWith(new BodyTimeoutError("request body timeout"));
      }, timeoutMs);
      timer.unref?.();
      req.on("data", (chunk: Buffer) => {
        if (settled) return;
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if ((controller.desiredSize ?? 0) <= 0) req.pause();
      });
      req.on("end", () => {
        if (settled) return;
        settled = true;
        stop();
        controller.close();
      });
      req.on("aborted", () => abortWith(new Error("client aborted the request")));
      req.on("error", (error) => abortWith(error));
      req.on("close", () => {
        if (!req.complete) abortWith(new Error("connection closed before the body was complete"));
      });
    },
    pull() {
      if (!settled) req.resume();
    },
    cancel() {
      settled = true;
      stop();
      req.pause();
    },
  });
  return { stream, stop };
}

/** Last resort when the adapter itself failed: a generic 500, or a closed connection. */
function answerFailure(res: ServerResponse): void {
  try {
    if (!res.headersSent && !res.destroyed) {
      const body = '{"__type":"InternalFailure","message":"Internal server error"}';
      res.writeHead(500, {
        "content-type": "application/json",
        "x-amzn-errortype": "InternalFailure",
        "content-length": String(Buffer.byteLength(body)),
        connection: "close",
      });
      res.end(body);
    } else {
      res.destroy();
    }
  } catch {
    res.destroy();
  }
}
