import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { joinHeaderList, splitHeaderList } from "../../src/protocol/rest-json/http-values.js";
import {
  decodeBase64,
  encodeBase64,
  fromBase64,
  toBase64,
} from "../../src/protocol/serde/base64.js";
import { formatTimestamp, parseTimestamp } from "../../src/protocol/serde/timestamps.js";
import { errorCodeOf, sanitizeErrorCode } from "../../src/protocol/service-errors.js";

describe("timestamps", () => {
  const d = new Date(Date.UTC(2000, 0, 2, 20, 34, 56, 123));
  it("formats the three Smithy formats", () => {
    expect(formatTimestamp(d, "epoch-seconds")).toBe(946845296.123);
    expect(formatTimestamp(d, "date-time")).toBe("2000-01-02T20:34:56.123Z");
    expect(formatTimestamp(new Date(Date.UTC(2014, 3, 29, 18, 30, 38)), "date-time")).toBe(
      "2014-04-29T18:30:38Z",
    );
    expect(formatTimestamp(new Date(Date.UTC(2014, 3, 29, 18, 30, 38)), "http-date")).toBe(
      "Tue, 29 Apr 2014 18:30:38 GMT",
    );
    expect(formatTimestamp(d, "http-date")).toBe("Sun, 02 Jan 2000 20:34:56.123 GMT");
    expect(() => formatTimestamp(new Date(Number.NaN), "date-time")).toThrow(/Invalid Date/);
  });

  it("parses offsets, fractions and refuses garbage", () => {
    expect(parseTimestamp("2019-12-16T22:48:18-01:00", "date-time")).toEqual(
      new Date(Date.UTC(2019, 11, 16, 23, 48, 18)),
    );
    expect(parseTimestamp("2019-12-17T00:48:18+01:00", "date-time")).toEqual(
      new Date(Date.UTC(2019, 11, 16, 23, 48, 18)),
    );
    expect(parseTimestamp("2000-01-02T20:34:56.123456789Z", "date-time")).toEqual(d);
    expect(parseTimestamp("Sun, 02 Jan 2000 20:34:56.123 GMT", "http-date")).toEqual(d);
    expect(parseTimestamp("1576540098", "epoch-seconds")).toEqual(new Date(1576540098000));
    expect(parseTimestamp(946845296.123, "date-time")).toEqual(d);
    expect(parseTimestamp("yesterday", "date-time")).toBeUndefined();
    expect(parseTimestamp("2019-12-16 22:48:18", "date-time")).toBeUndefined();
    expect(parseTimestamp("1e3x", "epoch-seconds")).toBeUndefined();
  });

  it("round-trips every format (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 253402300799999 }),
        fc.constantFrom("epoch-seconds", "date-time", "http-date" as const),
        (ms, format) => {
          const date = new Date(ms);
          expect(parseTimestamp(formatTimestamp(date, format), format)).toEqual(date);
        },
      ),
    );
  });
});

describe("base64", () => {
  it("round-trips bytes (property) and refuses non-base64", () => {
    fc.assert(
      fc.property(fc.uint8Array(), (bytes) => {
        expect(fromBase64(toBase64(bytes))).toEqual(bytes);
      }),
    );
    expect(toBase64(new TextEncoder().encode("abc"))).toBe("YWJj");
    // The browser path (no Buffer) agrees with Node's.
    fc.assert(
      fc.property(fc.uint8Array(), (bytes) => {
        expect(encodeBase64(bytes)).toBe(toBase64(bytes));
        expect(decodeBase64(toBase64(bytes))).toEqual(bytes);
      }),
    );
    expect(fromBase64("not base64!")).toBeUndefined();
  });
});

describe("header lists", () => {
  it("quotes items with commas or quotes and splits them back (property)", () => {
    expect(joinHeaderList(["b,c", '"def"', "a"])).toBe('"b,c", "\\"def\\"", a');
    expect(splitHeaderList('"b,c", "\\"def\\"", a', false)).toEqual(["b,c", '"def"', "a"]);
    expect(
      splitHeaderList("Mon, 16 Dec 2019 23:48:18 GMT, Mon, 16 Dec 2019 23:48:18 GMT", true),
    ).toEqual(["Mon, 16 Dec 2019 23:48:18 GMT", "Mon, 16 Dec 2019 23:48:18 GMT"]);
    fc.assert(
      fc.property(
        fc.array(
          fc.string({ minLength: 1 }).filter((s) => s.trim() === s && s !== ""),
          { minLength: 1 },
        ),
        (items) => {
          expect(splitHeaderList(joinHeaderList(items), false)).toEqual(items);
        },
      ),
    );
  });
});

describe("sanitizeErrorCode", () => {
  it.each([
    ["FooError", "FooError"],
    ["FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/", "FooError"],
    [
      "aws.protocoltests.restjson#FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/",
      "FooError",
    ],
    ["aws.different.namespace#FooError", "FooError"],
    ["FooError,BarError", "FooError"],
    ["aws.ns#FooError:http://x/,aws.ns#BarError", "FooError"],
  ])("%s -> %s", (raw, code) => expect(sanitizeErrorCode(raw)).toBe(code));
});

describe("errorCodeOf: where AWS SDK v3 looks for an error's code", () => {
  it.each([
    ["the header first", { "x-amzn-errortype": "A:http://x/" }, { code: "B", __type: "C" }, "A"],
    [
      "then code, in any case",
      {},
      { Code: "LimitExceededException", Message: "slow" },
      "LimitExceededException",
    ],
    ["code before __type", {}, { code: "B", __type: "ns#C" }, "B"],
    ["CODE too", {}, { CODE: "B" }, "B"],
    ["a numeric code as text", {}, { code: 42 }, "42"],
    ["then __type", {}, { __type: "aws.ns#C", codes: "not it", Message: "m" }, "C"],
    ["none in an array body", {}, [{ code: "B" }], undefined],
    ["none at all", {}, { message: "m" }, undefined],
  ])("%s", (_what, headers, body, code) => {
    expect(errorCodeOf(headers as Record<string, string>, body)).toBe(code);
  });
});
