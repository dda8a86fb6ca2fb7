import type { OperationSchema, ServiceSchema, StructureSchema } from "../schema.js";

/**
 * A protocol-neutral HTTP message, the meeting point of the protocol codecs, the client's
 * transport and the server's Fetch-API handler. Header names are lower-cased.
 */
export interface HttpRequestMessage {
  method: string;
  /** Path without the query, percent-encoded as sent, e.g. `/detector/abc/publishingDestination`. */
  path: string;
  /** Decoded query parameters; repeated keys become arrays. */
  query: Record<string, string | string[]>;
  headers: Record<string, string>;
  /** `hostname` the request goes to, when a host prefix applies. */
  hostname?: string;
  /**
   * Client: the operation's `@endpoint(hostPrefix)` with its host labels filled in, e.g.
   * `foo.data.`; the client prepends it to the endpoint's hostname.
   */
  hostPrefix?: string;
  /**
   * Server: restJson1 label values the router already decoded (from `matchPath` on the
   * operation's template); the codec matches the path itself when absent.
   */
  labels?: Readonly<Record<string, string>>;
  body?: Uint8Array | string;
}

export interface HttpResponseMessage {
  statusCode: number;
  headers: Record<string, string>;
  body?: Uint8Array | string;
}

/**
 * One AWS protocol (awsJson1_1, restJson1): both directions of both messages, so that the
 * client and the server stub share one codec and cannot drift apart.
 */
export interface Protocol {
  /** Client: operation input (as the user passes it) -> HTTP request. */
  serializeRequest(service: ServiceSchema, op: OperationSchema, input: object): HttpRequestMessage;
  /**
   * Client: HTTP response -> operation output, or throws the modeled exception (instance of the
   * error schema's `exception` class, or the service's base exception for unknown codes).
   */
  deserializeResponse(
    service: ServiceSchema,
    op: OperationSchema,
    response: HttpResponseMessage,
  ): Promise<object>;
  /** Server: HTTP request (already routed to `op`) -> operation input. Throws ProtocolError. */
  deserializeRequest(
    service: ServiceSchema,
    op: OperationSchema,
    request: HttpRequestMessage,
  ): object;
  /** Server: operation output -> HTTP response. */
  serializeResponse(
    service: ServiceSchema,
    op: OperationSchema,
    output: object,
  ): HttpResponseMessage;
  /** Server: a modeled error (its schema and its member values) -> HTTP error response. */
  serializeError(
    service: ServiceSchema,
    error: StructureSchema,
    value: Record<string, unknown>,
  ): HttpResponseMessage;
}
