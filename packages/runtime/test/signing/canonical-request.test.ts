import { describe, expect, it } from "vitest";
import {
  canonicalHeaders,
  canonicalPath,
  canonicalQuery,
  canonicalValue,
  escapeUri,
  isSignable,
} from "../../src/signing/canonical-request.js";

describe("escapeUri", () => {
  it("leaves only RFC 3986 unreserved characters as they are", () => {
    expect(escapeUri("AZaz09-_.~")).toBe("AZaz09-_.~");
    expect(escapeUri(" !'()*+,/:;=?@[]%")).toBe(
      "%20%21%27%28%29%2A%2B%2C%2F%3A%3B%3D%3F%40%5B%5D%25",
    );
    expect(escapeUri("ሴ😀")).toBe("%E1%88%B4%F0%9F%98%80");
  });
});

describe("canonicalPath (uriEscapePath, as the SDK for every service but S3)", () => {
  it.each([
    ["/", "/"],
    ["", ""],
    ["/v1/findings", "/v1/findings"],
    ["/findings/", "/findings/"],
    // the path travels encoded; its escapes are encoded again
    ["/a%20b/c", "/a%2520b/c"],
    ["/%E1%88%B4", "/%25E1%2588%25B4"],
    ["/%2F", "/%252F"],
    ["/ሴ", "/%E1%88%B4"],
    ["/a:b@c/!'()*", "/a%3Ab%40c/%21%27%28%29%2A"],
    // dot segments resolved, empty segments dropped
    ["/a/./b/../c/", "/a/c/"],
    ["//x//y", "/x/y"],
    ["/..", "/"],
    ["/../", "/"],
    ["/.hidden/x.y", "/.hidden/x.y"],
    ["a/b", "a/b"],
  ])("%j -> %j", (path, expected) => {
    expect(canonicalPath(path)).toBe(expected);
  });

  it("throws URIError on a lone surrogate, as the SDK's encoder does", () => {
    expect(() => canonicalPath("/a\ud800")).toThrow(
      new URIError(
        'SigV4: cannot encode "a\\ud800" of the request: it holds a lone UTF-16 surrogate',
      ),
    );
  });
});

describe("canonicalQuery", () => {
  it("sorts by encoded name (code point order: upper case first)", () => {
    expect(canonicalQuery({ b: "2", a: "1", A: "0" })).toBe("A=0&a=1&b=2");
  });
  it("sorts a repeated name's values and keeps duplicates", () => {
    expect(canonicalQuery({ k: ["b", "a", "a"], j: "x" })).toBe("j=x&k=a&k=a&k=b");
  });
  it("writes `name=` for empty values and drops nulls and empty lists", () => {
    expect(canonicalQuery({ e: "", n: null, l: [], z: [""] })).toBe("e=&z=");
  });
  it("encodes names and values per RFC 3986 (space %20, + %2B, * %2A, ~ kept)", () => {
    expect(canonicalQuery({ "a b": "c+d*e~f", é: "/" })).toBe("%C3%A9=%2F&a%20b=c%2Bd%2Ae~f");
  });
  it("leaves X-Amz-Signature out in any case", () => {
    expect(canonicalQuery({ "X-Amz-Signature": "s", "x-amz-signature": "t", q: "1" })).toBe("q=1");
  });
  it("is empty without a query", () => {
    expect(canonicalQuery(undefined)).toBe("");
    expect(canonicalQuery({})).toBe("");
  });
});

describe("canonical headers", () => {
  it("collapses runs of spaces and tabs, turns CR/LF into spaces, trims the ends", () => {
    expect(canonicalValue("  a \t\t b  ")).toBe("a b");
    expect(canonicalValue("a\r\nb")).toBe("a b");
    expect(canonicalValue("plain value")).toBe("plain value");
    expect(canonicalValue(" ")).toBe("");
    expect(canonicalValue('"a  b"')).toBe('"a b"');
  });

  it("lists names sorted, a line per header and the signed-headers list", () => {
    const values = new Map([
      ["x-amz-target", "Svc.Op"],
      ["content-type", canonicalValue("  application/json ")],
      ["host", "example.com"],
    ]);
    expect(canonicalHeaders(values)).toEqual({
      block: "content-type:application/json\nhost:example.com\nx-amz-target:Svc.Op\n",
      signed: "content-type;host;x-amz-target",
    });
  });

  it("never signs the SDK's unsignable headers", () => {
    for (const name of [
      "authorization",
      "user-agent",
      "x-amzn-trace-id",
      "expect",
      "connection",
      "transfer-encoding",
      "proxy-authorization",
      "sec-fetch-mode",
    ]) {
      expect(isSignable(name), name).toBe(false);
    }
    for (const name of ["host", "content-type", "x-amz-user-agent", "amz-sdk-request"]) {
      expect(isSignable(name), name).toBe(true);
    }
  });
});
