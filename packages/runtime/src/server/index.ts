// @docsmith/runtime/server: the runtime of generated server stubs. Never imported by the client
// entry (src/index.ts), so client bundles do not carry it.
export type { CorsOptions } from "./cors.js";
export { createHandler } from "./handler.js";
export { createNodeServer, type NodeAdapterOptions, toNodeListener } from "./node-adapter.js";
export type {
  HandlerOptions,
  RequestContext,
  SigV4Options,
  SigV4Secret,
} from "./options.js";
export { ServiceError } from "./service-error.js";
