import { describe, expect, it } from "vitest";
import { ProtocolError } from "../../src/protocol/errors.js";
import {
  matchPath,
  matchQuery,
  parseUriTemplate,
} from "../../src/protocol/rest-json/uri-template.js";
import { restJson1 } from "../../src/protocol/rest-json.js";
import type { OperationSchema, StructureSchema } from "../../src/schema.js";
import {
  ComplexError,
  ComplexErrorSchema,
  EmptyOp,
  InvalidGreeting,
  KitchenSinkOp,
  restService,
  TestServiceException,
  text,
  utf8,
} from "./fixtures.js";

const json = (s: unknown) => JSON.parse(text(s as string));
const str = { type: "string" } as const;

const LabelsInput: StructureSchema = {
  type: "structure",
  id: "t#LabelsInput",
  members: {
    string: { target: str, required: true, http: { in: "label" } },
    integer: { target: { type: "integer" }, required: true, http: { in: "label" } },
    boolean: { target: { type: "boolean" }, required: true, http: { in: "label" } },
    timestamp: { target: { type: "timestamp" }, required: true, http: { in: "label" } },
    greedy: { target: str, required: true, http: { in: "label", greedy: true } },
  },
};
const LabelsOp: OperationSchema = {
  name: "HttpRequestWithLabels",
  input: LabelsInput,
  output: { type: "structure", id: "t#Out", members: {} },
  errors: [],
  http: {
    method: "GET",
    uri: "/Labels/{string}/{integer}/{boolean}/{timestamp}/{greedy+}/end",
    code: 200,
  },
};

const Bindings: StructureSchema = {
  type: "structure",
  id: "t#Bindings",
  members: {
    qString: { target: str, http: { in: "query", name: "String" } },
    qList: { target: { type: "list", member: str }, http: { in: "query", name: "List" } },
    qTime: { target: { type: "timestamp" }, http: { in: "query", name: "Time" } },
    qEpoch: {
      target: { type: "timestamp" },
      timestampFormat: "epoch-seconds",
      http: { in: "query", name: "Epoch" },
    },
    qMap: { target: { type: "map", value: str }, http: { in: "queryParams" } },
    hString: { target: str, http: { in: "header", name: "X-String" } },
    hList: { target: { type: "list", member: str }, http: { in: "header", name: "X-StringList" } },
    hTimes: {
      target: { type: "list", member: { type: "timestamp" } },
      http: { in: "header", name: "X-TimestampList" },
    },
    hTime: { target: { type: "timestamp" }, http: { in: "header", name: "X-Time" } },
    hBool: { target: { type: "boolean" }, http: { in: "header", name: "X-Boolean" } },
    hFloat: { target: { type: "float" }, http: { in: "header", name: "X-Float" } },
    hJson: {
      target: { type: "string", mediaType: "application/json" },
      http: { in: "header", name: "X-Json" },
    },
    prefix: { target: { type: "map", value: str }, http: { in: "prefixHeaders", name: "X-Foo-" } },
    status: { target: { type: "integer" }, http: { in: "responseCode" } },
    bodyMember: { target: str, jsonName: "body_member" },
    defaulted: {
      target: {
        type: "structure",
        id: "t#D",
        members: { d: { target: { type: "integer" }, default: 5 } },
      },
    },
    topDefault: { target: str, default: "hi" },
  },
};
const BindingsOp: OperationSchema = {
  name: "Bindings",
  input: Bindings,
  output: Bindings,
  errors: [ComplexErrorSchema],
  http: { method: "PUT", uri: "/Bindings?fixed=1&flag", code: 201 },
};

function payloadOp(target: any): OperationSchema {
  const s: StructureSchema = {
    type: "structure",
    id: "t#Payload",
    members: {
      foo: { target: str, http: { in: "header", name: "X-Foo" } },
      data: { target, http: { in: "payload" } },
    },
  };
  return {
    name: "Payload",
    input: s,
    output: s,
    errors: [],
    http: { method: "POST", uri: "/Payload", code: 200 },
  };
}

