/** The protocol-test services of the Smithy suite, emitted and handed to every consumer. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { emitOpenApi } from "../../../src/emit/openapi/index.js";
import type { Model } from "../../../src/model/ast.js";
import { componentValidator, typeCheck, typesOf, validateOpenApi } from "./consumers.js";

const SUITE = "/work/shared/smithy/protocol-tests/json-ast/awsJson1_1+restJson1.all.json";
const model = JSON.parse(readFileSync(SUITE, "utf8")) as Model;

const SERVICES = [
  "aws.protocoltests.restjson#RestJson",
  "aws.protocoltests.restjson.validation#RestJsonValidation",
  "aws.protocoltests.json#JsonProtocol",
];

describe.each(SERVICES)("%s", (serviceId) => {
  const doc = emitOpenApi(model, serviceId);

  it("passes the OpenAPI 3.1 validator", async () => {
    expect(await validateOpenApi(doc)).toEqual([]);
  });

  it("has component schemas that compile as strict JSON Schema 2020-12", () => {
    expect(() => componentValidator(doc)).not.toThrow();
  });

  it("becomes types with openapi-typescript that type-check under strict", {
    timeout: 120_000,
  }, async () => {
    const types = await typesOf(doc);
    expect(types).toContain("export interface paths");
    expect(typeCheck({ "api.d.ts": types })).toEqual([]);
  });

  it("maps every operation of the service exactly once", () => {
    const service = model.shapes[serviceId];
    const ids = Object.values(doc.paths).flatMap((item) =>
      Object.values(item).map((op) => op["x-smithy-id"]),
    );
    expect(ids.sort()).toEqual((service?.operations ?? []).map((ref) => ref.target).sort());
  });

  it("is deterministic", () => {
    expect(JSON.stringify(emitOpenApi(model, serviceId))).toBe(JSON.stringify(doc));
  });
});
