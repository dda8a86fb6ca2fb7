import { describe, expect, it } from "vitest";
import { ProtocolError } from "../../src/protocol/errors.js";
import { acceptable } from "../../src/protocol/rest-json/accept.js";
import { restJson1 } from "../../src/protocol/rest-json.js";
import type { OperationSchema, StructureSchema } from "../../src/schema.js";
import { restService } from "./fixtures.js";

const str = { type: "string" } as const;
const empty: StructureSchema = { type: "structure", id: "t#Empty", members: {} };

function op(output: StructureSchema, input: StructureSchema = empty): OperationSchema {
  return {
    name: "Op",
    input,
    output,
    errors: [],
    http: { method: "POST", uri: "/Op", code: 200 },
  };
}

const jsonOutput = op({ type: "structure", id: "t#Greeting", members: { hi: { target: str } } });
const jpegOutput = op({
  type: "structure",
  id: "t#Jpeg",
  members: {
    payload: { target: { type: "blob", mediaType: "image/jpeg" }, http: { in: "payload" } },
  },
});
const anyBlobOutput = op({
  type: "structure",
  id: "t#AnyBlob",
  members: { payload: { target: { type: "blob" }, http: { in: "payload" } } },
});
const textOutput = op({
  type: "structure",
  id: "t#Text",
  members: { payload: { target: str, http: { in: "payload" } } },
});

function read(operation: OperationSchema, headers: Record<string, string>, body = "") {
  return () =>
    restJson1.deserializeRequest(restService, operation, {
      method: "POST",
      path: "/Op",
      query: {},
      headers,
      body,
    });
}

function failure(fn: () => unknown): { code: string; statusCode: number } | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(ProtocolError);
    const { code, statusCode } = error as ProtocolError;
    return { code, statusCode };
  }
}

describe("Accept", () => {
  it("matches media ranges", () => {
    expect(acceptable(undefined, "application/json")).toBe(true);
    expect(acceptable("application/json", "application/json")).toBe(true);
    expect(acceptable("text/html, application/*;q=0.5", "application/json")).toBe(true);
    expect(acceptable("*/*", "image/jpeg")).toBe(true);
    expect(acceptable("application/hal+json", "application/json")).toBe(false);
    expect(acceptable("application/json;q=0", "application/json")).toBe(false);
  });

  it("answers 406 NotAcceptableException when the server cannot produce what is accepted", () => {
    const notAcceptable = { code: "NotAcceptableException", statusCode: 406 };
    expect(failure(read(jsonOutput, { accept: "application/hal+json" }))).toEqual(notAcceptable);
    expect(failure(read(jpegOutput, { accept: "application/json" }))).toEqual(notAcceptable);
    expect(failure(read(textOutput, { accept: "application/json" }))).toEqual(notAcceptable);
  });

  it("lets through what the server produces, and any Accept for an output with no body", () => {
    expect(failure(read(jsonOutput, { accept: "application/json" }))).toBeUndefined();
    expect(failure(read(jpegOutput, { accept: "image/jpeg" }))).toBeUndefined();
    expect(failure(read(textOutput, { accept: "text/plain" }))).toBeUndefined();
    expect(failure(read(op(empty), { accept: "application/hal+json" }))).toBeUndefined();
    expect(failure(read(anyBlobOutput, { accept: "image/jpeg" }))).toBeUndefined();
    expect(failure(read(jsonOutput, {}))).toBeUndefined();
  });
});

describe("a body on an operation whose input has none", () => {
  const queryOnly = op(empty, {
    type: "structure",
    id: "t#QueryOnly",
    members: { string: { target: str, http: { in: "query", name: "string" } } },
  });

  it("is refused when it declares a Content-Type, ignored when it declares none", () => {
    expect(failure(read(queryOnly, { "content-type": "application/json" }, "{}"))).toEqual({
      code: "UnsupportedMediaTypeException",
      statusCode: 415,
    });
    expect(failure(read(queryOnly, {}, "{}"))).toBeUndefined();
  });
});
