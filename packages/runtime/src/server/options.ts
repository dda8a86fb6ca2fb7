import type { Protocol } from "../protocol/types.js";
import type { CorsOptions } from "./cors.js";

/** What an operation function receives besides its input. */
export interface RequestContext {
  /** The operation's name, e.g. `ListFindings`. */
  readonly operation: string;
  /** The id sent back in `x-amzn-RequestId` and written to the log line. */
  readonly requestId: string;
  /** Aborted when the client goes away (node adapter) or the Fetch request is aborted. */
  readonly signal?: AbortSignal;
  /** The access key id the request was signed with, when SigV4 verification is on. */
  readonly principal?: string;
  /** The request's headers, names lower-cased. */
  readonly headers: Readonly<Record<string, string>>;
}

/** A secret for an access key id, as the SigV4 credentials lookup returns it. */
export interface SigV4Secret {
  readonly secretAccessKey: string;
  /** When set, requests must carry this exact `X-Amz-Security-Token`. */
  readonly sessionToken?: string;
}

export interface SigV4Options {
  /** Looks up the secret of an access key id; `undefined` means the key is unknown. */
  readonly credentials: (accessKeyId: string) => Promise<SigV4Secret | undefined>;
  /** When set, the credential scope must name this region; otherwise any region is accepted. */
  readonly region?: string;
  /** The signing name the scope must name; defaults to the service's `signingName`. */
  readonly service?: string;
  /** Largest accepted distance between `X-Amz-Date` and the server clock. Default 15 minutes. */
  readonly clockSkewMs?: number;
  /** The clock, for tests. Default `Date.now`. */
  readonly now?: () => number;
}

export interface HandlerOptions {
  /** Largest accepted request body in bytes; larger gets 413. Default 1 MiB. */
  readonly maxBodyBytes?: number;
  /** Deepest accepted JSON nesting (objects + arrays); deeper gets 400 SerializationException. Default 64. */
  readonly maxDepth?: number;
  /** Optional request authentication. */
  readonly auth?: { readonly sigv4: SigV4Options };
  /** Receives one line per request (and nothing else). Default: no logging. */
  readonly logger?: (line: string) => void;
  /** Validate outputs against the model before sending them. Default true. */
  readonly validateOutput?: boolean;
  /** Name of the modeled error that answers invalid input (see README "Validation errors"). */
  readonly validationError?: string;
  /** Name of the modeled error that answers internal failures. */
  readonly internalError?: string;
  /** The wire protocol codec; defaults to the one the service's protocol trait names. */
  readonly protocol?: Protocol;
  /**
   * Answer browsers' cross-origin requests (preflights included): `true` for any origin, or
   * `{ origins: [...], maxAgeSeconds? }`. Default off: a browser on another origin is refused.
   */
  readonly cors?: boolean | CorsOptions;
}

export interface ResolvedOptions {
  readonly maxBodyBytes: number;
  readonly maxDepth: number;
  readonly sigv4?: SigV4Options;
  readonly logger?: (line: string) => void;
  readonly validateOutput: boolean;
}

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
export const DEFAULT_MAX_DEPTH = 64;

/** The options a handler takes: anything else is a mistake worth a clear error, not silence. */
const KNOWN_OPTIONS = new Set<string>([
  "maxBodyBytes",
  "maxDepth",
  "auth",
  "logger",
  "validateOutput",
  "validationError",
  "internalError",
  "protocol",
  "cors",
]);

/** Where a misplaced option belongs. */
const MOVED: Record<string, string> = {
  sigv4: "auth.sigv4",
  credentials: "auth.sigv4.credentials",
};

export function resolveOptions(options: HandlerOptions = {}): ResolvedOptions {
  // An unknown key (a `sigv4` one level too high, a typo) would otherwise switch nothing on:
  // for authentication, that is a server that checks no signature.
  for (const key of Object.keys(options)) {
    if (!KNOWN_OPTIONS.has(key)) {
      const hint = MOVED[key] ? ` (did you mean ${MOVED[key]}?)` : "";
      throw new TypeError(`unknown handler option '${key}'${hint}`);
    }
  }
  if (options.auth !== undefined && (typeof options.auth !== "object" || !options.auth?.sigv4)) {
    throw new TypeError("auth must be { sigv4: { credentials } }");
  }
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  if (!Number.isSafeInteger(maxBodyBytes) || maxBodyBytes < 0) {
    throw new TypeError(`maxBodyBytes must be a non-negative integer, got ${maxBodyBytes}`);
  }
  if (!Number.isSafeInteger(maxDepth) || maxDepth < 1) {
    throw new TypeError(`maxDepth must be a positive integer, got ${maxDepth}`);
  }
  return {
    maxBodyBytes,
    maxDepth,
    sigv4: options.auth?.sigv4,
    logger: options.logger,
    validateOutput: options.validateOutput ?? true,
  };
}
