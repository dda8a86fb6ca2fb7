import type { Agent as HttpAgent, IncomingMessage } from "node:http";
import type { Agent as HttpsAgent } from "node:https";
import type { HttpHandlerOptions, HttpRequest, HttpResponse } from "@smithy/types";
import { abortError, buildQueryString, type HttpHandler, timeoutError } from "../client/http.js";

export interface NodeHttpHandlerOptions {
  /** Per-attempt timeout in ms (a call's `requestTimeout` option overrides it). */
  requestTimeout?: number;
  /** Sockets kept per host (default 50, as the SDK). */
  maxSockets?: number;
  httpAgent?: HttpAgent;
  httpsAgent?: HttpsAgent;
}

/**
 * node:http(s) with keep-alive agents: the least work per call Node allows. The response body
 * comes back collected as a Uint8Array.
 */
export class NodeHttpHandler implements HttpHandler {
  private httpAgent?: HttpAgent;
  private httpsAgent?: HttpsAgent;
  /** node:https, loaded on the first https request (it pulls in tls). */
  private https?: typeof import("node:https");

  constructor(private readonly options: NodeHttpHandlerOptions = {}) {
    this.httpAgent = options.httpAgent;
    this.httpsAgent = options.httpsAgent;
  }

  handle(
    request: HttpRequest,
    options: HttpHandlerOptions = {},
  ): Promise<{ response: HttpResponse }> {
    if (request.protocol === "https:" && !this.https) {
      return import("node:https").then((https) => {
        this.https = https;
        return this.handle(request, options);
      });
    }
    return new Promise((resolve, reject) => {
      const signal = options.abortSignal as AbortSignal | undefined;
      if (signal?.aborted) {
        reject(abortError(signal.reason));
        return;
      }
      const https = request.protocol === "https:";
      const agent = https ? this.agentFor("https") : this.agentFor("http");
      const query = buildQueryString(request.query);
      const hostname = request.hostname.startsWith("[")
        ? request.hostname.slice(1, -1)
        : request.hostname;
      const req = (https ? this.https!.request : nodeHttp().request)(
        {
          agent,
          method: request.method,
          hostname,
          port: request.port,
          path: query ? `${request.path}?${query}` : request.path,
          headers: request.headers,
        },
        (res: IncomingMessage) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("error", fail);
          res.on("end", () => {
            cleanup();
            const buf = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
            const headers: Record<string, string> = {};
            const raw = res.headers;
            for (const name in raw) {
              const v = raw[name];
              if (v !== undefined) headers[name] = Array.isArray(v) ? v.join(", ") : v;
            }
            resolve({
              response: {
                statusCode: res.statusCode ?? 0,
                reason: res.statusMessage,
                headers,
                body: new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength),
              },
            });
          });
        },
      );
      const timeout = options.requestTimeout ?? this.options.requestTimeout;
      const timer = timeout
        ? setTimeout(() => req.destroy(timeoutError(timeout)), timeout)
        : undefined;
      const onAbort = () => req.destroy(abortError(signal?.reason));
      signal?.addEventListener("abort", onAbort, { once: true });
      function cleanup() {
        if (timer) clearTimeout(timer);
        signal?.removeEventListener("abort", onAbort);
      }
      function fail(error: Error) {
        cleanup();
        reject(error);
      }
      req.on("error", fail);
      const body = request.body as Uint8Array | string | undefined;
      if (body === undefined || body === null) req.end();
      else req.end(body);
    });
  }

  private agentFor(scheme: "http" | "https"): HttpAgent {
    const maxSockets = this.options.maxSockets ?? 50;
    if (scheme === "https") {
      this.httpsAgent ??= new this.https!.Agent({ keepAlive: true, maxSockets });
      return this.httpsAgent;
    }
    this.httpAgent ??= new (nodeHttp().Agent)({ keepAlive: true, maxSockets });
    return this.httpAgent;
  }

  destroy(): void {
    this.httpAgent?.destroy();
    this.httpsAgent?.destroy();
  }
}

/**
 * node:http, loaded when the first request goes out rather than when the package is imported:
 * it is the largest part of the runtime's import time (about 15 ms of Node's own modules).
 */
function nodeHttp(): typeof import("node:http") {
  return process.getBuiltinModule("node:http");
}
