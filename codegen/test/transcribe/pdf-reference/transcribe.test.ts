import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { transcribePdfReference } from "../../../src/transcribe/pdf-reference/index.js";
import { TranscribeError } from "../../../src/transcribe/transcribed.js";

const FIXTURES = new URL("./fixtures/", import.meta.url);
const MINI = readFileSync(new URL("mini-reference.txt", FIXTURES), "utf8");
const NS = "com.example.widget";
const id = (name: string) => `${NS}#${name}`;

function transcribe(text: string) {
  return transcribePdfReference(text, "fixtures/mini-reference.txt", NS);
}

/** 1-based line of the n-th (0-based) line of `text` equal to `line`. */
function lineOf(text: string, line: string, nth = 0): number {
  const lines = text.split("\n");
  let seen = 0;
  for (let i = 0; i < lines.length; i++) if (lines[i] === line && seen++ === nth) return i + 1;
  throw new Error(`no line ${line}`);
}

function errorOf(fn: () => unknown): TranscribeError {
  try {
    fn();
  } catch (e) {
    if (e instanceof TranscribeError) return e;
    throw e;
  }
  throw new Error("no TranscribeError");
}

describe("PDF reference transcription (small extract)", () => {
  const t = transcribe(MINI);

  it("makes the service mixin with the version, operations and common errors", () => {
    expect(Object.keys(t.shapes)[0]).toBe(id("WidgetApi"));
    const mixin = t.shapes[id("WidgetApi")];
    expect(mixin.type).toBe("service");
    expect(mixin.traits?.["smithy.api#mixin"]).toEqual({});
    expect(mixin.version).toBe("2020-01-01");
    expect(mixin.operations).toEqual([
      { target: id("CreateWidget") },
      { target: id("DeleteWidget") },
    ]);
    expect(mixin.errors).toEqual([
      { target: id("Throttling") },
      { target: id("ServiceUnavailable") },
    ]);
  });

  it("makes operations with <Op>Request / <Op>Response, errors and documentation", () => {
    const op = t.shapes[id("CreateWidget")];
    expect(op.input).toEqual({ target: id("CreateWidgetRequest") });
    expect(op.output).toEqual({ target: id("CreateWidgetResponse") });
    expect(op.errors).toEqual([
      { target: id("InternalException") },
      { target: id("InvalidInputException") },
    ]);
    expect(op.traits?.["smithy.api#documentation"]).toBe(
      "Creates a widget with the WidgetTag objects that you specify.",
    );
    // An empty HTTP body: no output.
    expect(t.shapes[id("DeleteWidget")].output).toBeUndefined();
  });

  it("transcribes members with types and constraints", () => {
    const input = t.shapes[id("CreateWidgetRequest")];
    expect(input.members?.name).toEqual({
      target: "smithy.api#String",
      traits: {
        "smithy.api#required": {},
        "smithy.api#length": { min: 1, max: 64 },
        "smithy.api#pattern": "^[a-z]+$",
        "smithy.api#documentation": "The name of the widget.",
      },
    });
    expect(input.members?.size.traits?.["smithy.api#range"]).toEqual({ min: 1, max: 100 });
    expect(input.members?.size.traits?.["smithy.api#documentation"]).toBe(
      "The size of the widget, in centimeters.",
    );
    expect(input.members?.tags).toMatchObject({
      target: id("WidgetTagList"),
      traits: { "smithy.api#length": { min: 0, max: 5 } },
    });
    expect(t.shapes[id("WidgetTagList")]).toEqual({
      type: "list",
      member: { target: id("WidgetTag") },
    });
  });

  it("makes enums of valid values, also when the list wraps across a page header", () => {
    expect(t.shapes[id("Widget")].members?.state.target).toBe(id("WidgetState"));
    expect(t.shapes[id("WidgetState")]).toEqual({
      type: "enum",
      members: {
        GREEN: { target: "smithy.api#Unit", traits: { "smithy.api#enumValue": "GREEN" } },
        BLUE: { target: "smithy.api#Unit", traits: { "smithy.api#enumValue": "BLUE" } },
        RED: { target: "smithy.api#Unit", traits: { "smithy.api#enumValue": "RED" } },
      },
    });
  });

  it("makes error structures with their fault and HTTP status", () => {
    expect(t.shapes[id("InternalException")].traits).toEqual({
      "smithy.api#error": "server",
      "smithy.api#httpError": 500,
      "smithy.api#documentation": "Internal server error.",
    });
    expect(t.shapes[id("Throttling")].traits?.["smithy.api#error"]).toBe("client");
    expect(t.shapes[id("ServiceUnavailable")].traits?.["smithy.api#httpError"]).toBe(503);
  });

  it("turns the samples into examples and protocol tests, repairing broken JSON", () => {
    const traits = t.shapes[id("CreateWidget")].traits!;
    const [example] = traits["smithy.api#examples"] as any[];
    expect(example.input).toEqual({
      name: "arn:aws:widget:us-west-2:123456789012:widget/0-AB6DMKnv",
      size: 3,
      tags: [{ key: "Color" }],
    });
    expect(example.output).toEqual({
      widgets: [
        { name: "alpha", state: "GREEN" },
        { name: "beta", state: "BLUE" },
      ],
    });
    const [request] = traits["smithy.test#httpRequestTests"] as any[];
    expect(request).toMatchObject({
      id: "Widget_CreateWidget_Sample",
      protocol: "aws.protocols#awsJson1_1",
      method: "POST",
      uri: "/",
      headers: {
        "X-Amz-Target": "WidgetService.CreateWidget",
        "Content-Type": "application/x-amz-json-1.1",
      },
      bodyMediaType: "application/json",
      params: example.input,
    });
    expect(JSON.parse(request.body)).toEqual(example.input);
    const [response] = traits["smithy.test#httpResponseTests"] as any[];
    expect(response).toMatchObject({
      id: "Widget_CreateWidget_Sample",
      code: 200,
      params: example.output,
    });
    const del = t.shapes[id("DeleteWidget")].traits!;
    expect((del["smithy.test#httpResponseTests"] as any[])[0]).toMatchObject({
      code: 200,
      body: "",
      params: {},
    });
  });

  it("records each repair with where, what is printed, what is used and why, in docs order", () => {
    const lines = t.repairs.map((r) => r.line);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    const arn = t.repairs.find((r) => r.printed.includes("us-west-⏎2"));
    expect(arn).toMatchObject({
      file: "fixtures/mini-reference.txt",
      line: lineOf(MINI, '  "name": "arn:aws:widget:us-west-'),
      subject: `${id("CreateWidget")} example`,
    });
    const closers = t.repairs.find((r) => /closed the JSON before the page break/.test(r.why));
    expect(closers?.line).toBe(lineOf(MINI, "{", 4));
    // Headers the model does not keep (User-Agent) are not repairs of the model.
    expect(t.repairs.some((r) => r.used.startsWith("User-Agent"))).toBe(false);
  });

  it("says where each shape and member was read", () => {
    expect(t.sources[id("Widget")]).toEqual({
      file: "fixtures/mini-reference.txt",
      line: lineOf(MINI, "Widget"),
    });
    expect(t.sources[`${id("Widget")}$state`].line).toBe(lineOf(MINI, "state"));
  });
});

