import { describe, expect, it } from "vitest";
import type { CodeItem } from "../../../src/transcribe/pdf-reference/pages.js";
import { splitLines } from "../../../src/transcribe/pdf-reference/pages.js";
import { header, parseSample } from "../../../src/transcribe/pdf-reference/samples.js";

function block(text: string, breaks: number[] = []): CodeItem {
  const lines = splitLines(text);
  return { kind: "code", line: { n: 0, text: "```" }, lines, breaks };
}

describe("sample HTTP exchanges", () => {
  it("splits a request into request line, headers and body; joins a wrapped header", () => {
    const s = parseSample(
      block(
        [
          "POST / HTTP/1.1",
          "Host: inspector.us-west-2.amazonaws.com",
          "X-Amz-Target: InspectorService.ListFindings",
          "User-Agent: aws-cli/1.10.12 Python/2.7.9 Windows/7 boto",
          "core/1.4.3",
          "",
          "Content-Type: application/x-amz-json-1.1",
          "{",
          '  "a": 1',
          "}",
        ].join("\n"),
        [8],
      ),
      "request",
      "f.txt",
    );
    expect(s.startLine?.text).toBe("POST / HTTP/1.1");
    expect(header(s, "x-amz-target")?.value).toBe("InspectorService.ListFindings");
    expect(header(s, "User-Agent")?.value).toBe(
      "aws-cli/1.10.12 Python/2.7.9 Windows/7 botocore/1.4.3",
    );
    expect(s.repairs).toHaveLength(1);
    expect(s.body?.lines.map((l) => l.text)).toEqual(["{", '  "a": 1', "}"]);
    expect(s.body?.breaks).toEqual([1]);
  });

  it("keeps a header tail printed away from its header as a stray line", () => {
    const s = parseSample(
      block(
        [
          "core/1.4.3",
          "",
          "POST / HTTP/1.1",
          "X-Amz-Target: S.Op",
          "User-Agent: boto",
          "",
          "{}",
        ].join("\n"),
      ),
      "request",
      "f.txt",
    );
    expect(s.stray.map((l) => l.n)).toEqual([1]);
    expect(header(s, "User-Agent")?.value).toBe("boto");
  });

  it("reads a response without a body", () => {
    const s = parseSample(block("HTTP/1.1 200 OK\nContent-Length: 0\n"), "response", "f.txt");
    expect(s.startLine?.text).toBe("HTTP/1.1 200 OK");
    expect(s.body).toBeUndefined();
  });
});
