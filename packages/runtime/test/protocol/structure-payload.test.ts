import { describe, expect, it } from "vitest";
import { restJson1 } from "../../src/protocol/rest-json.js";
import type { OperationSchema, StructureSchema } from "../../src/schema.js";
import { restService } from "./fixtures.js";

const payloadInput = (config: StructureSchema): StructureSchema => ({
  type: "structure",
  id: "t#TestPayloadStructureInput",
  members: {
    testId: { target: { type: "string" }, http: { in: "header", name: "x-amz-test-id" } },
    payloadConfig: { target: config, http: { in: "payload" } },
  },
});
const optional: StructureSchema = {
  type: "structure",
  id: "t#PayloadConfig",
  members: { data: { target: { type: "integer", width: "integer" } } },
};
const withRequired: StructureSchema = {
  type: "structure",
  id: "t#StrictConfig",
  members: { data: { target: { type: "integer" }, required: true } },
};
const op = (input: StructureSchema): OperationSchema => ({
  name: "TestPayloadStructure",
  input,
  output: { type: "structure", id: "t#Out", members: {} },
  errors: [],
  http: { method: "POST", uri: "/payload", code: 200 },
});

const read = (input: StructureSchema, body: string) =>
  restJson1.deserializeRequest(restService, op(input), {
    method: "POST",
    path: "/payload",
    query: {},
    headers: { "content-type": "application/json", "x-amz-test-id": "t-1" },
    body,
  });

describe("a structure @httpPayload on the server", () => {
  it("reads `{}` (what a client sends for an unset payload) as unset", () => {
    expect(read(payloadInput(optional), "{}")).toEqual({ testId: "t-1" });
  });

  it("keeps a non-empty payload, and `{}` for a structure whose members say something", () => {
    expect(read(payloadInput(optional), '{"data": 25}')).toEqual({
      testId: "t-1",
      payloadConfig: { data: 25 },
    });
    expect(read(payloadInput(withRequired), "{}")).toEqual({ testId: "t-1", payloadConfig: {} });
  });

  it("round-trips an unset payload from the client", () => {
    const request = restJson1.serializeRequest(restService, op(payloadInput(optional)), {
      testId: "t-1",
    });
    expect(request.body).toBe("{}");
    expect(read(payloadInput(optional), String(request.body))).toEqual({ testId: "t-1" });
  });
});
