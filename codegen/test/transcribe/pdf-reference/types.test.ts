import { describe, expect, it } from "vitest";
import type { Block, Field } from "../../../src/transcribe/pdf-reference/members.js";
import { parseConstraints, parseType } from "../../../src/transcribe/pdf-reference/types.js";

const at = (value: string, n = 7): Field => ({ value, line: { n, text: value } });

function block(fields: Record<string, string>): Block {
  return {
    name: "m",
    line: { n: 1, text: "m" },
    documentation: undefined,
    fields: new Map(Object.entries(fields).map(([k, v], i) => [k, at(v, i + 2)])),
  };
}

describe("type mapping", () => {
  it("maps the printed types", () => {
    const t = (s: string) => parseType(s, at(s), "f.txt");
    expect(t("String")).toEqual({ kind: "simple", name: "String" });
    expect(t("Long")).toEqual({ kind: "simple", name: "Long" });
    expect(t("Double")).toEqual({ kind: "simple", name: "Double" });
    expect(t("Timestamp")).toEqual({ kind: "simple", name: "Timestamp" });
    expect(t("Boolean")).toEqual({ kind: "simple", name: "Boolean" });
    expect(t("array of Strings")).toEqual({
      kind: "list",
      member: { kind: "simple", name: "String" },
    });
    expect(t("array of Attribute objects")).toEqual({
      kind: "list",
      member: { kind: "ref", name: "Attribute" },
    });
    expect(t("AgentFilter object")).toEqual({ kind: "ref", name: "AgentFilter" });
    expect(t("String to FailedItemDetails object map")).toEqual({
      kind: "map",
      key: { kind: "simple", name: "String" },
      value: { kind: "ref", name: "FailedItemDetails" },
    });
  });

  it("reports an unknown type at its line", () => {
    expect(() => parseType("Widgetish", at("Widgetish", 42), "f.txt")).toThrow(
      /^f\.txt:42: unknown type "Widgetish"/,
    );
  });

  it("reads constraints onto the member, or onto the items of a list", () => {
    const str = parseConstraints(
      block({
        "Length Constraints": "Minimum length of 1. Maximum length of 300.",
        Required: "Yes",
      }),
      { kind: "simple", name: "String" },
      "f.txt",
    );
    expect(str.member).toEqual({
      "smithy.api#length": { min: 1, max: 300 },
      "smithy.api#required": {},
    });
    const list = parseConstraints(
      block({
        "Array Members": "Minimum number of 0 items. Maximum number of 50 items.",
        "Length Constraints": "Maximum length of 1000.",
        "Valid Values": "`Low` | `Medium` | High",
        Pattern: "^[a-z]+$",
        Required: "No",
      }),
      { kind: "list", member: { kind: "simple", name: "String" } },
      "f.txt",
    );
    expect(list.member).toEqual({ "smithy.api#length": { min: 0, max: 50 } });
    expect(list.element).toEqual({
      "smithy.api#length": { max: 1000 },
      "smithy.api#pattern": "^[a-z]+$",
    });
    expect(list.enumValues).toEqual(["Low", "Medium", "High"]);
    const num = parseConstraints(
      block({ "Valid Range": "Minimum value of 0.0. Maximum value of 10.0." }),
      { kind: "simple", name: "Double" },
      "f.txt",
    );
    expect(num.member).toEqual({ "smithy.api#range": { min: 0, max: 10 } });
    const minOnly = parseConstraints(
      block({ "Valid Range": "Minimum value of 0." }),
      { kind: "simple", name: "Integer" },
      "f.txt",
    );
    expect(minOnly.member).toEqual({ "smithy.api#range": { min: 0 } });
  });

  it("reports an unreadable constraint and Array Members on a non-array", () => {
    expect(() =>
      parseConstraints(
        block({ "Length Constraints": "At least one." }),
        { kind: "simple", name: "String" },
        "f.txt",
      ),
    ).toThrow(/^f\.txt:2: m: unreadable constraint/);
    expect(() =>
      parseConstraints(
        block({ "Array Members": "Minimum number of 1 item." }),
        { kind: "simple", name: "String" },
        "f.txt",
      ),
    ).toThrow(/Array Members on a member that is not an array/);
  });
});
