import { describe, expect, it } from "vitest";
import { awsJson1_0, awsJson1_1 } from "../../src/protocol/aws-json.js";
import { ProtocolError } from "../../src/protocol/errors.js";
import type { OperationSchema } from "../../src/schema.js";
import {
  ComplexError,
  ComplexErrorSchema,
  EmptyOp,
  InvalidGreeting,
  InvalidGreetingSchema,
  jsonService,
  KitchenSinkOp,
  TestServiceException,
  text,
} from "./fixtures.js";

const json = (s: unknown) => JSON.parse(text(s as string));

describe("awsJson1_1 client requests", () => {
  it("POSTs to / with X-Amz-Target and the 1.1 content type; empty input is {}", () => {
    const req = awsJson1_1.serializeRequest(jsonService, EmptyOp, {});
    expect(req).toMatchObject({ method: "POST", path: "/", query: {} });
    expect(req.headers["x-amz-target"]).toBe("JsonProtocol.EmptyOperation");
    expect(req.headers["content-type"]).toBe("application/x-amz-json-1.1");
    expect(req.body).toBe("{}");
  });

  it("awsJson1_0 differs only in its content type", () => {
    const req = awsJson1_0.serializeRequest(jsonService, EmptyOp, {});
    expect(req.headers["content-type"]).toBe("application/x-amz-json-1.0");
    expect(req.headers["x-amz-target"]).toBe("JsonProtocol.EmptyOperation");
  });

  it("serializes every value kind, ignoring @jsonName", () => {
    const req = awsJson1_1.serializeRequest(jsonService, KitchenSinkOp, {
      String: "abc",
      Renamed: "r",
      Integer: 7,
      Boolean: false,
      Double: Number.NaN,
      Blob: new TextEncoder().encode("binary-value"),
      Timestamp: new Date(946845296123),
      Iso8601Timestamp: new Date(Date.UTC(2014, 3, 29, 18, 30, 38)),
      HttpdateTimestamp: new Date(Date.UTC(2014, 3, 29, 18, 30, 38)),
      List: ["a", null, "b"],
      SparseList: ["a", null],
      Map: { x: 1, y: null },
      SparseMap: { x: "1", y: null },
      Document: { any: ["json", 1, null] },
      Union: { blobValue: new TextEncoder().encode("foo") },
      Recursive: {
        Double: Number.NEGATIVE_INFINITY,
        Recursive: { Double: Number.POSITIVE_INFINITY },
      },
      Unknown: "dropped",
      Token: null,
    });
    expect(json(req.body)).toEqual({
      String: "abc",
      Renamed: "r",
      Integer: 7,
      Boolean: false,
      Double: "NaN",
      Blob: "YmluYXJ5LXZhbHVl",
      Timestamp: 946845296.123,
      Iso8601Timestamp: "2014-04-29T18:30:38Z",
      HttpdateTimestamp: "Tue, 29 Apr 2014 18:30:38 GMT",
      List: ["a", "b"],
      SparseList: ["a", null],
      Map: { x: 1 },
      SparseMap: { x: "1", y: null },
      Document: { any: ["json", 1, null] },
      Union: { blobValue: "Zm9v" },
      Recursive: { Double: "-Infinity", Recursive: { Double: "Infinity" } },
    });
  });

  it("sends an unknown union member as given", () => {
    const req = awsJson1_1.serializeRequest(jsonService, KitchenSinkOp, {
      Union: { $unknown: ["newMember", 1] },
    });
    expect(json(req.body)).toEqual({ Union: { newMember: 1 } });
  });

  it("expands the host prefix from host labels", () => {
    const op: OperationSchema = {
      ...EmptyOp,
      hostPrefix: "foo.{label}.",
      input: {
        type: "structure",
        id: "t#HostIn",
        members: {
          label: { target: { type: "string" }, required: true, http: { in: "hostLabel" } },
        },
      },
    };
    const req = awsJson1_1.serializeRequest(jsonService, op, { label: "bar" });
    expect(req.hostPrefix).toBe("foo.bar.");
    expect(json(req.body)).toEqual({ label: "bar" });
    expect(() => awsJson1_1.serializeRequest(jsonService, op, { label: "not a label" })).toThrow(
      /Host label/,
    );
  });
});

