import { describe, expect, it } from "vitest";
import { readPages } from "../../../src/transcribe/pdf-reference/pages.js";
import { TranscribeError } from "../../../src/transcribe/transcribed.js";

const COVER = "Amazon Widget\n\nAPI Reference\n\nAPI Version 2020-01-01\n";

function codeBlocks(text: string) {
  return readPages(COVER + text, "f.txt").items.filter((i) => i.kind === "code");
}

describe("page cleanup", () => {
  it("reads the cover: title and API version", () => {
    const pages = readPages(`${COVER}\nWelcome\n`, "f.txt");
    expect(pages.title).toBe("Amazon Widget");
    expect(pages.version).toBe("2020-01-01");
  });

  it("rejects a text without the cover of a PDF API reference, naming file and line", () => {
    expect(() => readPages("\n# Some web page\n\nCreateWidget\n", "docs/page.txt")).toThrow(
      /^docs\/page\.txt:2: not a PDF-extracted API reference/,
    );
  });

  it("drops running page headers from the text", () => {
    const pages = readPages(
      `${COVER}\nValid Values: A |\n\nAmazon Widget API Reference Contents\n\nB\n`,
      "f.txt",
    );
    const texts = pages.items.flatMap((i) => (i.kind === "text" ? [i.line.text] : []));
    expect(texts).not.toContain("Amazon Widget API Reference Contents");
    expect(texts).toContain("B");
  });

  it("joins a code block that a page break cut in two and remembers where the break was", () => {
    const [block] = codeBlocks(
      '\n```\n{\n  "a": 1,\n```\n\nAmazon Widget API Reference Example\n\n```\n  "b": 2\n}\n```\n',
    );
    expect(block.kind).toBe("code");
    if (block.kind !== "code") return;
    expect(block.lines.map((l) => l.text)).toEqual(["{", '  "a": 1,', '  "b": 2', "}"]);
    expect(block.breaks).toEqual([2]);
    // Line numbers stay those of the docs file.
    expect(block.lines[2].n).toBe(15);
  });

  it("joins blocks split by a page break without a header, and by a header split over two lines", () => {
    const [block] = codeBlocks(
      '\n```\n{\n```\n\n\n\n```\n"a": [\n```\n\nAmazon Widget API Reference\n\nExample\n\n```\n1]}\n```\n',
    );
    if (block.kind !== "code") throw new Error("no code block");
    expect(block.lines.map((l) => l.text)).toEqual(["{", '"a": [', "1]}"]);
    expect(block.breaks).toEqual([1, 2]);
  });

  it("keeps a heading that follows a split header outside code", () => {
    const pages = readPages(
      `${COVER}\nAmazon Widget API Reference\n\nExample\n\nSample Request\n`,
      "f.txt",
    );
    const texts = pages.items.flatMap((i) =>
      i.kind === "text" && i.line.text ? [i.line.text] : [],
    );
    expect(texts).toContain("Example");
  });

  it("reports a code block that is never closed at its opening fence", () => {
    let error: unknown;
    try {
      readPages(`${COVER}\nText\n\n\`\`\`\n{\n  "a": 1\n`, "f.txt");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TranscribeError);
    expect((error as TranscribeError).location).toEqual({ file: "f.txt", line: 9 });
    expect((error as Error).message).toMatch(/never closed/);
  });
});
