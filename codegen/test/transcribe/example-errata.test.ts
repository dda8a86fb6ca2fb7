import { describe, expect, it } from "vitest";
import type { AstShape, NodeValue } from "../../src/model/ast.js";
import { loadSources } from "../../src/model/load.js";
import { exampleProblems, settleExamples } from "../../src/transcribe/example-errata.js";
import { readServiceFacts } from "../../src/transcribe/service-facts.js";
import { renderSmithy } from "../../src/transcribe/service-files.js";
import {
  exampleSource,
  type TranscribedService,
  TranscribeError,
} from "../../src/transcribe/transcribed.js";

const ns = "example.errata";
const id = (name: string) => `${ns}#${name}`;
const DOC = "models/errata/docs/reference.txt";
const FACTS = "models/errata/service.smithy";
/** The docs as printed: the sample response at line 3 shows the bad value at line 6. */
const DOC_TEXT = [
  "GetAgent",
  "Sample Response",
  "HTTP/1.1 200 OK",
  "{",
  '  "agent": {',
  '    "health": "HEALTHY",',
  '    "name": "a"',
  "  }",
  "}",
].join("\n");

function service(output: NodeValue): TranscribedService {
  const example = { title: "Example", input: { id: "i-1" }, output };
  const shapes: Record<string, AstShape> = {
    [id("Api")]: {
      type: "service",
      traits: { "smithy.api#mixin": {} },
      operations: [{ target: id("GetAgent") }],
    },
    [id("GetAgent")]: {
      type: "operation",
      input: { target: id("GetAgentRequest") },
      output: { target: id("GetAgentResponse") },
      traits: {
        "smithy.api#examples": [example],
        "smithy.test#httpResponseTests": [
          {
            id: "GetAgent_Sample",
            protocol: "aws.protocols#awsJson1_1",
            code: 200,
            body: JSON.stringify(output),
            params: output,
          },
        ],
      },
    },
    [id("GetAgentRequest")]: {
      type: "structure",
      members: { id: { target: "smithy.api#String", traits: { "smithy.api#required": {} } } },
    },
    [id("GetAgentResponse")]: {
      type: "structure",
      members: { agent: { target: id("Agent") } },
    },
    [id("Agent")]: {
      type: "structure",
      members: {
        health: { target: id("Health") },
        name: { target: "smithy.api#String", traits: { "smithy.api#length": { min: 1 } } },
      },
    },
    [id("Health")]: {
      type: "enum",
      members: {
        IDLE: { target: "smithy.api#Unit", traits: { "smithy.api#enumValue": "IDLE" } },
        UNHEALTHY: { target: "smithy.api#Unit", traits: { "smithy.api#enumValue": "UNHEALTHY" } },
      },
    },
  };
  return {
    namespace: ns,
    shapes,
    sources: {
      [id("GetAgent")]: { file: DOC, line: 1 },
      [exampleSource(id("GetAgent"), "Example", "output")]: { file: DOC, line: 3 },
    },
    repairs: [],
  };
}

function serviceSmithy(errata: string): { path: string; text: string } {
  return {
    path: FACTS,
    text: `$version: "2.0"
metadata docsmithErrata = [${errata}]
namespace ${ns}
use aws.protocols#awsJson1_1
@awsJson1_1
service Errata with [Api] {}
`,
  };
}

const ERRATUM = `{ id: "errata-health", operation: "${id("GetAgent")}", example: "Example", path: "/output/agent/health", note: "HEALTHY is not a Health" }`;

function check(s: TranscribedService, errata: string) {
  const file = serviceSmithy(errata);
  const entry = { svc: "errata", namespace: ns, api: "Api" };
  const loaded = loadSources([
    { path: "models/errata/errata.smithy", text: renderSmithy(entry, s, [DOC]) },
    file,
  ]);
  const facts = readServiceFacts(file);
  const problems = exampleProblems(loaded.model, s);
  return {
    loaded,
    problems,
    settle: () => settleExamples(s, problems, facts, [{ path: DOC, text: DOC_TEXT }]),
  };
}

function failure(run: () => unknown): TranscribeError {
  try {
    run();
  } catch (e) {
    if (e instanceof TranscribeError) return e;
    throw e;
  }
  throw new Error("no TranscribeError");
}

describe("documented examples against the model's constraints", () => {
  const bad = { agent: { health: "HEALTHY", name: "a" } };

  it("finds each broken value with the loader's validation, as a JSON Pointer", () => {
    const { loaded, problems } = check(service(bad), "");
    expect(loaded.events.filter((e) => e.id === "ExamplesTrait").length).toBe(1);
    expect(problems).toEqual([
      {
        operation: id("GetAgent"),
        example: "Example",
        path: "/output/agent/health",
        value: "HEALTHY",
        message: `String value provided for \`${id("Health")}\` must be one of the following values: \`IDLE\`, \`UNHEALTHY\``,
      },
    ]);
  });

  it("without an erratum: fails at the docs line that prints the value, saying what to record", () => {
    const e = failure(check(service(bad), "").settle);
    expect(e.location).toEqual({ file: DOC, line: 6 });
    expect(e.message).toContain(
      `${DOC}:6: GetAgent example "Example": /output/agent/health "HEALTHY": String value provided for \`${id("Health")}\` must be one of`,
    );
    expect(e.message).toContain(`record an erratum in ${FACTS}`);
    expect(e.message).toContain(`path: "/output/agent/health"`);
  });

  it("lists every uncovered value, each at its line", () => {
    const e = failure(check(service({ agent: { health: "HEALTHY", name: "" } }), "").settle);
    expect(e.message.split("\n")[1]).toBe(
      `${DOC}:3: GetAgent example "Example": /output/agent/name "": Value provided for \`${id("Agent$name")}\` must have at least 1 characters, but the provided value only has 0 characters`,
    );
  });

  it("with an erratum: leaves @examples, stays as printed in the protocol test, with a repair", () => {
    const s = service(bad);
    const { settle } = check(s, ERRATUM);
    const out = settle();
    const op = out.shapes[id("GetAgent")];
    expect(op.traits?.["smithy.api#examples"]).toBeUndefined();
    expect(op.traits?.["smithy.test#httpResponseTests"]).toEqual(
      s.shapes[id("GetAgent")].traits!["smithy.test#httpResponseTests"],
    );
    expect(out.repairs).toEqual([
      {
        file: DOC,
        line: 6,
        subject: `${id("GetAgent")} example "Example"`,
        printed: '/output/agent/health "HEALTHY"',
        used: "the sample as printed in @httpRequestTests/@httpResponseTests only, not in @examples",
        why: `String value provided for \`${id("Health")}\` must be one of the following values: \`IDLE\`, \`UNHEALTHY\` (erratum errata-health); Smithy rejects an @examples entry whose values break the model's constraints`,
      },
    ]);
    // The settled model loads without errors.
    const again = check(out, ERRATUM);
    expect(again.loaded.events.filter((e) => e.severity === "ERROR")).toEqual([]);
    expect(again.problems).toEqual([]);
  });

  it("an erratum no broken value matches is an error at the errata", () => {
    const e = failure(check(service({ agent: { health: "IDLE", name: "a" } }), ERRATUM).settle);
    expect(e.message).toBe(
      `${FACTS}:2: erratum errata-health: no documented example value at ${id("GetAgent")} "Example" /output/agent/health breaks the model's constraints; remove the erratum or correct its path`,
    );
  });

  it("valid examples stay", () => {
    const s = service({ agent: { health: "IDLE", name: "a" } });
    expect(check(s, "").settle()).toBe(s);
  });
});
