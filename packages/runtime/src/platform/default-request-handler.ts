// Node: node:http(s) with keep-alive. The browser build (scripts/bundle.mjs) swaps this module for
// default-request-handler.browser.ts, so browser bundles never see node:http.
import type { HttpHandler } from "../client/http.js";
import { NodeHttpHandler } from "./node-http-handler.js";

export function createDefaultRequestHandler(requestTimeout?: number): HttpHandler {
  return new NodeHttpHandler({ requestTimeout });
}
