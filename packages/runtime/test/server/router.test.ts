import { describe, expect, it } from "vitest";
import {
  matchPath,
  parseUriTemplate,
  splitPath,
} from "../../src/protocol/rest-json/uri-template.js";
import type { OperationSchema, ServiceSchema } from "../../src/schema.js";
import { Rejection } from "../../src/server/error-answers.js";
import { compileRouter } from "../../src/server/router.js";

const empty = { type: "structure", id: "x#E", members: {} } as const;
function op(name: string, method: string, uri: string): OperationSchema {
  return { name, input: empty, output: empty, errors: [], http: { method, uri, code: 200 } };
}

const rest: ServiceSchema = {
  id: "com.example#Rest",
  protocol: "restJson1",
  sdkId: "Rest",
  signingName: "rest",
  endpointPrefix: "rest",
  version: "2024-01-01",
  errors: [],
};

const operations = {
  ListDetectors: op("ListDetectors", "GET", "/detector"),
  CreateDetector: op("CreateDetector", "POST", "/detector"),
  GetDetector: op("GetDetector", "GET", "/detector/{DetectorId}"),
  GetFilter: op("GetFilter", "GET", "/detector/{DetectorId}/filter/{FilterName}"),
  GetDefaultFilter: op("GetDefaultFilter", "GET", "/detector/{DetectorId}/filter/default"),
  GetObject: op("GetObject", "GET", "/objects/{Bucket}/{Key+}"),
  GetObjectAcl: op("GetObjectAcl", "GET", "/objects/{Bucket}/{Key+}/acl"),
  ListV2: op("ListV2", "GET", "/list?type=v2"),
  ListFlagged: op("ListFlagged", "GET", "/list?flagged"),
  ListAny: op("ListAny", "GET", "/list"),
};

const route = compileRouter(rest, operations);
function to(method: string, path: string, query: Record<string, string | string[]> = {}) {
  return route({ method, path, query, headers: {} });
}
function rejection(fn: () => unknown): { status: number; type: string; allow?: string } {
  try {
    fn();
  } catch (error) {
    if (!(error instanceof Rejection)) throw error;
    return {
      status: error.answer.schema.httpStatus!,
      type: error.answer.schema.id.split("#")[1]!,
      allow: error.answer.headers?.allow,
    };
  }
  throw new Error("expected a rejection");
}

describe("restJson1 routing", () => {
  it("matches method + template and decodes labels", () => {
    expect(to("GET", "/detector").op.name).toBe("ListDetectors");
    expect(to("POST", "/detector").op.name).toBe("CreateDetector");
    const r = to("GET", "/detector/ab%20c%2Fd");
    expect(r.op.name).toBe("GetDetector");
    expect(r.labels).toEqual({ DetectorId: "ab c/d" });
    expect(to("GET", "/detector/d1/filter/f%C3%A9").labels).toEqual({
      DetectorId: "d1",
      FilterName: "fé",
    });
  });

  it("prefers the most specific template", () => {
    expect(to("GET", "/detector/d1/filter/default").op.name).toBe("GetDefaultFilter");
    expect(to("GET", "/detector/d1/filter/other").op.name).toBe("GetFilter");
    expect(to("GET", "/objects/b/k1/k2/acl").op.name).toBe("GetObjectAcl");
  });

  it("lets greedy labels take several segments", () => {
    const r = to("GET", "/objects/bucket/a/b%20c/d.txt");
    expect(r.op.name).toBe("GetObject");
    expect(r.labels).toEqual({ Bucket: "bucket", Key: "a/b c/d.txt" });
  });

  it("honours query literals in templates", () => {
    expect(to("GET", "/list", { type: "v2" }).op.name).toBe("ListV2");
    expect(to("GET", "/list", { flagged: "" }).op.name).toBe("ListFlagged");
    expect(to("GET", "/list", { type: "v1" }).op.name).toBe("ListAny");
    expect(to("GET", "/list", { type: ["v1", "v2"] }).op.name).toBe("ListV2");
  });

  it("answers an unknown path with 404 and a known path with another method with 405 + Allow", () => {
    expect(rejection(() => to("GET", "/nothing/here"))).toEqual({
      status: 404,
      type: "UnknownOperationException",
      allow: undefined,
    });
    expect(rejection(() => to("DELETE", "/detector"))).toEqual({
      status: 405,
      type: "UnknownOperationException",
      allow: "GET, POST",
    });
    expect(rejection(() => to("GET", "/detector//filter/x")).status).toBe(404);
    expect(rejection(() => to("GET", "/detector/%E0%A4%A")).status).toBe(404);
  });
});

describe("awsJson routing", () => {
  const service: ServiceSchema = { ...rest, protocol: "awsJson1_1", targetPrefix: "Svc_2024" };
  const ops = { Ping: { ...op("Ping", "POST", "/"), http: undefined } };
  const r = compileRouter(service, ops);
  const call = (method: string, path: string, target?: string) =>
    r({ method, path, query: {}, headers: target ? { "x-amz-target": target } : {} });

  it("routes by X-Amz-Target", () => {
    expect(call("POST", "/", "Svc_2024.Ping").op.name).toBe("Ping");
  });

  it("rejects unknown and missing targets, other paths and methods", () => {
    expect(rejection(() => call("POST", "/", "Svc_2024.Pong"))).toMatchObject({
      status: 400,
      type: "UnknownOperationException",
    });
    expect(rejection(() => call("POST", "/", "Other.Ping")).status).toBe(400);
    expect(rejection(() => call("POST", "/")).status).toBe(400);
    expect(rejection(() => call("POST", "/x", "Svc_2024.Ping")).status).toBe(404);
    expect(rejection(() => call("PUT", "/", "Svc_2024.Ping"))).toMatchObject({
      status: 405,
      allow: "POST",
    });
  });
});

describe("URI templates", () => {
  it("split paths without empty trailing segments", () => {
    expect(splitPath("/")).toEqual([]);
    expect(splitPath("/a/b/")).toEqual(["a", "b"]);
    expect(splitPath("/a//b")).toEqual(["a", "", "b"]);
  });

  it("reject templates they cannot match", () => {
    expect(() => parseUriTemplate("detector")).toThrow(/start with/);
    expect(() => parseUriTemplate("/a{b}")).toThrow(/Unsupported/);
  });

  it("need a non-empty value for every label", () => {
    const t = parseUriTemplate("/a/{b}");
    expect(matchPath(t, ["a", ""])).toBeUndefined();
    expect(matchPath(t, ["a"])).toBeUndefined();
    expect(matchPath(t, ["a", "x", "y"])).toBeUndefined();
  });
});