describe("awsJson1_1 client responses", () => {
  it("parses output values back", async () => {
    const out = (await awsJson1_1.deserializeResponse(jsonService, KitchenSinkOp, {
      statusCode: 200,
      headers: {},
      body: JSON.stringify({
        Blob: "YmluYXJ5LXZhbHVl",
        Timestamp: 946845296.123,
        Iso8601Timestamp: "2019-12-16T22:48:18-01:00",
        HttpdateTimestamp: "Sun, 02 Jan 2000 20:34:56.456 GMT",
        Double: "-Infinity",
        List: ["a", null],
        SparseList: [null, "b"],
        Map: { a: 1, b: null },
        Union: { __type: "aws#MyUnion", stringValue: "hi" },
        Recursive: { Union: { futureMember: true } },
        String: null,
        extra: 1,
      }),
    })) as Record<string, any>;
    expect(new TextDecoder().decode(out.Blob)).toBe("binary-value");
    expect(out.Timestamp).toEqual(new Date(946845296123));
    expect(out.Iso8601Timestamp).toEqual(new Date(Date.UTC(2019, 11, 16, 23, 48, 18)));
    expect(out.HttpdateTimestamp).toEqual(new Date(Date.UTC(2000, 0, 2, 20, 34, 56, 456)));
    expect(out.Double).toBe(Number.NEGATIVE_INFINITY);
    expect(out.List).toEqual(["a"]);
    expect(out.SparseList).toEqual([null, "b"]);
    expect(out.Map).toEqual({ a: 1 });
    expect(out.Union).toEqual({ stringValue: "hi" });
    expect(out.Recursive.Union).toEqual({ $unknown: ["futureMember", true] });
    expect("String" in out).toBe(false);
    expect("extra" in out).toBe(false);
  });

  it("treats an empty body as empty output", async () => {
    expect(
      await awsJson1_1.deserializeResponse(jsonService, EmptyOp, {
        statusCode: 200,
        headers: {},
        body: "",
      }),
    ).toEqual({});
  });

  it.each([
    ["__type", { headers: {}, body: { __type: "InvalidGreeting", Message: "Hi" } }],
    [
      "__type with namespace",
      { headers: {}, body: { __type: "aws.protocoltests#InvalidGreeting", Message: "Hi" } },
    ],
    [
      "x-amzn-errortype with URI suffix",
      {
        headers: { "x-amzn-errortype": "InvalidGreeting:http://internal.amazon.com/x/" },
        body: { Message: "Hi" },
      },
    ],
    [
      "code",
      { headers: {}, body: { code: "aws.protocoltests#InvalidGreeting:http://x/", Message: "Hi" } },
    ],
  ])("throws the modeled error named by %s", async (_, { headers, body }) => {
    const err = (await awsJson1_1
      .deserializeResponse(jsonService, KitchenSinkOp, {
        statusCode: 400,
        headers: { ...headers, "x-amzn-requestid": "req-1" },
        body: JSON.stringify(body),
      })
      .catch((e) => e)) as InvalidGreeting;
    expect(err).toBeInstanceOf(InvalidGreeting);
    expect(err.name).toBe("InvalidGreeting");
    expect(err.$fault).toBe("client");
    expect(err.Message).toBe("Hi");
    expect(err.message).toBe("Hi");
    expect(err.$metadata).toMatchObject({ httpStatusCode: 400, requestId: "req-1" });
  });

  it("header beats body, nested __type is ignored, @jsonName not used", async () => {
    const err = (await awsJson1_1
      .deserializeResponse(jsonService, KitchenSinkOp, {
        statusCode: 400,
        headers: { "x-amzn-errortype": "ComplexError" },
        body: JSON.stringify({
          __type: "InvalidGreeting",
          TopLevel: "Top level",
          Nested: { Foo: "bar", __type: "x#Y" },
        }),
      })
      .catch((e) => e)) as ComplexError;
    expect(err).toBeInstanceOf(ComplexError);
    expect(err.TopLevel).toBe("Top level");
    expect(err.Nested).toEqual({ Foo: "bar" });
    expect(err.message).toBe("UnknownError");
  });

  it("surfaces an unknown error code as the service's base exception", async () => {
    const err = (await awsJson1_1
      .deserializeResponse(jsonService, KitchenSinkOp, {
        statusCode: 503,
        headers: { "x-amzn-requestid": "rid" },
        body: JSON.stringify({ __type: "com.amazon#ServiceUnavailable", message: "try later" }),
      })
      .catch((e) => e)) as TestServiceException;
    expect(err).toBeInstanceOf(TestServiceException);
    expect(err.name).toBe("ServiceUnavailable");
    expect(err.$fault).toBe("server");
    expect(err.message).toBe("try later");
    expect(err.$metadata).toMatchObject({ httpStatusCode: 503, requestId: "rid" });
  });

  it("marks @retryable errors for the retry step", async () => {
    const Busy = {
      ...InvalidGreetingSchema,
      id: "aws.protocoltests#Busy",
      retryable: { throttling: true },
    };
    const op = { ...KitchenSinkOp, errors: [Busy] };
    const err = await awsJson1_1
      .deserializeResponse(jsonService, op, {
        statusCode: 400,
        headers: {},
        body: '{"__type":"Busy"}',
      })
      .catch((e) => e);
    expect(err.$retryable).toEqual({ throttling: true });
  });

  it("survives a non-JSON error body", async () => {
    const err = (await awsJson1_1
      .deserializeResponse(jsonService, KitchenSinkOp, {
        statusCode: 502,
        headers: {},
        body: "<html>bad gateway</html>",
      })
      .catch((e) => e)) as TestServiceException;
    expect(err.name).toBe("UnknownError");
    expect(err.$fault).toBe("server");
    expect(err.$metadata.httpStatusCode).toBe(502);
  });
});

