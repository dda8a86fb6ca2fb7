import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { AstShape } from "../../src/model/ast.js";
import { composeService, type PageResult } from "../../src/transcribe/compose.js";
import { detectFormat } from "../../src/transcribe/detect.js";
import { type TranscribedService, TranscribeError } from "../../src/transcribe/transcribed.js";
import { ROOT, transcribed } from "./support.js";

const ns = "example.svc";

function page(
  file: string,
  format: PageResult["format"],
  shapes: Record<string, AstShape>,
): PageResult {
  const sources = Object.fromEntries(Object.keys(shapes).map((id) => [id, { file, line: 3 }]));
  const service: TranscribedService = { namespace: ns, shapes, sources, repairs: [] };
  return { file, format, service };
}

const err = (code: number, doc: string): AstShape => ({
  type: "structure",
  members: {},
  traits: {
    "smithy.api#documentation": doc,
    "smithy.api#error": "client",
    "smithy.api#httpError": code,
  },
});
const op = (errors: string[]): AstShape => ({
  type: "operation",
  errors: errors.map((target) => ({ target })),
});

describe("composeService", () => {
  it("merges pages: one mixin with every operation, shared errors once, new-look docs preferred", () => {
    const composed = composeService(ns, "SvcApi", [
      page("a.txt", "web-old", {
        [`${ns}#A`]: op([`${ns}#E`]),
        [`${ns}#E`]: err(400, "Old words."),
      }),
      page("b.txt", "web-new", {
        [`${ns}#B`]: op([`${ns}#E`]),
        [`${ns}#E`]: err(400, "New words."),
      }),
    ]);
    expect(Object.keys(composed.shapes)).toEqual([`${ns}#SvcApi`, `${ns}#A`, `${ns}#E`, `${ns}#B`]);
    expect(composed.shapes[`${ns}#SvcApi`]).toEqual({
      type: "service",
      traits: { "smithy.api#mixin": {} },
      operations: [{ target: `${ns}#A` }, { target: `${ns}#B` }],
    });
    expect(composed.shapes[`${ns}#E`].traits?.["smithy.api#documentation"]).toBe("New words.");
    expect(composed.repairs).toEqual([
      expect.objectContaining({ file: "a.txt", line: 3, subject: `${ns}#E`, used: '"New words."' }),
    ]);
    expect(composed.sources[`${ns}#E`]).toEqual({ file: "b.txt", line: 3 });
  });

  it("takes the version and common errors from a page's own service mixin", () => {
    const composed = composeService(ns, "SvcApi", [
      page("ref.txt", "pdf-reference", {
        [`${ns}#RefApi`]: {
          type: "service",
          traits: { "smithy.api#mixin": {} },
          version: "2016-02-16",
          operations: [{ target: `${ns}#A` }],
          errors: [{ target: `${ns}#E` }],
        },
        [`${ns}#A`]: op([]),
        [`${ns}#E`]: err(500, "x"),
      }),
    ]);
    expect(composed.shapes[`${ns}#RefApi`]).toMatchObject({
      version: "2016-02-16",
      operations: [{ target: `${ns}#A` }],
      errors: [{ target: `${ns}#E` }],
    });
    expect(composed.shapes[`${ns}#SvcApi`]).toBeUndefined();
  });

  it("rejects shared shapes that differ in more than their documentation, and conflicting versions", () => {
    expect(() =>
      composeService(ns, "SvcApi", [
        page("a.txt", "web-new", { [`${ns}#E`]: err(400, "x") }),
        page("b.txt", "web-new", { [`${ns}#E`]: err(404, "x") }),
      ]),
    ).toThrow(
      /^b\.txt:3: example\.svc#E conflicts with its definition at a\.txt:3: smithy\.api#httpError is 400 there and 404 here$/,
    );
    const a = {
      ...page("a.txt", "web-old", {}),
      version: { value: "2020-01-01", file: "a.txt", line: 2 },
    };
    const b = {
      ...page("b.txt", "web-old", {}),
      version: { value: "2021-01-01", file: "b.txt", line: 2 },
    };
    expect(() => composeService(ns, "SvcApi", [a, b])).toThrow(TranscribeError);
  });

  it("Security Hub: two pages, five errors each, six distinct, the old look's version", async () => {
    const s = await transcribed("securityhub");
    const mixin = s.shapes["com.amazonaws.securityhub#SecurityHubApi"];
    expect(mixin.version).toBe("2018-10-26");
    expect(mixin.operations).toHaveLength(2);
    expect(
      s.repairs.filter((r) => r.why.startsWith("two pages describe")).map((r) => r.subject),
    ).toEqual([
      "com.amazonaws.securityhub#InvalidAccessException",
      "com.amazonaws.securityhub#LimitExceededException",
    ]);
  });
});

describe("detectFormat on the real docs", () => {
  it.each([
    ["inspector/docs/inspector-api-reference-2016-02-16.txt", "pdf-reference"],
    ["securityhub/docs/securityhub-CreateActionTarget.txt", "web-new"],
    ["securityhub/docs/securityhub-AcceptInvitation.txt", "web-old"],
    ["guardduty/docs/guardduty-CreatePublishingDestination.txt", "web-new"],
    ["securitylake/docs/securitylake-CreateSubscriber.txt", "web-new"],
  ])("%s is %s", (file, format) => {
    expect(detectFormat(readFileSync(join(ROOT, "models", file), "utf8"), file)).toBe(format);
  });
});
