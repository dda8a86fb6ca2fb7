// The handler core's view of one request and its answer: plain data, so the node adapter can
// serve without building Fetch Request/Response objects, and the Fetch handler is a thin wrapper.

/** One received request, already decoded enough to route. */
export interface ServedRequest {
  /** Upper-case. */
  readonly method: string;
  /** The path without the query, as a WHATWG URL's `pathname` has it (percent-encoded). */
  readonly path: string;
  /** The query without its `?`, as a WHATWG URL's `search` has it; "" when there is none. */
  readonly search: string;
  /** The whole URL (Host header included), built on first call: only SigV4 needs it. */
  url(): URL;
  /** Names lower-cased, repeated headers joined with ", " (as Fetch `Headers` does). */
  readonly headers: Record<string, string>;
  /**
   * The whole body, at most `maxBytes`: throws a Rejection (413 too large, 408 too slow, 400
   * incomplete) otherwise. Called at most once.
   */
  readBody(maxBytes: number): Promise<Uint8Array>;
  /** The request's abort signal, created on first call (most operations never ask). */
  signal(): AbortSignal;
}

/** The final answer: status, every header (names lower-cased), and the body to send. */
export interface ServedResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  /** `null` for HEAD and null-body statuses (204, 304...). */
  readonly body: Uint8Array | string | null;
}

/**
 * Serves one request; `build` turns the answer into the caller's response type and may throw
 * (an invalid header value), in which case a 500 is built instead. Never throws otherwise.
 */
export type HandlerCore = <T>(
  request: ServedRequest,
  build: (answer: ServedResponse) => T,
) => Promise<T>;

/** Where a handler from `createHandler` carries its core, for `toNodeListener`. */
export const HANDLER_CORE: unique symbol = Symbol.for("docsmith.server.handlerCore");

/** Where it carries its largest accepted body, for `createNodeServer`'s answer to Expect. */
export const HANDLER_BODY_LIMIT: unique symbol = Symbol.for("docsmith.server.bodyLimit");

export function bodyLimitOf(handler: unknown): number | undefined {
  const limit = (handler as { [HANDLER_BODY_LIMIT]?: unknown } | null)?.[HANDLER_BODY_LIMIT];
  return typeof limit === "number" ? limit : undefined;
}

export function coreOf(handler: unknown): HandlerCore | undefined {
  const core = (handler as { [HANDLER_CORE]?: unknown } | null)?.[HANDLER_CORE];
  return typeof core === "function" ? (core as HandlerCore) : undefined;
}
