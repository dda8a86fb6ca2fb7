// Smithy protocol-test behaviours the compliance runner (e2e/protocol-tests/FAILURES.md) found
// missing in the codecs, each named after its case.
import { describe, expect, it } from "vitest";
import { awsJson1_1 } from "../../src/protocol/aws-json.js";
import { ProtocolError } from "../../src/protocol/errors.js";
import { restJson1 } from "../../src/protocol/rest-json.js";
import type { OperationSchema, StructureSchema } from "../../src/schema.js";
import { jsonService, KitchenSinkOp, MyUnion, restService, text } from "./fixtures.js";

const str = { type: "string" } as const;
const UNIT: StructureSchema = { type: "structure", id: "smithy.api#Unit", members: {} };
const EMPTY: StructureSchema = { type: "structure", id: "t#Empty", members: {} };

function op(name: string, input: StructureSchema, output: StructureSchema): OperationSchema {
  return { name, input, output, errors: [], http: { method: "POST", uri: `/${name}`, code: 200 } };
}

describe("responses of operations without output", () => {
  it.each([
    ["awsJson1_1", awsJson1_1, jsonService],
    ["restJson1", restJson1, restService],
  ] as const)("%s: no body for Unit output, {} for an empty structure", (_n, protocol, service) => {
    // json_1_1_service_responds_with_no_payload, RestJsonNoInputAndNoOutput
    const none = protocol.serializeResponse(service, op("NoOutput", UNIT, UNIT), {});
    expect(none.statusCode).toBe(200);
    expect(none.body ?? "").toBe("");
    // RestJsonEmptyInputAndEmptyOutput
    const empty = protocol.serializeResponse(service, op("EmptyOutput", EMPTY, EMPTY), {});
    expect(text(empty.body)).toBe("{}");
  });
});

describe("restJson1 @httpQuery on an output member", () => {
  // RestJsonIgnoreQueryParamsInResponse: on responses only headers, prefix headers, the payload
  // and the status code bind; a query-bound output member is a body member.
  const Output: StructureSchema = {
    type: "structure",
    id: "t#IgnoreQueryParamsInResponseOutput",
    members: { baz: { target: str, http: { in: "query", name: "baz" } } },
  };
  const IgnoreQuery: OperationSchema = {
    ...op("IgnoreQueryParamsInResponse", UNIT, Output),
    http: { method: "GET", uri: "/IgnoreQueryParamsInResponse", code: 200 },
  };

  it("is written to the body by the server", () => {
    const response = restJson1.serializeResponse(restService, IgnoreQuery, { baz: "bam" });
    expect(JSON.parse(text(response.body))).toEqual({ baz: "bam" });
  });

  it("is read from the body by the client", async () => {
    const output = await restJson1.deserializeResponse(restService, IgnoreQuery, {
      statusCode: 200,
      headers: { "content-type": "application/json" },
      body: '{"baz":"bam"}',
    });
    expect(output).toEqual({ baz: "bam" });
  });
});

describe.each([
  ["awsJson1_1", awsJson1_1, jsonService, "application/x-amz-json-1.1"],
  ["restJson1", restJson1, restService, "application/json"],
] as const)("%s null items and unknown union members", (_n, protocol, service, contentType) => {
  const request = (body: string) => ({
    method: "POST",
    path: "/KitchenSink",
    query: {},
    headers: { "content-type": contentType },
    body,
  });
  const serverReads = (body: string) =>
    protocol.deserializeRequest(service, KitchenSinkOp, request(body));
  const clientReads = (body: string) =>
    protocol.deserializeResponse(service, KitchenSinkOp, { statusCode: 200, headers: {}, body });

  it("servers refuse nulls in dense lists and maps (RestJsonBodyMalformedListNullItem, …MapNullValue)", () => {
    for (const body of ['{"List":["a",null]}', '{"Map":{"a":1,"b":null}}']) {
      expect(() => serverReads(body)).toThrow(ProtocolError);
      expect(() => serverReads(body)).toThrow(/Null/);
    }
    expect(serverReads('{"SparseList":["a",null],"SparseMap":{"b":null}}')).toMatchObject({
      SparseList: ["a", null],
      SparseMap: { b: null },
    });
  });

  it("clients skip nulls in dense lists and maps (RestJsonDeserializesDenseSetMapAndSkipsNull)", async () => {
    await expect(clientReads('{"List":["a",null],"Map":{"a":1,"b":null}}')).resolves.toMatchObject({
      List: ["a"],
      Map: { a: 1 },
    });
  });

  it("servers refuse an unknown union member, clients keep it as $unknown (RestJsonMalformedUnionUnknownMember)", async () => {
    expect(MyUnion.members.stringValue).toBeDefined();
    const body = '{"Union":{"notAMember":"x"}}';
    expect(() => serverReads(body)).toThrow(ProtocolError);
    expect(() => serverReads(body)).toThrow(/unknown member 'notAMember'/);
    await expect(clientReads(body)).resolves.toMatchObject({
      Union: { $unknown: ["notAMember", "x"] },
    });
  });
});