describe("awsJson1_1 server direction", () => {
  it("round-trips a request through serializeRequest/deserializeRequest", () => {
    const input = {
      String: "s",
      Blob: new Uint8Array([1, 2, 3]),
      Timestamp: new Date(1576540098000),
      Union: { structureValue: { hi: "there" } },
      Double: Number.NaN,
    };
    const req = awsJson1_1.serializeRequest(jsonService, KitchenSinkOp, input);
    const back = awsJson1_1.deserializeRequest(jsonService, KitchenSinkOp, req) as Record<
      string,
      unknown
    >;
    expect(back).toEqual({ ...input, Blob: new Uint8Array([1, 2, 3]) });
  });

  it("accepts an empty body as empty input", () => {
    expect(
      awsJson1_1.deserializeRequest(jsonService, EmptyOp, {
        method: "POST",
        path: "/",
        query: {},
        headers: {},
        body: "",
      }),
    ).toEqual({});
  });

  it.each([
    ["not JSON", "{", /not valid JSON/],
    ["not an object", "[1]", /Expected object/],
    ["wrong member type", '{"Integer":"1"}', /Expected integer at 'Integer'/],
    ["bad nested type", '{"Recursive":{"List":[1]}}', /Expected string at 'Recursive.List.0'/],
    ["bad base64", '{"Blob":"***"}', /Invalid base64 at 'Blob'/],
    [
      "union with two members",
      '{"Union":{"stringValue":"a","blobValue":"Zm9v"}}',
      /more than one member/,
    ],
    ["timestamp as string", '{"Timestamp":"2019-01-01"}', /Expected timestamp \(epoch-seconds\)/],
  ])("rejects %s with a SerializationException", (_, body, message) => {
    let error: unknown;
    try {
      awsJson1_1.deserializeRequest(jsonService, KitchenSinkOp, {
        method: "POST",
        path: "/",
        query: {},
        headers: {},
        body,
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ProtocolError);
    expect((error as ProtocolError).code).toBe("SerializationException");
    expect((error as ProtocolError).statusCode).toBe(400);
    expect((error as ProtocolError).message).toMatch(message);
  });

  it("rejects a foreign content type with 415", () => {
    const fail = () =>
      awsJson1_1.deserializeRequest(jsonService, EmptyOp, {
        method: "POST",
        path: "/",
        query: {},
        headers: { "content-type": "text/plain" },
        body: "{}",
      });
    expect(fail).toThrow(
      expect.objectContaining({ statusCode: 415, code: "UnsupportedMediaTypeException" }),
    );
  });

  it("serializes responses and errors the way the client reads them", async () => {
    const res = awsJson1_1.serializeResponse(jsonService, KitchenSinkOp, {
      Timestamp: new Date(1000),
      Double: Number.POSITIVE_INFINITY,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/x-amz-json-1.1");
    expect(json(res.body)).toEqual({ Timestamp: 1, Double: "Infinity" });

    const errRes = awsJson1_1.serializeError(jsonService, InvalidGreetingSchema, { Message: "Hi" });
    expect(errRes.statusCode).toBe(400);
    expect(json(errRes.body)).toEqual({ __type: "InvalidGreeting", Message: "Hi" });
    const thrown = await awsJson1_1
      .deserializeResponse(jsonService, KitchenSinkOp, errRes)
      .catch((e) => e);
    expect(thrown).toBeInstanceOf(InvalidGreeting);

    const complex = awsJson1_1.serializeError(jsonService, ComplexErrorSchema, { TopLevel: "t" });
    expect(complex.statusCode).toBe(403);
  });
});
