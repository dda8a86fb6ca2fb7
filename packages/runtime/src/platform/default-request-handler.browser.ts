// Browsers: fetch (see default-request-handler.ts).
import { FetchHttpHandler } from "../client/fetch-http-handler.js";
import type { HttpHandler } from "../client/http.js";

export function createDefaultRequestHandler(requestTimeout?: number): HttpHandler {
  return new FetchHttpHandler({ requestTimeout });
}