describe("restJson1 URI labels", () => {
  it("percent-encodes labels strictly, keeps / in greedy labels, date-time timestamps", () => {
    const req = restJson1.serializeRequest(restService, LabelsOp, {
      string: " %:/?#[]@!$&'()*+,;=😹",
      integer: 1,
      boolean: true,
      timestamp: new Date(Date.UTC(2019, 11, 16, 23, 48, 18)),
      greedy: "a b/c",
    });
    expect(req.method).toBe("GET");
    expect(req.path).toBe(
      "/Labels/%20%25%3A%2F%3F%23%5B%5D%40%21%24%26%27%28%29%2A%2B%2C%3B%3D%F0%9F%98%B9/1/true/2019-12-16T23%3A48%3A18Z/a%20b/c/end",
    );
    expect(req.body).toBeUndefined();
    expect(req.headers["content-type"]).toBeUndefined();
    const back = restJson1.deserializeRequest(restService, LabelsOp, req);
    expect(back).toEqual({
      string: " %:/?#[]@!$&'()*+,;=😹",
      integer: 1,
      boolean: true,
      timestamp: new Date(Date.UTC(2019, 11, 16, 23, 48, 18)),
      greedy: "a b/c",
    });
  });

  it("refuses missing or empty labels on the client", () => {
    expect(() => restJson1.serializeRequest(restService, LabelsOp, { string: "" })).toThrow(
      /Empty value provided for input HTTP label: string/,
    );
    expect(() => restJson1.serializeRequest(restService, LabelsOp, {})).toThrow(
      /No value provided for input HTTP label: string/,
    );
  });

  it("matches paths against templates", () => {
    const t = parseUriTemplate("/a/{b}/{c+}/d");
    expect(matchPath(t, "/a/x/y/z/d")).toEqual({ b: "x", c: "y/z" });
    expect(matchPath(t, "/a/x/d")).toBeUndefined();
    expect(matchPath(t, "/a/x/y/e")).toBeUndefined();
    expect(matchPath(parseUriTemplate("/a"), "/a/b")).toBeUndefined();
    expect(matchQuery(parseUriTemplate("/a?x=1&y"), { x: "1", y: "" })).toBe(true);
    expect(matchQuery(parseUriTemplate("/a?x=1&y"), { x: "2", y: "" })).toBe(false);
  });
});

