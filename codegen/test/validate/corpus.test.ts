import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatEvent, type ValidationEvent } from "../../src/model/ast.js";
import { expandPaths, loadSources } from "../../src/model/load.js";
import { validateModel } from "../../src/model/validate/index.js";

/**
 * Validation against real models loaded with the bundled prelude: the bundled models and every
 * model Smithy accepts must pass, and Smithy's suppression cases must report what Smithy does.
 */
const shared = path.resolve(import.meta.dirname, "../../../../shared/smithy");

function load(files: string[]) {
  return loadSources(files.map((f) => ({ path: f, text: readFileSync(f, "utf8") })));
}

function serious(events: ValidationEvent[]): string[] {
  return events.filter((e) => e.severity === "ERROR" || e.severity === "DANGER").map(formatEvent);
}

describe("validation of real models", () => {
  it("finds nothing wrong with the bundled prelude and AWS trait models", () => {
    const { model, locations } = load([]);
    expect(Object.keys(model.shapes).length).toBeGreaterThan(150);
    const events = validateModel(model, (id) => locations.get(id), { validateBundled: true });
    expect(events.map(formatEvent)).toEqual([]);
  });

  it("reports no ERROR or DANGER for Smithy's valid IDL conformance cases", () => {
    const dir = path.join(shared, "idl-conformance/valid");
    const cases = expandPaths([dir]).filter((f) => f.endsWith(".smithy"));
    // 62 cases, plus `.flattened.smithy` variants and models without an expected AST.
    expect(cases.length).toBeGreaterThanOrEqual(62);
    const found: string[] = [];
    let validated = 0;
    for (const file of cases) {
      const { model, events, locations } = load([file, path.join(dir, "__shared.json")]);
      // A case the loader rejects is the loader conformance test's business.
      if (events.some((e) => e.severity === "ERROR" && e.id !== "Target")) continue;
      validated++;
      found.push(...serious(validateModel(model, (id) => locations.get(id))));
    }
    expect(validated).toBeGreaterThan(70);
    expect(found).toEqual([]);
  });

  it("reports no ERROR or DANGER for the AWS protocol test models", () => {
    const { model, locations } = load(expandPaths([path.join(shared, "protocol-tests/model")]));
    expect(Object.keys(model.shapes).length).toBeGreaterThan(600);
    expect(serious(validateModel(model, (id) => locations.get(id)))).toEqual([]);
  });
});

describe("suppressions (Smithy errorfiles)", () => {
  /** Expected lines that are not SUPPRESSED, as `SEVERITY shape: message | id`. */
  function expected(name: string): string[] {
    const text = readFileSync(
      path.join(shared, "idl-conformance/errorfiles", `${name}.errors`),
      "utf8",
    );
    return text
      .split("\n")
      .filter((l) => l.startsWith("[") && !l.startsWith("[SUPPRESSED]"))
      .map((l) => l.replace(/^\[(\w+)\] /, "$1 "))
      .sort();
  }

  for (const name of ["suppression-test", "suppression-hierarchy"]) {
    it(`reports exactly the unsuppressed events of ${name}`, () => {
      const file = path.join(shared, "idl-conformance/errorfiles", `${name}.smithy`);
      const { events } = load([file]);
      const actual = events
        .map((e) => `${e.severity} ${e.shapeId ?? "-"}: ${e.message} | ${e.id}`)
        .sort();
      expect(actual).toEqual(expected(name));
    });
  }
});

describe("invalid IDL cases that Smithy rejects in validation", () => {
  // Line 1 of each case: `// [shape.id: ]message[ | EventId]`.
  const cases = [
    "enums/enum-with-bad-values",
    "enums/intEnum-with-bad-value",
    "enums/intEnum-with-float",
    "enums/intEnum-with-long",
    "mixins/operation-mixin-with-io",
    "mixins/resource-mixin-with-properties",
  ];

  for (const name of cases) {
    it(`rejects ${name} on its own (without the loader's checks)`, () => {
      const file = path.join(shared, "idl-conformance/invalid", `${name}.smithy`);
      const comment = readFileSync(file, "utf8")
        .split("\n")[0]
        .replace(/^\/\/\s*/, "");
      const match = /^(?:([\w.]+#[\w$]+): )?(.*?)(?: \| \w+)?$/.exec(comment)!;
      const [, shapeId, message] = match;
      const { model, locations } = load([file]);
      const events = validateModel(model, (id) => locations.get(id)).filter(
        (e) => e.severity === "ERROR",
      );
      expect(
        events.some(
          (e) =>
            e.message.startsWith(message) &&
            (!shapeId || e.shapeId === shapeId) &&
            e.location?.file === file,
        ),
        `${comment}\n${events.map(formatEvent).join("\n")}`,
      ).toBe(true);
    });
  }
});
