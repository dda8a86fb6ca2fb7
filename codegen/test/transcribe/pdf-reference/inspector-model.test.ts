import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadSources } from "../../../src/model/load.js";
import { serviceEntry } from "../../../src/transcribe/registry.js";
import { renderSmithy } from "../../../src/transcribe/service-files.js";
import { transcribeService } from "../../../src/transcribe/transcribe-service.js";
import { exampleViolations } from "./example-constraints.js";

/**
 * The Inspector model end to end: the transcription written by the IDL writer, loaded with the
 * hand-written models/inspector/service.smithy, validates without errors, and the errata that
 * service.smithy lists are exactly the places where a documented example breaks a constraint.
 */
const ROOT = new URL("../../../../", import.meta.url);
const DOC = "models/inspector/docs/inspector-api-reference-2016-02-16.txt";
const SERVICE = "models/inspector/service.smithy";

async function load() {
  const entry = serviceEntry("inspector")!;
  const service = await transcribeService(entry, [
    { path: DOC, text: readFileSync(new URL(DOC, ROOT), "utf8") },
  ]);
  const smithy = {
    path: "models/inspector/inspector.smithy",
    text: renderSmithy(entry, service, [DOC]),
  };
  return loadSources([
    smithy,
    { path: SERVICE, text: readFileSync(new URL(SERVICE, ROOT), "utf8") },
  ]);
}

describe("Inspector model", () => {
  it("loads with service.smithy without validation errors", async () => {
    const result = await load();
    const errors = result.events.filter((e) => e.severity === "ERROR");
    expect(errors).toEqual([]);
    const svc = result.model.shapes["com.amazonaws.inspector#InspectorService"];
    expect(svc.type).toBe("service");
    expect(svc.traits?.["aws.protocols#awsJson1_1"]).toBeDefined();
    expect(svc.traits?.["aws.auth#sigv4"]).toEqual({ name: "inspector" });
  });

  it("lists in its errata exactly the examples that break the docs' constraints", async () => {
    const result = await load();
    const errata = (result.model.metadata?.docsmithErrata ?? []) as {
      operation: string;
      example: string;
      path: string;
      note: string;
    }[];
    const violations = exampleViolations(result.model);
    expect(violations.length).toBeGreaterThan(0);
    const key = (o: { operation: string; example: string; path: string }) =>
      `${o.operation} ${o.example} ${o.path}`;
    expect(errata.map(key).sort()).toEqual(violations.map(key).sort());
    for (const e of errata) expect(e.note.length).toBeGreaterThan(20);
  });
});