describe("restJson1 query, headers, body", () => {
  const input = {
    qString: "Hello there",
    qList: ["a", "b"],
    qTime: new Date(Date.UTC(1970, 0, 1, 0, 0, 1)),
    qEpoch: new Date(1500),
    qMap: { String: "ignored: explicit member wins", other: "x" },
    hString: "Hello",
    hList: ["b,c", '"def"', "a"],
    hTimes: [
      new Date(Date.UTC(2019, 11, 16, 23, 48, 18)),
      new Date(Date.UTC(2019, 11, 16, 23, 48, 18)),
    ],
    hTime: new Date(Date.UTC(2019, 11, 16, 23, 48, 18)),
    hBool: false,
    hFloat: Number.NaN,
    hJson: "true",
    prefix: { Abc: "Abc value", Def: "Def value" },
    bodyMember: "in the body",
    defaulted: {},
  };

  it("serializes every binding as the spec says", () => {
    const req = restJson1.serializeRequest(restService, BindingsOp, input);
    expect(req.method).toBe("PUT");
    expect(req.path).toBe("/Bindings");
    expect(req.query).toEqual({
      fixed: "1",
      flag: "",
      String: "Hello there",
      List: ["a", "b"],
      Time: "1970-01-01T00:00:01Z",
      Epoch: "1.5",
      other: "x",
    });
    expect(req.headers).toEqual({
      "x-string": "Hello",
      "x-stringlist": '"b,c", "\\"def\\"", a',
      "x-timestamplist": "Mon, 16 Dec 2019 23:48:18 GMT, Mon, 16 Dec 2019 23:48:18 GMT",
      "x-time": "Mon, 16 Dec 2019 23:48:18 GMT",
      "x-boolean": "false",
      "x-float": "NaN",
      "x-json": "dHJ1ZQ==",
      "x-foo-abc": "Abc value",
      "x-foo-def": "Def value",
      "content-type": "application/json",
    });
    // @jsonName honoured; nested defaults filled, top-level defaults not (the client's rule).
    expect(json(req.body)).toEqual({ body_member: "in the body", defaulted: { d: 5 } });
  });

  it("sends {} when the input has body members but none is set, nothing when it has none", () => {
    const withBody = restJson1.serializeRequest(restService, BindingsOp, {});
    expect(withBody.body).toBe("{}");
    expect(withBody.headers["content-type"]).toBe("application/json");
    const none = restJson1.serializeRequest(restService, EmptyOp, {});
    expect(none.body).toBeUndefined();
    expect(none.path).toBe("/EmptyInputAndEmptyOutput");
  });

  it("reads every binding back on the server, filling defaults", () => {
    const req = restJson1.serializeRequest(restService, BindingsOp, input);
    const back = restJson1.deserializeRequest(restService, BindingsOp, req) as Record<
      string,
      unknown
    >;
    // The @httpQueryParams map gets every parameter, those of @httpQuery members too
    // (RestJsonServersPutAllQueryParamsInMap).
    expect(back).toEqual({
      ...input,
      qMap: {
        fixed: "1",
        flag: "",
        other: "x",
        String: "Hello there",
        List: "a",
        Epoch: "1.5",
        Time: "1970-01-01T00:00:01Z",
      },
      prefix: { abc: "Abc value", def: "Def value" },
      defaulted: { d: 5 },
      topDefault: "hi",
    });
  });

  it("writes the response status, headers and a JSON body; the client reads them", async () => {
    const res = restJson1.serializeResponse(restService, BindingsOp, {
      status: 202,
      hString: "h",
      bodyMember: "b",
    });
    expect(res.statusCode).toBe(202);
    expect(res.headers).toMatchObject({ "x-string": "h", "content-type": "application/json" });
    expect(json(res.body)).toEqual({ body_member: "b", topDefault: "hi" });
    const out = await restJson1.deserializeResponse(restService, BindingsOp, res);
    expect(out).toEqual({ status: 202, hString: "h", bodyMember: "b", topDefault: "hi" });
    const plain = restJson1.serializeResponse(restService, BindingsOp, {});
    expect(plain.statusCode).toBe(201);
    const empty = restJson1.serializeResponse(restService, EmptyOp, {});
    expect(empty.body).toBe("{}");
  });

  it("sends empty strings and empty lists as empty headers, never nulls", async () => {
    const req = restJson1.serializeRequest(restService, BindingsOp, {
      hString: "",
      hList: [],
      hBool: null,
    });
    expect(req.headers["x-string"]).toBe("");
    expect(req.headers["x-stringlist"]).toBe("");
    expect("x-boolean" in req.headers).toBe(false);
    const out = await restJson1.deserializeResponse(restService, BindingsOp, {
      statusCode: 200,
      headers: { "x-string": "", "x-stringlist": "" },
      body: "{}",
    });
    expect(out).toMatchObject({ hString: "", hList: [] });
  });

  it("rejects malformed values with SerializationException", () => {
    const req = { method: "PUT", path: "/Bindings", query: {}, headers: { "x-boolean": "yes" } };
    expect(() => restJson1.deserializeRequest(restService, BindingsOp, req)).toThrow(ProtocolError);
    expect(() => restJson1.deserializeRequest(restService, BindingsOp, req)).toThrow(
      /boolean for header 'x-boolean'/,
    );
    const repeated = {
      method: "PUT",
      path: "/Bindings",
      query: { String: ["a", "b"] },
      headers: {},
    };
    expect(() => restJson1.deserializeRequest(restService, BindingsOp, repeated)).toThrow(
      /Repeated query parameter 'String'/,
    );
  });

  it("servers take only UTC date-times; clients take any offset", async () => {
    const offset = "2019-12-16T22:48:18-01:00";
    const req = { method: "PUT", path: "/Bindings", query: { Time: offset }, headers: {} };
    expect(() => restJson1.deserializeRequest(restService, BindingsOp, req)).toThrow(
      /timestamp \(date-time\) for query parameter 'Time'/,
    );
    const ok = restJson1.deserializeRequest(restService, BindingsOp, {
      ...req,
      query: { Time: "2019-12-16T23:48:18Z" },
    });
    expect(ok).toMatchObject({ qTime: new Date(Date.UTC(2019, 11, 16, 23, 48, 18)) });
    const nested: any = {
      type: "structure",
      id: "t#T",
      members: { t: { target: { type: "timestamp" }, timestampFormat: "date-time" } },
    };
    const op = payloadOp(nested);
    const body = JSON.stringify({ t: offset });
    expect(() =>
      restJson1.deserializeRequest(restService, op, {
        method: "POST",
        path: "/Payload",
        query: {},
        headers: { "content-type": "application/json" },
        body,
      }),
    ).toThrow(/Invalid date-time timestamp at 'data.t'/);
    const out: any = await restJson1.deserializeResponse(restService, op, {
      statusCode: 200,
      headers: {},
      body,
    });
    expect(out.data.t).toEqual(new Date(Date.UTC(2019, 11, 16, 23, 48, 18)));
  });

  it("refuses a body where none is modeled, and bodies that are not objects", () => {
    const headerOnly: OperationSchema = {
      ...EmptyOp,
      input: {
        type: "structure",
        id: "t#H",
        members: { h: { target: str, http: { in: "header", name: "h" } } },
      },
    };
    const unit: OperationSchema = {
      ...EmptyOp,
      input: { type: "structure", id: "smithy.api#Unit", members: {} },
    };
    const withJson = {
      method: "POST",
      path: "/x",
      query: {},
      headers: { "content-type": "application/json" },
      body: "{}",
    };
    for (const op of [headerOnly, unit]) {
      expect(() => restJson1.deserializeRequest(restService, op, withJson)).toThrow(
        expect.objectContaining({ statusCode: 415 }),
      );
    }
    expect(restJson1.deserializeRequest(restService, EmptyOp, withJson)).toEqual({});
    for (const body of ["null", "[]", '"s"']) {
      expect(() =>
        restJson1.deserializeRequest(restService, BindingsOp, {
          ...withJson,
          path: "/Bindings",
          body,
        }),
      ).toThrow(/Expected object/);
    }
  });

  it("wants application/json for a JSON body (415 otherwise)", () => {
    const req = {
      method: "PUT",
      path: "/Bindings",
      query: {},
      headers: { "content-type": "text/plain" },
      body: "{}",
    };
    expect(() => restJson1.deserializeRequest(restService, BindingsOp, req)).toThrow(
      expect.objectContaining({ code: "UnsupportedMediaTypeException", statusCode: 415 }),
    );
  });
});

