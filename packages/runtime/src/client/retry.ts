import type {
  FinalizeHandler,
  FinalizeHandlerArguments,
  FinalizeHandlerOutput,
  MetadataBearer,
} from "@smithy/types";
import { abortError } from "./http.js";

/**
 * AWS SDK "standard" retry mode: up to `maxAttempts` attempts on throttling errors, transient
 * (5xx, timeouts) and network errors; exponential backoff with full jitter (base 100 ms, 500 ms
 * when throttled, capped at 20 s); a per-client retry quota so an outage does not multiply load.
 */

const THROTTLING_CODES = new Set([
  "Throttling",
  "ThrottlingException",
  "ThrottledException",
  "RequestThrottledException",
  "TooManyRequestsException",
  "ProvisionedThroughputExceededException",
  "TransactionInProgressException",
  "RequestLimitExceeded",
  "BandwidthLimitExceeded",
  "LimitExceededException",
  "RequestThrottled",
  "SlowDown",
  "PriorRequestNotComplete",
  "EC2ThrottledException",
]);
const TRANSIENT_CODES = new Set(["TimeoutError", "RequestTimeout", "RequestTimeoutException"]);
// Signed with a time the service refused: the deserialize step has corrected the clock by then.
const CLOCK_SKEW_CODES = new Set([
  "AuthFailure",
  "InvalidSignatureException",
  "RequestExpired",
  "RequestInTheFuture",
  "RequestTimeTooSkewed",
  "SignatureDoesNotMatch",
]);
const TRANSIENT_STATUS = new Set([500, 502, 503, 504]);
const NETWORK_CODES = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "EPIPE",
  "ETIMEDOUT",
  "EAI_AGAIN",
  "ENOTFOUND",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "UND_ERR_SOCKET",
  "UND_ERR_CONNECT_TIMEOUT",
]);

interface ErrorLike {
  name?: string;
  code?: string;
  $fault?: string;
  $retryable?: { throttling?: boolean };
  $metadata?: {
    httpStatusCode?: number;
    attempts?: number;
    totalRetryDelay?: number;
    clockSkewCorrected?: boolean;
  };
  cause?: unknown;
}

export type RetryKind = "throttling" | "transient" | undefined;

/** Whether an error is worth another attempt, and which backoff base applies. */
export function classifyError(error: unknown): RetryKind {
  const e = error as ErrorLike;
  if (!e || e.name === "AbortError") return undefined;
  const status = e.$metadata?.httpStatusCode;
  if (e.$retryable?.throttling || status === 429 || (e.name && THROTTLING_CODES.has(e.name)))
    return "throttling";
  if (e.$retryable) return "transient";
  if (e.name && TRANSIENT_CODES.has(e.name)) return "transient";
  if (e.name && CLOCK_SKEW_CODES.has(e.name) && e.$metadata?.clockSkewCorrected) return "transient";
  if (status !== undefined && TRANSIENT_STATUS.has(status)) return "transient";
  const code = e.code ?? (e.cause as ErrorLike | undefined)?.code;
  if (code && NETWORK_CODES.has(code)) return "transient";
  // fetch reports network failures as a bare TypeError ("fetch failed").
  if (
    status === undefined &&
    e.$fault === undefined &&
    e.name === "TypeError" &&
    /fetch/i.test(String((e as Error).message))
  ) {
    return "transient";
  }
  return undefined;
}

const MAX_DELAY = 20_000;
const INITIAL_QUOTA = 500;
const RETRY_COST = 5;
const TIMEOUT_COST = 10;

/** The retry quota of one client (the SDK's token bucket). */
export class RetryQuota {
  private tokens = INITIAL_QUOTA;
  take(error: unknown): number | undefined {
    const cost = (error as ErrorLike).name === "TimeoutError" ? TIMEOUT_COST : RETRY_COST;
    if (this.tokens < cost) return undefined;
    this.tokens -= cost;
    return cost;
  }
  release(cost: number | undefined): void {
    this.tokens = Math.min(INITIAL_QUOTA, this.tokens + (cost ?? 1));
  }
}

/** Full-jitter delay before attempt `attempt + 1`. */
export function backoffDelay(attempt: number, kind: RetryKind): number {
  const base = kind === "throttling" ? 500 : 100;
  return Math.floor(Math.min(MAX_DELAY, Math.random() * 2 ** attempt * base));
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError(signal.reason));
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal?.reason));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** Per-call state the client threads through the middleware arguments. */
export interface CallOptions {
  abortSignal?: AbortSignal;
  requestTimeout?: number;
}
export const CALL_OPTIONS = Symbol.for("@docsmith/runtime#callOptions");
export type ArgsWithOptions = { [CALL_OPTIONS]?: CallOptions };

/** The retry step: wraps signing, sending and parsing; records attempts on $metadata. */
export function retryMiddleware(maxAttempts: () => Promise<number>, quota: RetryQuota) {
  return (next: FinalizeHandler<any, MetadataBearer>) =>
    async (args: FinalizeHandlerArguments<any>): Promise<FinalizeHandlerOutput<MetadataBearer>> => {
      const options = (args as ArgsWithOptions)[CALL_OPTIONS];
      const signal = options?.abortSignal;
      const max = Math.max(1, await maxAttempts());
      let totalRetryDelay = 0;
      let cost: number | undefined;
      for (let attempt = 1; ; attempt++) {
        if (signal?.aborted) throw abortError(signal.reason);
        try {
          const result = await next(args);
          quota.release(cost);
          const meta = (result.output as MetadataBearer | undefined)?.$metadata;
          if (meta) {
            meta.attempts = attempt;
            meta.totalRetryDelay = totalRetryDelay;
          }
          return result;
        } catch (error) {
          const kind = classifyError(error);
          const e = error as ErrorLike;
          cost = kind === undefined || attempt >= max ? undefined : quota.take(error);
          if (cost === undefined) {
            if (e && typeof e === "object") {
              e.$metadata ??= {};
              e.$metadata.attempts = attempt;
              e.$metadata.totalRetryDelay = totalRetryDelay;
            }
            throw error;
          }
          const delay = backoffDelay(attempt, kind);
          totalRetryDelay += delay;
          await sleep(delay, signal);
        }
      }
    };
}
