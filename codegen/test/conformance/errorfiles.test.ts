import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Severity, ValidationEvent } from "../../src/model/ast.js";
import { loadSources } from "../../src/model/load.js";

/**
 * Smithy's errorfiles: each `X.smithy` / `X.json` is loaded, and every ERROR line of `X.errors`
 * (`[SEVERITY] shape.id#Or-: message | EventId`) must be reported with the same event id, shape
 * id and severity. Cases listed in ERRORFILES-KNOWN.md are known not to pass (and must not pass,
 * so the list stays true).
 */

const repoRoot = path.resolve(import.meta.dirname, "../../..");
const dir = path.resolve(repoRoot, "../shared/smithy/idl-conformance/errorfiles");
const knownFile = path.resolve(import.meta.dirname, "ERRORFILES-KNOWN.md");

interface ExpectedEvent {
  severity: Severity | "SUPPRESSED";
  shapeId?: string;
  message: string;
  id: string;
}

/** Parses one `.errors` line; blank lines and anything else are not events. */
function parseErrorLine(line: string): ExpectedEvent | undefined {
  const match =
    /^\[(ERROR|DANGER|WARNING|NOTE|SUGGESTION|SUPPRESSED)\] (\S+): (.*) \| ([^|]+)$/.exec(
      line.trim(),
    );
  if (!match) return undefined;
  const [, severity, shape, message, id] = match;
  const event: ExpectedEvent = {
    severity: severity as ExpectedEvent["severity"],
    message,
    id: id.trim(),
  };
  if (shape !== "-") event.shapeId = shape;
  return event;
}

function cases(): { name: string; source: string; expected: ExpectedEvent[] }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".errors"))
    .sort()
    .map((f) => {
      const name = f.slice(0, -".errors".length);
      const source = [".smithy", ".json"].map((ext) => name + ext).find((s) => exists(s));
      if (!source) throw new Error(`no model file for ${f}`);
      const expected = readFileSync(path.join(dir, f), "utf8")
        .split("\n")
        .map(parseErrorLine)
        .filter((e): e is ExpectedEvent => e !== undefined);
      return { name, source, expected };
    });
}

function exists(file: string): boolean {
  try {
    readFileSync(path.join(dir, file));
    return true;
  } catch {
    return false;
  }
}

/** Case names listed in ERRORFILES-KNOWN.md as "- `name`: why". */
function knownFailures(): Set<string> {
  const text = readFileSync(knownFile, "utf8");
  return new Set([...text.matchAll(/^- `([^`]+)`/gm)].map((m) => m[1]));
}

function matches(actual: ValidationEvent, expected: ExpectedEvent): boolean {
  return (
    actual.id === expected.id &&
    actual.severity === expected.severity &&
    actual.shapeId === expected.shapeId
  );
}

/** The expected ERROR events the loader did not report. */
function missing(name: string, source: string, expected: ExpectedEvent[]): string[] {
  const text = readFileSync(path.join(dir, source), "utf8");
  const { events } = loadSources([{ path: `${name}/${source}`, text }]);
  return expected
    .filter((e) => e.severity === "ERROR")
    .filter((e) => !events.some((actual) => matches(actual, e)))
    .map((e) => `[${e.severity}] ${e.shapeId ?? "-"}: ${e.message} | ${e.id}`);
}

describe("errorfiles format", () => {
  it("parses event lines", () => {
    expect(parseErrorLine("[ERROR] foo.baz#MyString: Trait `idempotent` | TraitTarget")).toEqual({
      severity: "ERROR",
      shapeId: "foo.baz#MyString",
      message: "Trait `idempotent`",
      id: "TraitTarget",
    });
    expect(
      parseErrorLine("[WARNING] -: Use statement refers to undefined shape: a#B | Model"),
    ).toEqual({
      severity: "WARNING",
      message: "Use statement refers to undefined shape: a#B",
      id: "Model",
    });
    expect(parseErrorLine("")).toBeUndefined();
  });
});

describe("errorfiles conformance", () => {
  const all = cases();
  const known = knownFailures();

  it("finds every case", () => {
    expect(all.length).toBe(58);
    const errors = all.flatMap((c) => c.expected).filter((e) => e.severity === "ERROR");
    expect(errors.length).toBe(108);
    for (const name of known)
      expect(
        all.map((c) => c.name),
        `${name} in KNOWN list`,
      ).toContain(name);
  });

  it("reports every ERROR event, except the known cases", () => {
    const failures: string[] = [];
    const passingButKnown: string[] = [];
    for (const { name, source, expected } of all) {
      const gaps = missing(name, source, expected);
      if (gaps.length > 0 && !known.has(name)) failures.push(`${name}:\n  ${gaps.join("\n  ")}`);
      if (gaps.length === 0 && known.has(name)) passingButKnown.push(name);
    }
    expect(failures, "unexpected failures").toEqual([]);
    expect(passingButKnown, "now passing: remove from ERRORFILES-KNOWN.md").toEqual([]);
  });
});
