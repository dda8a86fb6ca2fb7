import type { HttpResponseMessage } from "../protocol/types.js";

/** Cross-origin access for browsers (a web app on another origin calling the stub). */
export interface CorsOptions {
  /** Origins allowed to call: `"*"` (default) or a list such as `["http://localhost:5173"]`. */
  readonly origins?: "*" | readonly string[];
  /** How long a browser may cache a preflight answer, in seconds. Default 600. */
  readonly maxAgeSeconds?: number;
}

/** What a handler does with the CORS headers of a request. */
export interface CorsPolicy {
  /** The answer to a preflight (OPTIONS with Access-Control-Request-Method), else undefined. */
  preflight(
    method: string,
    headers: Readonly<Record<string, string>>,
  ): HttpResponseMessage | undefined;
  /** Adds the CORS headers an answer to a cross-origin request from an allowed origin needs. */
  decorate(answer: Record<string, string>, requestHeaders: Readonly<Record<string, string>>): void;
}

/**
 * The CORS policy of a `cors` option (`true`: any origin), or undefined when it is off.
 * Responses expose every header (`*`): the SDKs read x-amzn-requestid and x-amzn-errortype, and
 * REST-JSON outputs bind members to headers. Requests never carry cookies (the AWS SDKs send
 * none), so the wildcard holds.
 */
export function corsPolicy(setting: boolean | CorsOptions | undefined): CorsPolicy | undefined {
  if (!setting) return undefined;
  const options: CorsOptions = setting === true ? {} : setting;
  const origins = options.origins ?? "*";
  const maxAge = options.maxAgeSeconds ?? 600;
  if (!Number.isSafeInteger(maxAge) || maxAge < 0) {
    throw new TypeError(`cors.maxAgeSeconds must be a non-negative integer, got ${maxAge}`);
  }
  /** The Access-Control-Allow-Origin for `origin`, or undefined when it may not call. */
  const allowed = (origin: string | undefined): string | undefined => {
    if (origin === undefined) return undefined;
    if (origins === "*") return "*";
    return origins.includes(origin) ? origin : undefined;
  };
  const vary: Record<string, string> = origins === "*" ? {} : { vary: "Origin" };
  return {
    preflight(method, headers) {
      const requested = headers["access-control-request-method"];
      if (method !== "OPTIONS" || requested === undefined || headers.origin === undefined) {
        return undefined;
      }
      const allow = allowed(headers.origin);
      if (!allow) return { statusCode: 403, headers: { ...vary }, body: "" };
      return {
        statusCode: 204,
        headers: {
          "access-control-allow-origin": allow,
          "access-control-allow-methods": requested,
          "access-control-allow-headers": headers["access-control-request-headers"] ?? "*",
          "access-control-max-age": String(maxAge),
          ...vary,
        },
      };
    },
    decorate(answer, requestHeaders) {
      const allow = allowed(requestHeaders.origin);
      if (!allow) return;
      answer["access-control-allow-origin"] = allow;
      answer["access-control-expose-headers"] = "*";
      if (origins !== "*") answer.vary = "Origin";
    },
  };
}