describe("PDF reference transcription: broken inputs", () => {
  it("reports a text that ends inside the document (truncated) at its last line", () => {
    const text = readFileSync(new URL("mini-truncated.txt", FIXTURES), "utf8");
    const e = errorOf(() => transcribePdfReference(text, "t.txt", NS));
    expect(e.message).toMatch(
      /section "Data Types" listed in the table of contents is missing \(truncated text\?\)/,
    );
    expect(e.location.line).toBe(text.trimEnd().split("\n").length);
  });

  it("reports a section that lacks a subsection the table of contents lists", () => {
    const text = MINI.replace(
      /\nErrors\n\nFor information about the errors[^\n]*\n\nInternalException\n\nInternal server error.\n\nHTTP Status Code: 500\n\nExample\n\nSample Request\n\n```\nPOST \/ HTTP\/1.1\nX-Amz-Target: WidgetService.DeleteWidget/,
      "\nExample\n\nSample Request\n\n```\nPOST / HTTP/1.1\nX-Amz-Target: WidgetService.DeleteWidget",
    );
    expect(text).not.toBe(MINI);
    const e = errorOf(() => transcribe(text));
    expect(e.message).toMatch(/section "DeleteWidget" has no "Errors" subsection/);
    // The body's heading: the table of contents prints "DeleteWidget<TAB>5".
    expect(e.location.line).toBe(lineOf(text, "DeleteWidget"));
  });

  it("reports a type that is referenced and nowhere defined at its Type line", () => {
    const text = MINI.replace(
      "Type: array of [Widget \\(p. 7\\)](#) objects",
      "Type: array of [Gadget \\(p. 7\\)](#) objects",
    );
    expect(text).not.toBe(MINI);
    const e = errorOf(() => transcribe(text));
    expect(e.message).toMatch(/type "Gadget" is referenced and nowhere defined/);
    expect(e.location.line).toBe(lineOf(text, "Type: array of [Gadget \\(p. 7\\)](#) objects"));
  });

  it("reports a member block cut before its Type line", () => {
    const text = MINI.replace(
      "The name of the widget to delete.\n\nType: String\n\n",
      "The name of the widget to delete.\n\n",
    );
    const e = errorOf(() => transcribe(text));
    expect(e.message).toMatch(/member "name" has no "Type:" line/);
    expect(e.location.line).toBe(lineOf(text, "name (p. 5)", 0));
  });

  it("reports an error block without its HTTP status", () => {
    const text = MINI.replace(/HTTP Status Code: 503\n?$/, "");
    const e = errorOf(() => transcribe(text));
    expect(e.message).toMatch(/error "ServiceUnavailable" has no "HTTP Status Code:" line/);
    expect(e.location.line).toBe(lineOf(text, "ServiceUnavailable"));
  });

  it("reports a page in no known shape", () => {
    const e = errorOf(() =>
      transcribe("# CreateActionTarget\n\nCreates a custom action target.\n"),
    );
    expect(e.location).toEqual({ file: "fixtures/mini-reference.txt", line: 1 });
  });

  it("reports a sample whose X-Amz-Target names another action", () => {
    const text = MINI.replace(
      "X-Amz-Target: WidgetService.DeleteWidget",
      "X-Amz-Target: WidgetService.RemoveWidget",
    );
    const e = errorOf(() => transcribe(text));
    expect(e.message).toMatch(/does not name DeleteWidget/);
    expect(e.location.line).toBe(lineOf(text, "X-Amz-Target: WidgetService.RemoveWidget"));
  });
});
