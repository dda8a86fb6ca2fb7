import { clientName } from "../client/client-module.js";
import { type DocumentedExample, documentedExamples, errataOf } from "../documented-examples.js";
import { serverNames } from "../server-module.js";
import { EmitError, type OperationView, type ServiceView, UNIT } from "../service-view.js";
import { literal } from "../tests/literal.js";
import { sampleStructure } from "../tests/samples.js";
import { errorTests, operationErrors } from "./error-tests.js";
import { exampleTests, operationNames } from "./example-tests.js";
import { harness } from "./harness.js";

export {
  type DocumentedExample,
  documentedExamples,
  type Erratum,
  errataOf,
} from "../documented-examples.js";

/**
 * test/contract.test.ts: the docs as the contract. One `describe` per operation; for every
 * documented example, one `it` per claim (input and output validate, or fail where the model's
 * erratum says; the client sends the documented request and parses the documented response; the
 * server parses the documented request and answers the documented response), and one `it` per
 * error the operation can return (server to client, typed). All in process: no network.
 */
export function emitContractTest(view: ServiceView): string {
  const errata = errataOf(view);
  for (const e of errata) {
    if (!view.operations.some((op) => op.id === e.operation)) {
      throw new EmitError(`erratum ${e.id} names ${e.operation}, not an operation of ${view.id}`);
    }
  }
  const client = clientName(view);
  const { factory } = serverNames(view);
  const indexImports = new Set<string>([client]);
  const validatorImports: string[] = [];
  const blocks = view.operations.map((op) => {
    const n = operationNames(view, op, factory);
    indexImports.add(n.command);
    indexImports.add(`type ${n.inputType}`);
    if (op.output !== UNIT) indexImports.add(`type ${n.outputType}`);
    const examples = documentedExamples(view, op, errata);
    const constants: string[] = [];
    const tests: string[] = [];
    examples.forEach((ex, i) => {
      const t = exampleTests(view, op, ex, i, n);
      constants.push(t.constants);
      tests.push(...t.tests);
      if (ex.error) indexImports.add(view.nameOf(ex.error.shapeId));
    });
    const usesValidators = tests.some((t) => t.includes(n.validateInput));
    if (usesValidators) {
      validatorImports.push(
        `import { ${n.validateInput}, ${n.validateOutput} } from "../src/validators/${op.name}.js";`,
      );
    }
    for (const e of operationErrors(view, op)) indexImports.add(e.name);
    tests.push(...errorTests(view, op, ...errorInput(view, op, examples), n));
    const body = [...constants, ...tests].join("\n\n");
    return `describe(${JSON.stringify(op.name)}, () => {\n${body}\n});`;
  });
  const tests = blocks.join("\n\n");
  const helpers = harness(client, tests);
  // Only what the text uses is imported: an operation without examples or errors has no tests.
  const uses = (name: string) => new RegExp(`\\b${name}\\b`).test(`${helpers}\n${tests}`);
  const sorted = [...indexImports]
    .filter((name) => uses(name.replace("type ", "")))
    .sort((a, b) => a.replace("type ", "").localeCompare(b.replace("type ", ""), "en"));
  const smithyTypes = ["HttpRequest", "HttpResponse"].filter(uses);
  const imports = [
    smithyTypes.length > 0 ? `import type { ${smithyTypes.join(", ")} } from "@smithy/types";` : "",
    `import { describe, expect, it } from "vitest";`,
    sorted.length > 0 ? `import {\n${sorted.join(",\n")},\n} from "../src/index.js";` : "",
    uses(factory) ? `import { ${factory} } from "../src/server.js";` : "",
    ...validatorImports,
  ].filter(Boolean);
  return `${imports.join("\n")}

// The contract tests: every documented example and error of the ${view.sdkId} docs, as the model
// records them (smithy.api#examples, smithy.test#httpRequestTests/httpResponseTests, metadata
// docsmithErrata), held against the generated client and server in process.

${helpers}

${tests}
`;
}

/**
 * The input the error tests call with: the first documented input that validates (by constant
 * name), else a sample input the generator builds from the constraints.
 */
function errorInput(
  view: ServiceView,
  op: OperationView,
  examples: DocumentedExample[],
): [string, boolean] {
  const index = examples.findIndex((ex) => !ex.erratum?.path.startsWith("/input"));
  if (index >= 0) return [index === 0 ? "input" : `input${index + 1}`, true];
  if (op.input === UNIT) return ["{}", true];
  const sample = sampleStructure(view, op.input);
  // No valid input can be built (a required recursion): the client skips validation, and the
  // server's validation error, not the thrown one, answers, which the tests then report.
  if (!sample) return [`{} as ${operationNames(view, op, "").inputType}`, false];
  return [literal(sample), true];
}
