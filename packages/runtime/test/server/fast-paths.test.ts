// The node adapter's shortcuts must agree with what they replace: request targets split without
// a URL parser, header checks without node's validators, body deadlines under one timer.
import { validateHeaderName, validateHeaderValue } from "node:http";
import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { BodyDeadlines } from "../../src/server/body-deadlines.js";
import { isHeaderName, isHeaderValue } from "../../src/server/header-checks.js";
import { requestUrl, targetParts } from "../../src/server/request-target.js";
import { wireRecord } from "../../src/server/wire-record.js";

const nodeAccepts = (check: () => void) => {
  try {
    check();
    return true;
  } catch {
    return false;
  }
};

/** Characters that matter to a URL parser, and some that do not. */
const targetChar = fc.constantFrom(
  ..."aZ09-._~!$&'()*+,;=:@/%?#\\ \"<>`{}|^[]\t\n".split(""),
  "%2e",
  "%2E",
  ".",
  "..",
  "é",
  "\u0000",
  "\u{1F600}",
);

describe("targetParts", () => {
  it("gives the path and query a WHATWG URL gives, for any target", () => {
    fc.assert(
      fc.property(fc.array(targetChar, { maxLength: 24 }), fc.boolean(), (chars, slash) => {
        const target = (slash ? "/" : "") + chars.join("");
        const url = requestUrl(target, "127.0.0.1:8080");
        expect(targetParts(target, "127.0.0.1:8080")).toEqual({
          path: url.pathname,
          search: url.search.slice(1),
        });
      }),
      { numRuns: 3000 },
    );
  });

  it("splits plain targets and leaves dot segments and odd characters to the URL parser", () => {
    expect(targetParts("/things/a.txt?x=1&y", undefined)).toEqual({
      path: "/things/a.txt",
      search: "x=1&y",
    });
    expect(targetParts("/a/../b", undefined)).toEqual({ path: "/b", search: "" });
    expect(targetParts("/a/%2E%2e/b?", undefined)).toEqual({ path: "/b", search: "" });
    expect(targetParts("/a b?c d", undefined)).toEqual({ path: "/a%20b", search: "c%20d" });
    expect(targetParts("http://other/x?q", "h")).toEqual({ path: "/x", search: "q" });
  });
});

describe("header checks", () => {
  it("accept exactly what node's validateHeaderName and validateHeaderValue accept", () => {
    const anyChar = fc.integer({ min: 0, max: 0x3ff }).map((c) => String.fromCharCode(c));
    const text = fc.array(fc.oneof(anyChar, fc.constantFrom("a", "-", " ", "\t")), {
      maxLength: 12,
    });
    fc.assert(
      fc.property(text, (chars) => {
        const s = chars.join("");
        expect(isHeaderName(s)).toBe(nodeAccepts(() => validateHeaderName(s)));
        expect(isHeaderValue(s)).toBe(nodeAccepts(() => validateHeaderValue("x", s)));
      }),
      { numRuns: 5000 },
    );
  });
});

describe("BodyDeadlines", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("expires the unfinished bodies in order and forgets removed ones", () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance"] });
    const deadlines = new BodyDeadlines(30);
    const expired: string[] = [];
    const a = deadlines.add(() => expired.push("a"));
    const b = deadlines.add(() => expired.push("b"));
    deadlines.add(() => expired.push("c"));
    deadlines.remove(b);
    deadlines.remove(b); // twice is harmless
    vi.advanceTimersByTime(10);
    const d = deadlines.add(() => expired.push("d"));
    vi.advanceTimersByTime(19);
    expect(expired).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(expired).toEqual(["a", "c"]);
    deadlines.remove(a); // already expired: harmless
    vi.advanceTimersByTime(9);
    expect(expired).toEqual(["a", "c"]);
    vi.advanceTimersByTime(1);
    expect(expired).toEqual(["a", "c", "d"]);
    deadlines.remove(d);
    deadlines.add(() => expired.push("e"));
    const f = deadlines.add(() => expired.push("f"));
    deadlines.remove(f);
    vi.advanceTimersByTime(30);
    expect(expired).toEqual(["a", "c", "d", "e"]);
    expect(vi.getTimerCount()).toBe(0); // nothing left to wait for: no timer
  });
});

describe("wireRecord", () => {
  it("inherits nothing and keeps __proto__ as an own key", () => {
    const record: Record<string, unknown> = wireRecord<string>();
    const proto = "__proto__"; // as a header or query name from the wire
    record[proto] = "x";
    record["constructor" as string] = "y";
    expect(Object.keys(record)).toEqual(["__proto__", "constructor"]);
    expect(record.toString).toBeUndefined();
    expect("hasOwnProperty" in record).toBe(false);
    expect(Object.getPrototypeOf(Object.getPrototypeOf(record))).toBeNull();
  });
});
