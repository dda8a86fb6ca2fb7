import { clientName } from "../client/client-module.js";
import { type DocumentedExample, documentedExamples, errataOf } from "../documented-examples.js";
import { serverNames } from "../server-module.js";
import { EmitError, type OperationView, type ServiceView, UNIT } from "../service-view.js";
import { literal } from "../tests/literal.js";
import { sampleStructure } from "../tests/samples.js";
import { validatorModule } from "../validators/standalone.js";
import { errorTests, operationErrors } from "./error-tests.js";
import { exampleTests, operationNames } from "./example-tests.js";
import { type ContractHarness, harness } from "./harness.js";
import { wordsOf } from "./words.js";

export {
  type DocumentedExample,
  documentedExamples,
  type Erratum,
  errataOf,
} from "../documented-examples.js";

/** A generated contract test file: its path in the package and its text, before formatting. */
export interface ContractTestFile {
  path: string;
  text: string;
}

/**
 * Operations per file, and the most text a file takes before another starts (an operation is
 * never split): files stay far below biome's 1 MiB limit whatever the size of the service.
 */
const OPERATIONS_PER_FILE = 20;
const CHARACTERS_PER_FILE = 256 * 1024;

/** One operation's `describe` block and what it needs from the package. */
interface OperationBlock {
  text: string;
  /** Names from ../src/index.js (`type X` for types). */
  index: string[];
  /** Its validators' modules: [local name, module]. */
  validators: [string, string][];
}

/**
 * The docs as the contract. One `describe` per operation; for every documented example, one `it`
 * per claim (input and output validate, or fail where the model's erratum says; the client sends
 * the documented request and parses the documented response; the server parses the documented
 * request and answers the documented response), and one `it` per error the operation can return
 * (server to client, typed). All in process: no network. The files:
 * - test/contract.test.ts: imports the operations' files, so that the contract is one test file;
 * - test/contract-harness.ts: the helpers the operations' files use;
 * - test/contract-operations-<n>.ts: the operations' `describe`s, split by OPERATIONS_PER_FILE
 *   and CHARACTERS_PER_FILE.
 */
export function emitContractTests(view: ServiceView): ContractTestFile[] {
  const errata = errataOf(view);
  for (const e of errata) {
    if (!view.operations.some((op) => op.id === e.operation)) {
      throw new EmitError(`erratum ${e.id} names ${e.operation}, not an operation of ${view.id}`);
    }
  }
  const client = clientName(view);
  const { factory } = serverNames(view);
  const blocks = view.operations.map((op) => operationBlock(view, op, errata, factory));

  const chunks: OperationBlock[][] = [];
  let size = 0;
  for (const block of blocks) {
    const last = chunks.at(-1);
    if (
      !last ||
      last.length >= OPERATIONS_PER_FILE ||
      size + block.text.length > CHARACTERS_PER_FILE
    ) {
      chunks.push([block]);
      size = block.text.length;
    } else {
      last.push(block);
      size += block.text.length;
    }
  }

  const bodies = chunks.map((chunk) => chunk.map((b) => b.text).join("\n\n"));
  const words = bodies.map(wordsOf);
  const helpers = harness(client, new Set(words.flatMap((w) => [...w])));
  const digits = String(chunks.length).length;
  const names = chunks.map((_, i) => `contract-operations-${String(i + 1).padStart(digits, "0")}`);
  const files: ContractTestFile[] = chunks.map((chunk, i) => ({
    path: `test/${names[i]}.ts`,
    text: operationsFile(chunk, bodies[i]!, words[i]!, helpers, factory),
  }));
  files.unshift(
    { path: "test/contract-harness.ts", text: helpers.text },
    {
      path: "test/contract.test.ts",
      text: `// The contract tests: every documented example and error of the ${view.sdkId} docs, as the model
// records them (smithy.api#examples, smithy.test#httpRequestTests/httpResponseTests, metadata
// docsmithErrata), held against the generated client and server in process. One test file of
// the operations' files, which hold a describe per operation.
${names.map((name) => `import "./${name}.js";`).join("\n")}
`,
    },
  );
  return files;
}

/** The `describe` of one operation: its examples' constants and claims, then its errors. */
function operationBlock(
  view: ServiceView,
  op: OperationView,
  errata: ReturnType<typeof errataOf>,
  factory: string,
): OperationBlock {
  const n = operationNames(view, op, factory);
  const index = [n.command, `type ${n.inputType}`];
  if (op.output !== UNIT) index.push(`type ${n.outputType}`);
  const examples = documentedExamples(view, op, errata);
  const constants: string[] = [];
  const tests: string[] = [];
  examples.forEach((ex, i) => {
    const t = exampleTests(view, op, ex, i, n);
    constants.push(t.constants);
    tests.push(...t.tests);
    if (ex.error) index.push(view.nameOf(ex.error.shapeId));
  });
  for (const e of operationErrors(view, op)) index.push(e.name);
  tests.push(...errorTests(view, op, ...errorInput(view, op, examples), n));
  const body = [...constants, ...tests].join("\n\n");
  return {
    text: `describe(${JSON.stringify(op.name)}, () => {\n${body}\n});`,
    index,
    validators: [
      [n.validateInput, `../src/${validatorModule(op, "input")}`],
      [n.validateOutput, `../src/${validatorModule(op, "output")}`],
    ],
  };
}

/** A file of operations' `describe`s, importing only what its text uses. */
function operationsFile(
  chunk: OperationBlock[],
  body: string,
  words: Set<string>,
  helpers: ContractHarness,
  factory: string,
): string {
  const bare = (name: string) => name.replace("type ", "");
  const fromIndex = [...new Set(chunk.flatMap((b) => b.index))]
    .filter((name) => words.has(bare(name)))
    .sort((a, b) => bare(a).localeCompare(bare(b), "en"));
  const fromHarness = [...helpers.exports]
    .filter(([name]) => words.has(name))
    .map(([name, { type }]) => (type ? `type ${name}` : name));
  const vitest = ["describe", "expect", "it"].filter((name) => words.has(name));
  const smithy = ["HttpRequest", "HttpResponse"].filter((name) => words.has(name));
  const validators = chunk
    .flatMap((b) => b.validators)
    .filter(([name]) => words.has(name))
    .map(([name, module]) => `import { validate as ${name} } from "${module}";`);
  const imports = [
    smithy.length > 0 ? `import type { ${smithy.join(", ")} } from "@smithy/types";` : "",
    vitest.length > 0 ? `import { ${vitest.join(", ")} } from "vitest";` : "",
    namedImport(fromIndex, "../src/index.js"),
    words.has(factory) ? `import { ${factory} } from "../src/server.js";` : "",
    ...validators,
    namedImport(fromHarness, "./contract-harness.js"),
  ].filter(Boolean);
  return `${imports.join("\n")}\n\n${body}\n`;
}

/** `import { a, type B } from "module";` (`import type` when all are types), or nothing. */
function namedImport(names: string[], module: string): string {
  if (names.length === 0) return "";
  if (names.every((n) => n.startsWith("type "))) {
    return `import type {\n${names.map((n) => n.slice(5)).join(",\n")},\n} from "${module}";`;
  }
  return `import {\n${names.join(",\n")},\n} from "${module}";`;
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
