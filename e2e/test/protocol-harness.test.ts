import type { Model } from "@docsmith/codegen";
import { describe, expect, it } from "vitest";
import { diffBody, diffHeaders, diffQuery, diffValues } from "../protocol-tests/compare.js";
import { expandMalformed } from "../protocol-tests/load-cases.js";
import { sampleValue, toTypeScriptValue } from "../protocol-tests/values.js";

// The protocol-test harness's own pieces: a comparison that cannot fail would pass any codec.

describe("expandMalformed", () => {
  const base = {
    id: "Case",
    protocol: "aws.protocols#restJson1",
    request: { method: "POST", uri: "/x/$v:L", body: '{ "a" : $v:S, "d": "$$" }' },
    response: { code: 400, headers: { "x-amzn-errortype": "$t:L" } },
  };

  it("makes one case per parameter index, ids suffixed _case<i>", () => {
    const cases = expandMalformed({
      ...base,
      testParameters: { v: ['a"b', "c"], t: ["E1", "E2"] },
    });
    expect(cases.map((c) => c.id)).toEqual(["Case_case0", "Case_case1"]);
    expect(cases[0]!.request.uri).toBe('/x/a"b');
    expect(cases[0]!.request.body).toBe('{ "a" : "a\\"b", "d": "$" }');
    expect(cases[1]!.response.headers).toEqual({ "x-amzn-errortype": "E2" });
  });

  it("leaves a case without parameters as it is", () => {
    expect(expandMalformed(base)).toEqual([base]);
  });

  it("refuses a placeholder naming no parameter", () => {
    expect(() => expandMalformed({ ...base, testParameters: { t: ["E"] } })).toThrow(
      /no test parameter named v/,
    );
  });
});

describe("comparisons", () => {
  it("compares values: Date by time, bytes by content, NaN equal to NaN, undefined as absent", () => {
    const at = new Date(1_000);
    expect(
      diffValues(
        { a: at, b: new Uint8Array([1]), c: Number.NaN },
        { a: new Date(1_000), b: new Uint8Array([1]), c: Number.NaN, d: undefined },
      ),
    ).toEqual([]);
    expect(diffValues({ a: at }, { a: new Date(2_000) })).toHaveLength(1);
    expect(diffValues({ b: new Uint8Array([1]) }, { b: new Uint8Array([2]) })).toHaveLength(1);
    expect(diffValues({}, { extra: 1 })).toEqual(["$.extra: expected undefined, got 1"]);
    expect(diffValues({ a: null }, {})).toHaveLength(1);
  });

  it("compares JSON bodies as JSON and other bodies exactly", () => {
    expect(diffBody('{"a": 1, "b": [true]}', '{"b":[true],"a":1}', "application/json")).toEqual([]);
    expect(diffBody('{"a": 1}', '{"a":1,"b":2}', "application/json")).toHaveLength(1);
    expect(diffBody("abc", new TextEncoder().encode("abc"), undefined)).toEqual([]);
    expect(diffBody("abc", "abd", "text/plain")).toHaveLength(1);
    expect(diffBody("", undefined, "application/json")).toEqual([]);
  });

  it("checks headers case-insensitively, and forbidden and required ones", () => {
    const actual = { "content-type": "application/json", "x-a": "1" };
    expect(diffHeaders(actual, { "Content-Type": "application/json" }, ["X-B"], ["x-a"])).toEqual(
      [],
    );
    expect(diffHeaders(actual, { "X-A": "2" })).toHaveLength(1);
    expect(diffHeaders(actual, {}, ["X-A"])).toHaveLength(1);
    expect(diffHeaders(actual, {}, [], ["X-C"])).toHaveLength(1);
  });

  it("matches encoded query params against decoded ones, each once", () => {
    const query = { a: ["x y", "x y"], b: "%" };
    expect(diffQuery(query, ["a=x%20y", "a=x%20y", "b=%25"], ["c"], ["b"])).toEqual([]);
    expect(diffQuery(query, ["a=x%20y", "a=x%20y", "a=x%20y"])).toHaveLength(1);
    expect(diffQuery(query, [], ["a"])).toHaveLength(1);
  });
});

describe("params as TypeScript values", () => {
  const model = {
    smithy: "2.0",
    shapes: {
      "t#S": {
        type: "structure",
        members: {
          when: { target: "t#T" },
          data: { target: "t#B" },
          f: { target: "t#D" },
          list: { target: "t#L" },
          s: { target: "t#Str", traits: { "smithy.api#required": {} } },
        },
      },
      "t#T": { type: "timestamp" },
      "t#B": { type: "blob" },
      "t#D": { type: "double" },
      "t#L": { type: "list", member: { target: "t#T" } },
      "t#Str": { type: "string", traits: { "smithy.api#length": { min: 3 } } },
    },
  } as unknown as Model;

  it("converts timestamps, blobs and non-finite floats by the model", () => {
    expect(
      toTypeScriptValue(model, "t#S", { when: 1.5, data: "hi", f: "-Infinity", list: [0] }),
    ).toEqual({
      when: new Date(1_500),
      data: new TextEncoder().encode("hi"),
      f: Number.NEGATIVE_INFINITY,
      list: [new Date(0)],
    });
  });

  it("keeps null members, or reads them as absent", () => {
    expect(toTypeScriptValue(model, "t#S", { s: null })).toEqual({ s: null });
    expect(toTypeScriptValue(model, "t#S", { s: null }, "absent")).toEqual({});
  });

  it("refuses params naming a member the shape lacks", () => {
    expect(() => toTypeScriptValue(model, "t#S", { nope: 1 })).toThrow(/lacks/);
  });

  it("samples the smallest valid value: required members only, honouring @length", () => {
    expect(sampleValue(model, "t#S")).toEqual({ s: "aaa" });
  });
});
