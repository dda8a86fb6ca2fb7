/** awsJson1_1 mapping rules (README.md of the emitter), on the Inspector-like fixture. */
import { describe, expect, it } from "vitest";
import { emitOpenApi, type OperationObject } from "../../../src/emit/openapi/index.js";
import { componentValidator } from "./consumers.js";
import { fixture, INSPECTOR } from "./load-fixture.js";
import { TINY, tinyModel } from "./tiny-model.js";

const doc = emitOpenApi(fixture("inspector-like"), INSPECTOR);
const schemas = doc.components.schemas ?? {};

function op(name: string): OperationObject {
  const operation = doc.paths[`/#X-Amz-Target=InspectorService.${name}`]?.post;
  if (!operation) throw new Error(`no ${name}`);
  return operation;
}

describe("awsJson1_1 operations", () => {
  it("get one POST path each, unique by the target in the fragment", () => {
    expect(Object.keys(doc.paths)).toEqual([
      "/#X-Amz-Target=InspectorService.DescribeFindings",
      "/#X-Amz-Target=InspectorService.GetTelemetryMetadata",
      "/#X-Amz-Target=InspectorService.ListFindings",
    ]);
    expect(Object.values(doc.paths).every((item) => Object.keys(item).join() === "post")).toBe(
      true,
    );
  });

  it("require the X-Amz-Target header with the operation's constant value", () => {
    expect(op("ListFindings").parameters).toEqual([
      {
        name: "X-Amz-Target",
        in: "header",
        required: true,
        schema: { type: "string", const: "InspectorService.ListFindings" },
      },
    ]);
  });

  it("send every input member (mixins included) as an application/x-amz-json-1.1 body", () => {
    expect(op("ListFindings").requestBody).toEqual({
      required: true,
      content: {
        "application/x-amz-json-1.1": {
          schema: { $ref: "#/components/schemas/ListFindingsRequestContent" },
        },
      },
    });
    expect(Object.keys(schemas.ListFindingsRequestContent?.properties ?? {})).toEqual([
      "nextToken",
      "maxResults",
      "assessmentRunArns",
      "filter",
    ]);
  });

  it("send `{}` for a Unit input and expect an object back", () => {
    expect(schemas.GetTelemetryMetadataRequestContent).toEqual({ type: "object", properties: {} });
    expect(op("GetTelemetryMetadata").deprecated).toBe(true);
  });

  it("answer 200 with the output members", () => {
    expect(op("ListFindings").responses["200"]).toEqual({
      description: "ListFindings 200 response",
      content: {
        "application/x-amz-json-1.1": {
          schema: { $ref: "#/components/schemas/ListFindingsResponseContent" },
        },
      },
    });
    expect(schemas.ListFindingsResponseContent?.required).toEqual(["findingArns"]);
  });
});

describe("awsJson1_1 errors", () => {
  it("go to 400 (client), 500 (server) or their @httpError, service errors included", () => {
    expect(Object.keys(op("ListFindings").responses)).toEqual([
      "200",
      "400",
      "404",
      "500",
      "default",
    ]);
    expect(Object.keys(op("DescribeFindings").responses)).toEqual(["200", "400", "500", "default"]);
    expect(op("DescribeFindings").responses["400"]?.description).toBe(
      "InvalidInputException 400 response",
    );
    expect(op("ListFindings").responses["500"]?.description).toBe("InternalException 500 response");
  });

  it("lists the framework errors (SerializationException, authentication...) as each operation's default", () => {
    const fallback = op("ListFindings").responses.default;
    expect(fallback?.description).toMatch(
      /SerializationException .*UnknownOperationException .*InvalidSignatureException/,
    );
    expect(fallback?.headers?.["x-amzn-errortype"]).toBeDefined();
    expect(fallback?.content).toEqual({
      "application/x-amz-json-1.1": {
        schema: { $ref: "#/components/schemas/FrameworkErrorContent" },
      },
    });
    expect(doc.components.schemas?.FrameworkErrorContent?.required).toEqual(["__type"]);
  });

  it("carry a required __type whose pattern accepts the bare, qualified and suffixed names", () => {
    const content = schemas.InvalidInputExceptionResponseContent;
    expect(content?.required).toEqual(["message", "errorCode", "canRetry", "__type"]);
    const validate = componentValidator(doc);
    const body = { message: "m", errorCode: "E", canRetry: false };
    for (const type of [
      "InvalidInputException",
      "example.inspector#InvalidInputException",
      "InvalidInputException:http://internal.amazon.com/coral/",
    ]) {
      expect(validate("InvalidInputExceptionResponseContent", { ...body, __type: type })).toEqual(
        [],
      );
    }
    expect(
      validate("InvalidInputExceptionResponseContent", {
        ...body,
        __type: "AccessDeniedException",
      }),
    ).not.toEqual([]);
  });

  it("share a status through a oneOf that matches exactly one error by __type", () => {
    expect(op("ListFindings").responses["400"]).toEqual({
      description: "ListFindings400Error 400 response",
      content: {
        "application/x-amz-json-1.1": {
          schema: { $ref: "#/components/schemas/ListFindings400ErrorResponseContent" },
        },
      },
    });
    const validate = componentValidator(doc);
    const denied = { __type: "AccessDeniedException", message: "no", canRetry: false };
    expect(validate("ListFindings400ErrorResponseContent", denied)).toEqual([]);
    expect(
      validate("ListFindings400ErrorResponseContent", { ...denied, __type: "Nope" }),
    ).not.toEqual([]);
  });
});

describe("awsJson1_1 service facts", () => {
  it("take info, servers and SigV4 from the service (through its mixin)", () => {
    expect(doc.info).toEqual({
      title: "Amazon Inspector",
      version: "2016-02-16",
      description: "Amazon Inspector (Classic) assesses EC2 instances.",
    });
    expect(doc.servers?.[0]?.url).toBe("https://inspector.{region}.amazonaws.com");
    expect(doc.security).toEqual([{ "aws.auth.sigv4": [] }]);
    expect(doc["x-smithy-protocol"]).toBe("aws.protocols#awsJson1_1");
  });

  it("ignore @jsonName and HTTP bindings, as the protocol does", () => {
    const model = tinyModel(
      {
        renamed: { target: "smithy.api#String", traits: { "smithy.api#jsonName": "Other" } },
        header: { target: "smithy.api#String", traits: { "smithy.api#httpHeader": "X-H" } },
      },
      {},
      "aws.protocols#awsJson1_1",
    );
    const tiny = emitOpenApi(model, TINY);
    expect(Object.keys(tiny.paths)).toEqual(["/#X-Amz-Target=Svc.Op"]);
    expect(Object.keys(tiny.components.schemas?.OpRequestContent?.properties ?? {})).toEqual([
      "renamed",
      "header",
    ]);
  });
});
