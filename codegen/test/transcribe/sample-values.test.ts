import { describe, expect, it } from "vitest";
import { meets, sampleString } from "../../src/transcribe/web-page/sample-values.js";

describe("sampleString", () => {
  it("keeps the printed placeholder when it meets the constraints", () => {
    expect(sampleString("string", { pattern: ".*\\S.*" })).toBe("string");
    expect(sampleString("string", { pattern: "^[\\\\\\w\\-_:/.@=+]*$", max: 64 })).toBe("string");
  });

  it("generates from the pattern, stretched to the length constraint", () => {
    expect(sampleString("string", { pattern: "^\\d+$", min: 12, max: 12 })).toBe("123456789012");
    const uuid = "[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}";
    const v = sampleString("string", { pattern: uuid })!;
    expect(v).toMatch(new RegExp(`^${uuid}$`));
    expect(sampleString("string", { pattern: "^arn:.*" })).toBe("arn:string");
    expect(sampleString("x", { pattern: "^(foo|bar)-[A-Z]{2,3}$" })).toMatch(/^foo-[A-Z]{2}$/);
  });

  it("pads or cuts a pattern-free placeholder to the length bounds", () => {
    expect(sampleString("string", { min: 10 })).toBe("stringstri");
    expect(sampleString("string", { max: 3 })).toBe("str");
  });

  it("gives up (undefined) when nothing meets the constraints", () => {
    expect(sampleString("string", { pattern: "^a$", min: 2 })).toBeUndefined();
    expect(sampleString("string", { pattern: "(?=lookahead)" })).toBeUndefined();
  });

  it("meets() checks length in characters and the pattern as a search", () => {
    expect(meets("ab", { min: 2, max: 2, pattern: "b" })).toBe(true);
    expect(meets("ab", { min: 3 })).toBe(false);
    expect(meets("ab", { pattern: "^b" })).toBe(false);
  });
});
