import { describe, expect, it } from "vitest";
import { parseBlocks } from "../../../src/transcribe/pdf-reference/members.js";
import { type Item, splitLines } from "../../../src/transcribe/pdf-reference/pages.js";
import { cleanInline, documentation } from "../../../src/transcribe/pdf-reference/text.js";

function items(text: string): Item[] {
  return splitLines(text).map((line) => ({ kind: "text", line }));
}

const OPTIONS = { file: "f.txt", what: "member", requiredField: "Type" };

describe("member blocks", () => {
  it("reads name, documentation and fields; skips the introduction", () => {
    const blocks = parseBlocks(
      items(
        [
          "For information about the parameters that are common to all actions, see [Common Parameters \\(p. 129\\)](#).",
          "",
          "The request requires the following data in JSON format.",
          "",
          "[resourceGroupTags \\(p. 13\\)](#)",
          "",
          "A collection of keys and an array of possible values,",
          '[{"key":"key1","values":["Value1"]}].',
          "",
          "For example, see [CreateAssessmentTarget \\(p. 7\\)](#).",
          "",
          "Type: array of [ResourceGroupTag \\(p. 123\\)](#) objects",
          "",
          "Array Members: Minimum number of 1 item. Maximum number of 10 items.",
          "",
          "Required: Yes",
          "",
          "locale (p. 34)",
          "Type: String",
          "Valid Values: EN_US",
          "Required: No",
        ].join("\n"),
      ),
      OPTIONS,
    );
    expect(blocks.map((b) => b.name)).toEqual(["resourceGroupTags", "locale"]);
    const [tags, locale] = blocks;
    expect(tags.documentation).toBe(
      'A collection of keys and an array of possible values, [{"key":"key1","values":["Value1"]}].\n\nFor example, see CreateAssessmentTarget.',
    );
    expect(tags.fields.get("Type")?.value).toBe("array of ResourceGroupTag objects");
    expect(tags.fields.get("Array Members")?.value).toBe(
      "Minimum number of 1 item. Maximum number of 10 items.",
    );
    expect(tags.fields.get("Required")?.line.n).toBe(16);
    expect(locale.documentation).toBeUndefined();
    expect(locale.fields.get("Valid Values")?.value).toBe("EN_US");
  });

  it("joins a Valid Values list wrapped at a '|', also across a removed page header", () => {
    const [state] = parseBlocks(
      items(
        [
          "states",
          "Type: array of Strings",
          "Valid Values: `CREATED` | `START_DATA_COLLECTION_PENDING` |",
          "",
          "STOP_DATA_COLLECTION_PENDING | FAILED",
          "| COMPLETED",
          "Required: No",
        ].join("\n"),
      ),
      OPTIONS,
    );
    expect(state.fields.get("Valid Values")?.value).toBe(
      "`CREATED` | `START_DATA_COLLECTION_PENDING` | STOP_DATA_COLLECTION_PENDING | FAILED | COMPLETED",
    );
  });

  it("reports a member without a Type line (truncated) at the member's line", () => {
    expect(() =>
      parseBlocks(items("name\n\nThe name.\n\nsize\n\nThe size.\n\nType: Integer\n"), OPTIONS),
    ).toThrow(/^f\.txt:1: member "name" has no "Type:" line \(truncated section\?\)/);
    expect(() =>
      parseBlocks(items("name\n\nType: String\n\nsize\n\nThe size.\n"), OPTIONS),
    ).toThrow(/^f\.txt:5: member "size" has no "Type:" line/);
  });

  it("reports prose after the fields of a member", () => {
    expect(() =>
      parseBlocks(items("name\nType: String\nRequired: Yes\nThis is not a field.\n"), OPTIONS),
    ).toThrow(/^f\.txt:4: unexpected text after the fields of member "name"/);
  });

  it("reads error blocks with their HTTP status and reports one without", () => {
    const errOptions = { file: "f.txt", what: "error", requiredField: "HTTP Status Code" };
    const [e] = parseBlocks(
      items("InternalException\n\nInternal server error.\nHTTP Status Code: 500\n"),
      errOptions,
    );
    expect(e.name).toBe("InternalException");
    expect(e.fields.get("HTTP Status Code")?.value).toBe("500");
    expect(() => parseBlocks(items("ValidationError\n\nThe input fails.\n"), errOptions)).toThrow(
      /^f\.txt:1: error "ValidationError" has no "HTTP Status Code:" line/,
    );
  });
});

describe("prose cleanup", () => {
  it("removes page references and local links, keeps real links", () => {
    expect(cleanInline("see [Common Errors](#) (p. 131) and [Guide](https://example.com/g).")).toBe(
      "see Common Errors and [Guide](https://example.com/g).",
    );
    expect(cleanInline("[FailedItemDetails \\(p. 116\\)](#) object")).toBe(
      "FailedItemDetails object",
    );
  });

  it("joins wrapped lines into paragraphs; a hyphen cut joins without a space", () => {
    expect(documentation(["The auto-", "generated name", "of the run.", "", "Second."])).toBe(
      "The auto-generated name of the run.\n\nSecond.",
    );
  });
});
