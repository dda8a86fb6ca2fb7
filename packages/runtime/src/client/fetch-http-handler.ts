import type { HttpHandlerOptions, HttpRequest, HttpResponse } from "@smithy/types";
import { abortError, buildQueryString, type HttpHandler, timeoutError } from "./http.js";

/** A RequestHandler on the Fetch API: the default in browsers, usable anywhere fetch exists. */
export class FetchHttpHandler implements HttpHandler {
  constructor(private readonly options: { requestTimeout?: number } = {}) {}

  async handle(
    request: HttpRequest,
    options: HttpHandlerOptions = {},
  ): Promise<{ response: HttpResponse }> {
    const signal = options.abortSignal as AbortSignal | undefined;
    if (signal?.aborted) throw abortError(signal.reason);
    const query = buildQueryString(request.query);
    const port = request.port ? `:${request.port}` : "";
    const url = `${request.protocol}//${request.hostname}${port}${request.path}${query ? `?${query}` : ""}`;
    const timeout = options.requestTimeout ?? this.options.requestTimeout;
    const controller = new AbortController();
    let failure: Error | undefined;
    const onAbort = () => {
      failure = abortError(signal?.reason);
      controller.abort();
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    const timer = timeout
      ? setTimeout(() => {
          failure = timeoutError(timeout);
          controller.abort();
        }, timeout)
      : undefined;
    try {
      const { host: _host, ...headers } = request.headers; // fetch sets Host itself
      const res = await fetch(url, {
        method: request.method,
        headers,
        body:
          request.method === "GET" || request.method === "HEAD"
            ? undefined
            : (request.body as BodyInit),
        signal: controller.signal,
      });
      const body = new Uint8Array(await res.arrayBuffer());
      const resHeaders: Record<string, string> = {};
      res.headers.forEach((v, k) => {
        resHeaders[k] = v;
      });
      return {
        response: { statusCode: res.status, reason: res.statusText, headers: resHeaders, body },
      };
    } catch (e) {
      throw failure ?? e;
    } finally {
      if (timer) clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
    }
  }

  destroy(): void {}
}