describe("restJson1 payloads", () => {
  it("sends a blob payload raw with its media type, and reads it back", async () => {
    const op = payloadOp({ type: "blob" });
    const req = restJson1.serializeRequest(restService, op, {
      foo: "Foo",
      data: utf8("blobby blob"),
    });
    expect(text(req.body)).toBe("blobby blob");
    expect(req.headers).toEqual({ "x-foo": "Foo", "content-type": "application/octet-stream" });
    const none = restJson1.serializeRequest(restService, op, { foo: "Foo" });
    expect(none.body).toBeUndefined();
    const out = (await restJson1.deserializeResponse(restService, op, {
      statusCode: 200,
      headers: { "x-foo": "Foo" },
      body: utf8("abc"),
    })) as any;
    expect(text(out.data)).toBe("abc");
    expect(
      await restJson1.deserializeResponse(restService, op, {
        statusCode: 200,
        headers: {},
        body: "",
      }),
    ).toEqual({});
  });

  it("sends a string payload as text/plain and a structure payload as JSON", () => {
    const s = restJson1.serializeRequest(restService, payloadOp(str), { data: "hello" });
    expect(s.body).toBe("hello");
    expect(s.headers["content-type"]).toBe("text/plain");
    const nested = {
      type: "structure",
      id: "t#N",
      members: { greeting: { target: str, jsonName: "g" } },
    };
    const op = payloadOp(nested);
    const req = restJson1.serializeRequest(restService, op, { data: { greeting: "hi" } });
    expect(json(req.body)).toEqual({ g: "hi" });
    expect(req.headers["content-type"]).toBe("application/json");
    expect(restJson1.deserializeRequest(restService, op, req)).toEqual({
      data: { greeting: "hi" },
    });
    expect(restJson1.serializeResponse(restService, op, {}).body).toBeUndefined();
    // An unset structure payload: {} in a request, nothing in a response; a union: nothing.
    expect(restJson1.serializeRequest(restService, op, {}).body).toBe("{}");
    const union = payloadOp({ type: "union", id: "t#U", members: { a: { target: str } } });
    expect(restJson1.serializeRequest(restService, union, {}).body).toBeUndefined();
  });

  it("sends a document payload as JSON", () => {
    const req = restJson1.serializeRequest(restService, payloadOp({ type: "document" }), {
      data: [1, { a: true }],
    });
    expect(json(req.body)).toEqual([1, { a: true }]);
  });
});

