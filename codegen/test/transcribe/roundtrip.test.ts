import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { serializeModel } from "../../src/idl/serialize.js";
import { type AstShape, formatEvent } from "../../src/model/ast.js";
import { loadSources, toCanonicalJson, withoutBundled } from "../../src/model/load.js";
import { serviceEntry } from "../../src/transcribe/registry.js";
import { renderSmithy } from "../../src/transcribe/service-files.js";
import { docsOf, ROOT, transcribed } from "./support.js";

/** The shapes of one namespace, canonically ordered, from a loaded model. */
function loadedShapes(files: { path: string; text: string }[], namespace: string) {
  const result = loadSources(files);
  expect(result.events.filter((e) => e.severity === "ERROR").map(formatEvent)).toEqual([]);
  const shapes: Record<string, AstShape> = {};
  for (const [id, s] of Object.entries(withoutBundled(result.model).shapes)) {
    if (id.startsWith(`${namespace}#`)) shapes[id] = s;
  }
  return shapes;
}

/** Canonical JSON; an operation without input or output has smithy.api#Unit once loaded. */
function canonical(shapes: Record<string, AstShape>): string {
  const withUnits: Record<string, AstShape> = {};
  for (const [id, s] of Object.entries(shapes)) {
    withUnits[id] =
      s.type === "operation"
        ? {
            ...s,
            input: s.input ?? { target: "smithy.api#Unit" },
            output: s.output ?? { target: "smithy.api#Unit" },
          }
        : s;
  }
  return toCanonicalJson({ smithy: "2.0", shapes: withUnits });
}

describe("serialize -> load gives back the same JSON AST", () => {
  for (const svc of ["inspector", "securityhub", "guardduty", "securitylake"]) {
    it(`${svc}: the generated file alone`, async () => {
      const service = await transcribed(svc);
      const text = renderSmithy(
        serviceEntry(svc)!,
        service,
        docsOf(svc).map((d) => d.path),
      );
      const back = loadedShapes([{ path: `${svc}.smithy`, text }], service.namespace);
      expect(canonical(back)).toBe(canonical(service.shapes));
    });
  }

  for (const svc of ["securityhub", "guardduty", "securitylake"]) {
    it(`${svc}: with the hand-written service.smithy, no errors`, async () => {
      const service = await transcribed(svc);
      const text = renderSmithy(
        serviceEntry(svc)!,
        service,
        docsOf(svc).map((d) => d.path),
      );
      const handWritten = readFileSync(join(ROOT, "models", svc, "service.smithy"), "utf8");
      const result = loadSources([
        { path: `models/${svc}/${svc}.smithy`, text },
        { path: `models/${svc}/service.smithy`, text: handWritten },
      ]);
      expect(result.events.filter((e) => e.severity === "ERROR").map(formatEvent)).toEqual([]);
    });
  }

  it("a model with every shape kind, defaults, enum values, text blocks and foreign traits", () => {
    const ns = "example.rt";
    const shapes: Record<string, AstShape> = {
      [`${ns}#Api`]: {
        type: "service",
        traits: { "smithy.api#mixin": {} },
        version: "2020-01-01",
        operations: [{ target: `${ns}#GetThing` }],
        errors: [{ target: `${ns}#Oops` }],
      },
      [`${ns}#Svc`]: {
        type: "service",
        mixins: [{ target: `${ns}#Api` }],
        traits: { "aws.protocols#restJson1": {}, "smithy.api#title": "T" },
      },
      [`${ns}#GetThing`]: {
        type: "operation",
        input: { target: `${ns}#GetThingInput` },
        output: { target: `${ns}#GetThingOutput` },
        errors: [{ target: `${ns}#Oops` }],
        traits: {
          "smithy.api#http": { method: "GET", uri: "/things/{id}", code: 200 },
          "smithy.api#readonly": {},
          "smithy.api#examples": [
            {
              title: "One",
              documentation:
                'A long example text with two lines, the first of them quite long.\nAnd a \\ backslash and """ quotes.\n',
              input: { id: "a\\b-c", count: 2, kind: "b-c" },
              output: {
                tags: { "Content-Type": "x", 'q"uote': "y" },
                names: ["n"],
                choice: { a: "z" },
                level: 1,
                at: 1.5,
                ok: true,
              },
            },
          ],
        },
      },
      [`${ns}#GetThingInput`]: {
        type: "structure",
        traits: { "smithy.api#input": {} },
        members: {
          id: {
            target: "smithy.api#String",
            traits: {
              "smithy.api#httpLabel": {},
              "smithy.api#required": {},
              "smithy.api#pattern": "^[\\\\\\w\\-]+$",
              "smithy.api#documentation": "The id.\n\nSecond paragraph with `code`.",
            },
          },
          count: {
            target: "smithy.api#Integer",
            traits: { "smithy.api#default": 3, "smithy.api#httpQuery": "n" },
          },
          kind: { target: `${ns}#Kind` },
        },
      },
      [`${ns}#GetThingOutput`]: {
        type: "structure",
        traits: { "smithy.api#output": {} },
        members: {
          tags: { target: `${ns}#Tags` },
          names: { target: `${ns}#Names`, traits: { "smithy.api#length": { min: 1, max: 5 } } },
          choice: { target: `${ns}#Choice` },
          level: { target: `${ns}#Level` },
          at: { target: "smithy.api#Timestamp" },
          ok: { target: "smithy.api#Boolean" },
        },
      },
      [`${ns}#Kind`]: {
        type: "enum",
        members: {
          A: { target: "smithy.api#Unit", traits: { "smithy.api#enumValue": "A" } },
          B_C: {
            target: "smithy.api#Unit",
            traits: { "smithy.api#enumValue": "b-c", "smithy.api#documentation": "B." },
          },
        },
      },
      [`${ns}#Level`]: {
        type: "intEnum",
        members: { LOW: { target: "smithy.api#Unit", traits: { "smithy.api#enumValue": 1 } } },
      },
      [`${ns}#Tags`]: {
        type: "map",
        key: { target: "smithy.api#String" },
        value: { target: "smithy.api#String" },
      },
      [`${ns}#Names`]: {
        type: "list",
        member: { target: "smithy.api#String", traits: { "smithy.api#length": { min: 1 } } },
      },
      [`${ns}#Choice`]: {
        type: "union",
        members: { a: { target: "smithy.api#String" }, b: { target: `${ns}#Names` } },
      },
      [`${ns}#Oops`]: {
        type: "structure",
        traits: {
          "smithy.api#error": "client",
          "smithy.api#httpError": 409,
          "smithy.api#documentation": "Oops.",
        },
        members: { message: { target: "smithy.api#String" } },
      },
    };
    const text = serializeModel(ns, shapes, { header: ["test"] });
    expect(canonical(loadedShapes([{ path: "rt.smithy", text }], ns))).toBe(canonical(shapes));
  });
});
