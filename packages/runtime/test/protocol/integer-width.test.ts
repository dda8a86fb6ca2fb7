import { describe, expect, it } from "vitest";
import { ProtocolError } from "../../src/protocol/errors.js";
import { restJson1 } from "../../src/protocol/rest-json.js";
import { fitsWidth, textFitsWidth } from "../../src/protocol/serde/integer-width.js";
import type { IntegerWidth, OperationSchema, StructureSchema } from "../../src/schema.js";
import { restService } from "./fixtures.js";

const int = (width: IntegerWidth) => ({ type: "integer", width }) as const;

const Input: StructureSchema = {
  type: "structure",
  id: "t#WidthInput",
  members: {
    byteInPath: { target: int("byte"), required: true, http: { in: "label" } },
    shortInQuery: { target: int("short"), http: { in: "query", name: "short" } },
    longInHeader: { target: int("long"), http: { in: "header", name: "x-long" } },
    integerInBody: { target: int("integer") },
    byteList: { target: { type: "list", member: int("byte") } },
  },
};
const WidthOp: OperationSchema = {
  name: "Width",
  input: Input,
  output: { type: "structure", id: "t#Out", members: {} },
  errors: [],
  http: { method: "POST", uri: "/Width/{byteInPath}", code: 200 },
};

function request(opts: {
  path?: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: string;
}) {
  return restJson1.deserializeRequest(restService, WidthOp, {
    method: "POST",
    path: opts.path ?? "/Width/1",
    query: opts.query ?? {},
    headers: { "content-type": "application/json", ...opts.headers },
    body: opts.body ?? "",
  }) as Record<string, unknown>;
}

function serializationFailure(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ProtocolError);
    return (error as ProtocolError).code;
  }
  throw new Error("expected a ProtocolError");
}

describe("integer widths", () => {
  it("knows each width's range", () => {
    expect(fitsWidth(127, "byte")).toBe(true);
    expect(fitsWidth(128, "byte")).toBe(false);
    expect(fitsWidth(-32769, "short")).toBe(false);
    expect(fitsWidth(2147483647, "integer")).toBe(true);
    expect(fitsWidth(2147483648, "integer")).toBe(false);
    // 9223372036854775807 is 2^63 as a double: the largest long must pass.
    expect(fitsWidth(Number("9223372036854775807"), "long")).toBe(true);
    expect(fitsWidth(1.23e23, "long")).toBe(false);
    expect(fitsWidth(1e300, undefined)).toBe(true);
    expect(textFitsWidth("9223372036854775807", "long")).toBe(true);
    expect(textFitsWidth("9223372036854775808", "long")).toBe(false);
    expect(textFitsWidth("-9223372036854775808", "long")).toBe(true);
    expect(textFitsWidth("-184467440737095500000", "long")).toBe(false);
    expect(textFitsWidth("-256", "byte")).toBe(false);
  });

  it("accepts in-range values in every location", () => {
    const input = request({
      path: "/Width/-128",
      query: { short: "32767" },
      headers: { "x-long": "-9223372036854775808" },
      body: '{"integerInBody": -2147483648, "byteList": [127, -128]}',
    });
    expect(input).toMatchObject({
      byteInPath: -128,
      shortInQuery: 32767,
      longInHeader: -(2 ** 63),
      integerInBody: -2147483648,
      byteList: [127, -128],
    });
  });

  it("refuses out-of-range values as SerializationException on the server", () => {
    expect(serializationFailure(() => request({ path: "/Width/256" }))).toBe(
      "SerializationException",
    );
    expect(serializationFailure(() => request({ query: { short: "-32769" } }))).toBe(
      "SerializationException",
    );
    expect(
      serializationFailure(() => request({ headers: { "x-long": "9223372036854775808" } })),
    ).toBe("SerializationException");
    expect(serializationFailure(() => request({ body: '{"integerInBody": 2147483648}' }))).toBe(
      "SerializationException",
    );
    expect(serializationFailure(() => request({ body: '{"byteList": [1, 300]}' }))).toBe(
      "SerializationException",
    );
    expect(
      serializationFailure(() => request({ body: '{"integerInBody": 123000000000000000000000}' })),
    ).toBe("SerializationException");
  });

  it("lets a client read any integer a response carries", async () => {
    const op: OperationSchema = { ...WidthOp, output: { ...Input, id: "t#WidthOutput" } };
    const out = (await restJson1.deserializeResponse(restService, op, {
      statusCode: 200,
      headers: { "content-type": "application/json", "x-long": "9223372036854775808" },
      body: '{"integerInBody": 2147483648}',
    })) as Record<string, unknown>;
    expect(out.integerInBody).toBe(2147483648);
  });
});
