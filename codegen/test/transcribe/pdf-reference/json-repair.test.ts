import { describe, expect, it } from "vitest";
import { scanJson } from "../../../src/transcribe/pdf-reference/json-prefix.js";
import { repairJson, vocabulary } from "../../../src/transcribe/pdf-reference/json-repair.js";
import { type Line, splitLines } from "../../../src/transcribe/pdf-reference/pages.js";
import { TranscribeError } from "../../../src/transcribe/transcribed.js";

/** Lines of a sample; "<<break>>" marks a page break (as the page cleanup reports them). */
function sample(text: string): { lines: Line[]; breaks: number[] } {
  const lines: Line[] = [];
  const breaks: number[] = [];
  for (const l of splitLines(text)) {
    if (l.text === "<<break>>") breaks.push(lines.length);
    else lines.push(l);
  }
  return { lines, breaks };
}

const VOCAB = vocabulary(
  [
    "security vulnerabilities and exposures are known",
    "you can verify that whether a thing is here",
    "see the link [https://cve.mitre.org/](https://cve.mitre.org/) today",
  ].join("\n"),
);

function repair(text: string, accept?: (v: unknown) => boolean) {
  const { lines, breaks } = sample(text);
  return repairJson(lines, breaks, VOCAB, "f.txt", accept as never);
}

describe("JSON prefix scanner", () => {
  it("tells valid prefixes, complete values and errors apart", () => {
    expect(scanJson('{"a": [1, 2')).toEqual({ error: -1, complete: false, open: ["{", "["] });
    expect(scanJson('{"a": [1, 2]}').complete).toBe(true);
    expect(scanJson('{"a": 1,}').error).toBe(8);
    expect(scanJson('{"a": 1} {').error).toBe(9);
    expect(scanJson('{"a": tr').error).toBe(-1);
    expect(scanJson('{"a": x').error).toBe(6);
  });
});

describe("JSON repair", () => {
  it("leaves valid JSON alone", () => {
    const r = repair('{\n  "a": [1, 2],\n  "b": {}\n}');
    expect(r.value).toEqual({ a: [1, 2], b: {} });
    expect(r.repairs).toEqual([]);
  });

  it("joins an ARN wrapped across lines without a space, and records it", () => {
    const r = repair(
      '{\n  "arn": "arn:aws:inspector:us-west-\n2:123456789012:resource\ngroup/0-PyGXopAI"\n}',
    );
    expect(r.value).toEqual({
      arn: "arn:aws:inspector:us-west-2:123456789012:resourcegroup/0-PyGXopAI",
    });
    expect(r.repairs).toEqual([
      {
        line: 2,
        printed: '"arn": "arn:aws:inspector:us-west-⏎2:123456789012:resource⏎group/0-PyGXopAI"',
        used: '"arn": "arn:aws:inspector:us-west-2:123456789012:resourcegroup/0-PyGXopAI"',
        why: "a string value wrapped across lines by the page layout is one value",
      },
    ]);
  });

  it("joins prose with a space, and a word the layout cut without one", () => {
    const r = repair(
      '{\n  "d": "You can verify\nwhether the security vulnerab\nilities are listed, see [ht\ntps://cve.mitre.org/](https://cve.mitre.org/) now. "\n}',
    );
    expect(r.value).toEqual({
      d: "You can verify whether the security vulnerabilities are listed, see [https://cve.mitre.org/](https://cve.mitre.org/) now. ",
    });
  });

  it("puts back the halves of lines the extraction printed in swapped order", () => {
    const r = repair(
      '{\n  "arns": [\n    "arn:x/0-\nAAAA",\nBBBB",      "arn:x/0-\nCCCC"      "arn:x/0-\n  ]\n}',
    );
    expect(r.value).toEqual({ arns: ["arn:x/0-AAAA", "arn:x/0-BBBB", "arn:x/0-CCCC"] });
    expect(r.repairs.filter((x) => /swapped/.test(x.why)).map((x) => x.line)).toEqual([5, 6]);
  });

  it("drops the brackets the extraction invented before a page break and restores the comma", () => {
    const r = repair(
      [
        "{",
        '  "runs": [',
        "    {",
        '      "changes": [',
        '        { "s": "A" }',
        "      ]",
        "    }",
        "  ]",
        "}",
        "<<break>>",
        '{ "s": "B" }',
        "],",
        '"n": 1',
        "}",
        "]",
        "}",
      ].join("\n"),
    );
    expect(r.value).toEqual({ runs: [{ changes: [{ s: "A" }, { s: "B" }], n: 1 }] });
    const [note] = r.repairs;
    expect(note.line).toBe(11); // the first line after the break
    expect(note.printed).toBe('{ "s": "A" }⏎]⏎}⏎]⏎}⏎(page break)⏎{ "s": "B" }');
    expect(note.used).toBe('{ "s": "A" },⏎{ "s": "B" }');
  });

  it("prefers the join whose value fits the documented shape", () => {
    // Dropping 3 closers is valid JSON too, but makes the telemetry items into agents.
    const text = [
      '{"agents": [',
      '{"id": "i-1", "telemetry": [',
      '{"count": 1}',
      "]",
      "}",
      "]",
      "}",
      "<<break>>",
      ",",
      '{"count": 2}',
      "]",
      "}",
    ].join("\n");
    const fits = (v: any) => v.agents.every((a: any) => "id" in a);
    const r = repair(text, fits);
    expect(r.value).toEqual({ agents: [{ id: "i-1", telemetry: [{ count: 1 }, { count: 2 }] }] });
    expect(r.repairs.map((x) => x.why).join(" ")).toMatch(/ends before its value does; 2 closing/);
  });

  it("drops surplus closing brackets at the end", () => {
    const r = repair('{\n"a": {}\n}\n}');
    expect(r.value).toEqual({ a: {} });
    expect(r.repairs).toHaveLength(1);
    expect(r.repairs[0].line).toBe(4);
  });

  it("reports JSON it cannot repair at the sample's first line", () => {
    let error: unknown;
    try {
      repair('{\n  "a": 1\n  "b": 2\n}');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TranscribeError);
    expect((error as TranscribeError).location.line).toBe(1);
  });
});