describe("restJson1 errors", () => {
  it("takes the type from x-amzn-errortype, members from headers and body", async () => {
    const err = (await restJson1
      .deserializeResponse(restService, BindingsOp, {
        statusCode: 403,
        headers: {
          "x-amzn-errortype": "aws.protocoltests.restjson#ComplexError:http://x",
          "x-header": "Header",
          "x-amzn-requestid": "r",
        },
        body: JSON.stringify({ TopLevel: "Top level", Nested: { Fooooo: "bar" } }),
      })
      .catch((e) => e)) as ComplexError;
    expect(err).toBeInstanceOf(ComplexError);
    expect(err.Header).toBe("Header");
    expect(err.TopLevel).toBe("Top level");
    expect(err.Nested).toEqual({ Foo: "bar" });
    expect(err.$metadata).toMatchObject({ httpStatusCode: 403, requestId: "r" });
  });

  it("falls back to __type/code and to the base exception", async () => {
    const byType = await restJson1
      .deserializeResponse(restService, KitchenSinkOp, {
        statusCode: 400,
        headers: {},
        body: '{"__type":"aws.protocoltests.restjson#InvalidGreeting","Message":"m"}',
      })
      .catch((e) => e);
    expect(byType).toBeInstanceOf(InvalidGreeting);
    const unknown = (await restJson1
      .deserializeResponse(restService, KitchenSinkOp, {
        statusCode: 429,
        headers: { "x-amzn-errortype": "ThrottlingException" },
        body: "",
      })
      .catch((e) => e)) as TestServiceException;
    expect(unknown).toBeInstanceOf(TestServiceException);
    expect(unknown.name).toBe("ThrottlingException");
    expect(unknown.$fault).toBe("client");
  });

  it("serializes errors with x-amzn-errortype, header members and status", async () => {
    const res = restJson1.serializeError(restService, ComplexErrorSchema, {
      Header: "h",
      TopLevel: "t",
      Nested: { Foo: "f" },
    });
    expect(res.statusCode).toBe(403);
    expect(res.headers).toMatchObject({
      "x-amzn-errortype": "ComplexError",
      "x-header": "h",
      "content-type": "application/json",
    });
    expect(json(res.body)).toEqual({ TopLevel: "t", Nested: { Fooooo: "f" } });
    const thrown = await restJson1
      .deserializeResponse(restService, BindingsOp, res)
      .catch((e) => e);
    expect(thrown).toBeInstanceOf(ComplexError);
    expect(thrown.Header).toBe("h");
  });
});
