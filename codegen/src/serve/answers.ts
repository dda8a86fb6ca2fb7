import { errataOf } from "../emit/documented-examples.js";
import { canonical, exampleValue } from "../emit/example-values.js";
import type { OperationView, ServiceView } from "../emit/service-view.js";
import type { NodeValue } from "../model/ast.js";
import { type DocumentedExample, documentedExamples } from "./documented-examples.js";
import { type RepairNote, repair } from "./repair.js";
import { synthesize } from "./synthesize.js";
import { isPlainObject, type TypedObject } from "./values.js";

/** A documented example, ready to answer requests. */
export interface PreparedExample {
  readonly title: string;
  /** Where the model documents it: @examples, or only the HTTP exchange (see documented-examples.ts). */
  readonly source: DocumentedExample["source"];
  /** For an exchange: the ids of its request and response test cases. */
  readonly ids?: DocumentedExample["ids"];
  /** The example's input in canonical form (see canonical()), for matching. */
  readonly input: NodeValue;
  /** The example's output as the operation returns it, repaired where it broke the docs. */
  readonly output: TypedObject;
  /** What the repair changed (errata), with the erratum id when the model records one. */
  readonly repairs: readonly (RepairNote & { erratum?: string })[];
}

/** Everything `docsmith serve` answers an operation with. */
export interface OperationAnswers {
  readonly operation: string;
  readonly examples: readonly PreparedExample[];
  /** The answer when there is no example: the minimal valid output. */
  readonly fallback: TypedObject;
  /** Problems met while preparing (an example whose output could not be repaired). */
  readonly problems: readonly string[];
}

/**
 * A second opinion on a prepared output (the package's own output validator): a message when it
 * refuses the output, which would otherwise be answered with a 500.
 */
export type OutputCheck = (operation: string, output: TypedObject) => string | undefined;

/**
 * Prepares the answers of one operation from its documented examples (`smithy.api#examples`,
 * and the documented HTTP exchanges no @examples entry repeats: see documentedExamples()): each
 * example's input in canonical form and its output converted to the implementation's value form
 * and repaired where it breaks the model's constraints. Examples that document an error are
 * skipped (the server answers errors only for invalid requests).
 */
export function prepareOperation(
  view: ServiceView,
  op: OperationView,
  check?: OutputCheck,
): OperationAnswers {
  const examples: PreparedExample[] = [];
  const errata = errataOf(view).filter((e) => e.operation === op.id);
  const documented = documentedExamples(view, op);
  const problems = [...documented.problems];
  for (const example of documented.examples) {
    const { title } = example;
    const typedInput = exampleValue(view, op.input, example.input);
    const typedOutput = exampleValue(view, op.output, example.output);
    const { value, notes } = repair(view, op.output, typedOutput);
    if (!isPlainObject(value)) {
      problems.push(`${op.name} example "${title}": its output cannot be made valid; not served`);
      continue;
    }
    const refused = check?.(op.name, value);
    if (refused) {
      problems.push(`${op.name} example "${title}": ${refused}; not served`);
      continue;
    }
    examples.push({
      title,
      source: example.source,
      ...(example.ids ? { ids: example.ids } : {}),
      input: canonical(typedInput) ?? {},
      output: value,
      repairs: notes.map((note) => {
        const erratum = errata.find(
          (e) => e.example === title && e.path === `/output${note.path}`,
        )?.id;
        return erratum ? { ...note, erratum } : note;
      }),
    });
  }
  const synthesized = synthesize(view, op.output, undefined, "string");
  const fallback =
    isPlainObject(synthesized) && !check?.(op.name, synthesized) ? synthesized : undefined;
  if (!fallback) {
    problems.push(`${op.name}: no valid output can be synthesized from its output shape`);
  }
  return {
    operation: op.name,
    examples,
    fallback: fallback ?? {},
    problems,
  };
}
