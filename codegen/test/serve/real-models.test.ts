import { describe, expect, test } from "vitest";
import { choose } from "../../src/serve/match.js";
import { serviceAnswers } from "../../src/serve/service-answers.js";
import { serviceModel } from "./model-fixture.js";
import { packageValidator } from "./output-validator.js";

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
