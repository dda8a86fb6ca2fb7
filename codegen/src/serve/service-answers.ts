import { type ServiceView, serviceView } from "../emit/service-view.js";
import type { Model } from "../model/ast.js";
import { flattenMixins } from "../model/mixins.js";
import { type OperationAnswers, type OutputCheck, prepareOperation } from "./answers.js";
import { choose } from "./match.js";
import type { TypedObject } from "./values.js";

export interface ServiceAnswers {
  readonly view: ServiceView;
  readonly operations: ReadonlyMap<string, OperationAnswers>;
}

/** The service shape of a package's model.json: there is exactly one (mixins aside). */
export function soleServiceId(model: Model): string {
  const ids = Object.entries(model.shapes)
    .filter(([, shape]) => shape.type === "service" && !shape.traits?.["smithy.api#mixin"])
    .map(([id]) => id);
  if (ids.length !== 1) {
    throw new Error(`expected one service shape in the model, found ${ids.length}`);
  }
  return ids[0]!;
}

/**
 * Prepares the answers of every operation of the model's service (a package's model.json);
 * `check`, when given, vets every prepared output (see OutputCheck).
 */
export function serviceAnswers(model: Model, check?: OutputCheck): ServiceAnswers {
  const view = serviceView(flattenMixins(model), soleServiceId(model));
  const operations = new Map<string, OperationAnswers>();
  for (const op of view.operations) operations.set(op.name, prepareOperation(view, op, check));
  return { view, operations };
}

/**
 * The implementation object a generated handler factory takes: one async method per operation,
 * answering from the examples (see choose()). The handler has validated the input already and
 * validates the output again before sending it.
 */
export function exampleImplementation(
  answers: ServiceAnswers,
): Record<string, (input: unknown) => Promise<TypedObject>> {
  const impl: Record<string, (input: unknown) => Promise<TypedObject>> = Object.create(null);
  for (const [name, operation] of answers.operations) {
    impl[name] = async (input: unknown) => choose(operation, input).output;
  }
  return impl;
}
