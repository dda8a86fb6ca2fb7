/** The four services of models/<svc>, loaded by the loader, emitted and handed to every consumer. */
import { describe, expect, it } from "vitest";
import { emitOpenApi } from "../../../src/emit/openapi/index.js";
import { loadFiles } from "../../../src/model/load.js";
import { flattenMixins } from "../../../src/model/mixins.js";
import { componentValidator, typeCheck, typesOf, validateOpenApi } from "./consumers.js";

const MODELS = new URL("../../../../models/", import.meta.url).pathname;

const SERVICES = [
  { dir: "inspector", protocol: "aws.protocols#awsJson1_1" },
  { dir: "guardduty", protocol: "aws.protocols#restJson1" },
  { dir: "securityhub", protocol: "aws.protocols#restJson1" },
  { dir: "securitylake", protocol: "aws.protocols#restJson1" },
];

describe.each(SERVICES)("models/$dir", ({ dir, protocol }) => {
  async function load() {
    const result = await loadFiles([`${MODELS}${dir}`]);
    expect(result.events.filter((event) => event.severity === "ERROR")).toEqual([]);
    const services = Object.entries(result.model.shapes).filter(
      ([, shape]) => shape.type === "service" && shape.traits?.["smithy.api#mixin"] === undefined,
    );
    expect(services).toHaveLength(1);
    const [serviceId] = services[0] as [string, unknown];
    return { model: result.model, serviceId };
  }

  it("emits a valid OpenAPI 3.1 document for every operation", { timeout: 120_000 }, async () => {
    const { model, serviceId } = await load();
    const doc = emitOpenApi(model, serviceId);
    expect(doc["x-smithy-protocol"]).toBe(protocol);
    expect(await validateOpenApi(doc)).toEqual([]);
    expect(() => componentValidator(doc)).not.toThrow();
    const operations = flattenMixins(model).shapes[serviceId]?.operations ?? [];
    expect(operations.length).toBeGreaterThan(0);
    const emitted = Object.values(doc.paths).flatMap((item) =>
      Object.values(item).map((op) => op["x-smithy-id"]),
    );
    expect(emitted.sort()).toEqual(operations.map((ref) => ref.target).sort());
    expect(JSON.stringify(emitOpenApi(model, serviceId))).toBe(JSON.stringify(doc));
  });

  it("becomes types with openapi-typescript that type-check under strict", {
    timeout: 120_000,
  }, async () => {
    const { model, serviceId } = await load();
    const types = await typesOf(emitOpenApi(model, serviceId));
    expect(typeCheck({ "api.d.ts": types })).toEqual([]);
  });
});
