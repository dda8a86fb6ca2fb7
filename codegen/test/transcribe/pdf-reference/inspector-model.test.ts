import { describe, expect, it } from "vitest";
import { formatEvent, type NodeValue } from "../../../src/model/ast.js";
import { exampleProblems, valueProblems } from "../../../src/transcribe/example-errata.js";
import { readServiceFacts } from "../../../src/transcribe/service-facts.js";
import { built, serviceFileOf } from "../support.js";
import { exchangeViolations } from "./example-constraints.js";

/**
 * The Inspector model end to end: the transcription with the hand-written
 * models/inspector/service.smithy validates without errors; the errata that service.smithy lists
 * are exactly the places where the documented exchange breaks a constraint; those samples stay
 * in the protocol tests as printed and leave @examples.
 */
const result = await built("inspector");
const facts = readServiceFacts(serviceFileOf("inspector"));
const model = result.loaded.model;

/** The value at a JSON Pointer. */
function at(value: NodeValue, pointer: string): NodeValue | undefined {
  let v: NodeValue | undefined = value;
  for (const key of pointer.split("/").slice(1)) {
    v = Array.isArray(v) ? v[Number(key)] : v && typeof v === "object" ? v[key] : undefined;
  }
  return v;
}

describe("Inspector model", () => {
  it("loads with service.smithy without validation errors", () => {
    expect(result.loaded.events.filter((e) => e.severity === "ERROR").map(formatEvent)).toEqual([]);
    const svc = model.shapes["com.amazonaws.inspector#InspectorService"];
    expect(svc.type).toBe("service");
    expect(svc.traits?.["aws.protocols#awsJson1_1"]).toBeDefined();
    expect(svc.traits?.["aws.auth#sigv4"]).toEqual({ name: "inspector" });
  });

  it("lists in its errata exactly the documented values that break the docs' constraints", () => {
    const violations = exchangeViolations(model);
    expect(violations.length).toBeGreaterThan(0);
    const key = (o: { operation: string; path: string }) => `${o.operation} ${o.path}`;
    expect(facts.errata.map(key).sort()).toEqual(violations.map(key).sort());
    for (const e of facts.errata) expect(e.note.length).toBeGreaterThan(20);
    // What stays in @examples is valid.
    expect(exampleProblems(model, result.service)).toEqual([]);
  });

  it("keeps each erratum's sample as printed in the protocol tests, not in @examples", () => {
    for (const e of facts.errata) {
      const op = model.shapes[e.operation];
      const titles = ((op.traits?.["smithy.api#examples"] ?? []) as { title: string }[]).map(
        (x) => x.title,
      );
      expect(titles).not.toContain(e.example);
      const output = e.path.startsWith("/output");
      const [test] = op.traits![
        output ? "smithy.test#httpResponseTests" : "smithy.test#httpRequestTests"
      ] as { params: NodeValue; body: string }[];
      const pointer = e.path.replace(/^\/(input|output)/, "");
      const value = at(test.params, pointer);
      expect(value).toBeDefined();
      expect(at(JSON.parse(test.body), pointer)).toEqual(value);
      // The loader's validation rejects the documented value, at the erratum's path.
      const target = (output ? op.output : op.input)!.target;
      const problems = valueProblems(model, target, test.params, output ? "/output" : "/input");
      expect(problems.map((p) => p.path)).toContain(e.path);
      // A repair says why the example left @examples, naming the erratum.
      const repair = result.service.repairs.find(
        (r) => r.subject === `${e.operation} example ${JSON.stringify(e.example)}`,
      );
      expect(repair?.why).toContain(`erratum ${e.id}`);
      expect(repair?.why).toContain("Smithy rejects");
      expect(repair?.printed).toContain(`${e.path} ${JSON.stringify(value)}`);
    }
  });

  it("gives every error, documented or common, the message member AWS JSON error bodies carry", () => {
    const errors = Object.entries(model.shapes).filter(
      ([id, s]) => id.startsWith("com.amazonaws.inspector#") && s.traits?.["smithy.api#error"],
    );
    // 8 errors of the actions and 16 common errors.
    expect(errors).toHaveLength(24);
    for (const [, s] of errors) {
      expect(s.members).toEqual({
        message: {
          target: "smithy.api#String",
          traits: { "smithy.api#documentation": "The error message." },
        },
      });
    }
  });
});
