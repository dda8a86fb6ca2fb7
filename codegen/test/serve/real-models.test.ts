import { describe, expect, test } from "vitest";
import { canonical, exampleValue } from "../../src/emit/example-values.js";
import { trait } from "../../src/emit/service-view.js";
import type { NodeValue } from "../../src/model/ast.js";
import { choose } from "../../src/serve/match.js";
import { serviceAnswers } from "../../src/serve/service-answers.js";
import { serviceModel } from "./model-fixture.js";
import { packageValidator } from "./output-validator.js";

interface HttpCase {
  id: string;
  code?: number;
  params?: NodeValue;
}

interface Erratum {
  id: string;
  operation: string;
  example: string;
  path: string;
}

/** The four shipped services: every documented operation is answerable, validly. */
describe.each(["inspector", "securityhub", "guardduty", "securitylake"])("%s", (svc) => {
  test("every operation has its documented examples prepared, each output valid", async () => {
    const model = await serviceModel(svc);
    const answers = serviceAnswers(model);
    expect(answers.operations.size).toBeGreaterThan(0);
    for (const op of answers.view.operations) {
      const prepared = answers.operations.get(op.name)!;
      expect(prepared.problems, op.name).toEqual([]);
      expect(prepared.examples.length, `${op.name} examples`).toBeGreaterThan(0);
      const valid = packageValidator(answers.view, op.output);
      for (const example of prepared.examples) expect(valid(example.output), op.name).toEqual([]);
      expect(valid(prepared.fallback), `${op.name} fallback`).toEqual([]);
    }
  });

  test("every documented exchange's request is answered with its documented response", async () => {
    const model = await serviceModel(svc);
    const answers = serviceAnswers(model);
    const errata = (model.metadata?.docsmithErrata ?? []) as unknown as Erratum[];
    let exchanges = 0;
    for (const op of answers.view.operations) {
      const requests = trait<HttpCase[]>(op.shape.traits, "smithy.test#httpRequestTests") ?? [];
      const responses = trait<HttpCase[]>(op.shape.traits, "smithy.test#httpResponseTests") ?? [];
      for (const request of requests) {
        // The transcriber's names: `<Service>_<Op>_Sample` both, or `<Op>_RequestSyntax` and
        // `<Op>_ResponseSyntax`.
        const responseId = request.id.replace(/_RequestSyntax$/, "_ResponseSyntax");
        const response = responses.find((r) => r.id === responseId)!;
        expect(response, `${op.name} ${request.id} response`).toBeDefined();
        exchanges++;
        const choice = choose(
          answers.operations.get(op.name)!,
          exampleValue(answers.view, op.input, request.params ?? {}),
        );
        expect(choice.exact, `${op.name} ${request.id}`).toBe(true);
        const documented = exampleValue(answers.view, op.output, response.params ?? {});
        const recorded = errata.filter((e) => e.operation === op.id);
        if (recorded.length === 0) {
          expect(canonical(choice.output), `${op.name} ${request.id}`).toEqual(
            canonical(documented),
          );
        }
      }
    }
    expect(exchanges).toBe(answers.view.operations.length);
  });

  test("exactly the recorded errata are repaired", async () => {
    const model = await serviceModel(svc);
    const answers = serviceAnswers(model);
    const repaired = [...answers.operations.values()].flatMap((op) =>
      op.examples.flatMap((e) =>
        e.repairs.map((r) => r.erratum ?? `unrecorded ${op.operation} ${r.path}`),
      ),
    );
    const recorded = ((model.metadata?.docsmithErrata ?? []) as { id: string }[]).map((e) => e.id);
    expect(repaired.sort()).toEqual(recorded.sort());
  });

  test("each example's own input is answered with its own output", async () => {
    const answers = serviceAnswers(await serviceModel(svc));
    for (const [name, op] of answers.operations) {
      for (const example of op.examples) {
        const choice = choose(op, example.input);
        expect(choice, name).toMatchObject({ example: example.title, exact: true });
        expect(choice.output).toEqual(example.output);
      }
    }
  });
});

describe("inspector ListAssessmentRunAgents: the documented sample is an erratum", () => {
  test("it is served from its documented exchange, repaired just at the erratum", async () => {
    const model = await serviceModel("inspector");
    const answers = serviceAnswers(model);
    const op = answers.view.operations.find((o) => o.name === "ListAssessmentRunAgents")!;
    // The transcriber leaves it out of @examples: the exchange is its only record.
    expect(trait(op.shape.traits, "examples")).toBeUndefined();
    const [request] = trait<HttpCase[]>(op.shape.traits, "smithy.test#httpRequestTests")!;
    const [response] = trait<HttpCase[]>(op.shape.traits, "smithy.test#httpResponseTests")!;

    const prepared = answers.operations.get(op.name)!;
    expect(prepared.examples).toHaveLength(1);
    const example = prepared.examples[0]!;
    expect(example).toMatchObject({
      title: "Example",
      source: "exchange",
      ids: { request: "Inspector_ListAssessmentRunAgents_Sample", response: request!.id },
    });
    expect(example.repairs).toHaveLength(1);
    expect(example.repairs[0]).toMatchObject({
      path: "/assessmentRunAgents/0/agentHealthCode",
      was: "HEALTHY",
      erratum: "inspector-ListAssessmentRunAgents-agentHealthCode",
    });

    const choice = choose(prepared, exampleValue(answers.view, op.input, request!.params!));
    expect(choice).toMatchObject({ example: "Example", exact: true });
    const served = choice.output as { assessmentRunAgents: Record<string, unknown>[] };
    const code = served.assessmentRunAgents[0]!.agentHealthCode;
    expect(["IDLE", "RUNNING", "SHUTDOWN", "UNHEALTHY", "THROTTLED", "UNKNOWN"]).toContain(code);
    expect(packageValidator(answers.view, op.output)(served)).toEqual([]);
    // Everything but the erratum value exactly as documented.
    const documented = structuredClone(response!.params) as typeof served;
    documented.assessmentRunAgents[0]!.agentHealthCode = code!;
    expect(served).toEqual(documented);
    expect(served.assessmentRunAgents[0]!.telemetryMetadata).toHaveLength(29);
  });
});
