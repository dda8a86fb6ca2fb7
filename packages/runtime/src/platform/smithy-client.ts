// @smithy/smithy-client's classes (they live in @smithy/core/client), loaded on Node with
// require(): Node resolves the package to its CommonJS build either way, and an ES `import` of
// CommonJS first scans its source for export names, which doubled the cost of loading it (about
// 25 ms against 10). Browsers and bundlers get the ES build (smithy-client.browser.ts).
import { createRequire } from "node:module";

type SmithyClient = typeof import("@smithy/core/client");

const smithy = createRequire(import.meta.url)("@smithy/core/client") as SmithyClient;

export const Client: SmithyClient["Client"] = smithy.Client;
export const Command: SmithyClient["Command"] = smithy.Command;
export const ServiceException: SmithyClient["ServiceException"] = smithy.ServiceException;
export const constructStack: SmithyClient["constructStack"] = smithy.constructStack;
export const createAggregatedClient: SmithyClient["createAggregatedClient"] =
  smithy.createAggregatedClient;
export const decorateServiceException: SmithyClient["decorateServiceException"] =
  smithy.decorateServiceException;
