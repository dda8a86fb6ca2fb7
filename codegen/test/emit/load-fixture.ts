import { readFileSync } from "node:fs";
import { type ServiceView, serviceView } from "../../src/emit/service-view.js";
import type { Model } from "../../src/model/ast.js";
import { flattenMixins } from "../../src/model/mixins.js";

export const PROTOCOL_TESTS =
  "/work/shared/smithy/protocol-tests/json-ast/awsJson1_1+restJson1.all.json";

export function fixtureModel(): Model {
  return JSON.parse(
    readFileSync(new URL("./fixtures/things.json", import.meta.url), "utf8"),
  ) as Model;
}

export function thingsView(): ServiceView {
  return serviceView(fixtureModel(), "example.things#ThingsService");
}

let protocolTests: Model | undefined;

/** The Smithy protocol-test model (both JSON protocols, every HTTP binding), mixins flattened. */
export function protocolTestView(serviceId: string): ServiceView {
  protocolTests ??= flattenMixins(JSON.parse(readFileSync(PROTOCOL_TESTS, "utf8")) as Model);
  return serviceView(protocolTests, serviceId);
}
