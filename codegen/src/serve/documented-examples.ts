import { exchangeName, operationExamples } from "../emit/documented-examples.js";
import type { OperationView, ServiceView } from "../emit/service-view.js";
import type { NodeValue } from "../model/ast.js";

export { exchangeName, pairKey } from "../emit/documented-examples.js";

/** A documented example with an output, from wherever the model keeps it. */
export interface DocumentedExample {
  /** The example's title; for an exchange, the title its erratum names, else its test id. */
  readonly title: string;
  /**
   * `examples`: a `smithy.api#examples` entry. `exchange`: a documented HTTP exchange (a
   * `smithy.test#httpRequestTests` case and its `httpResponseTests` case) that no @examples
   * entry repeats: the transcriber keeps there, and only there, a sample that breaks the docs'
   * constraints (an erratum).
   */
  readonly source: "examples" | "exchange";
  /** For an exchange, the ids of its request and response test cases. */
  readonly ids?: { readonly request: string; readonly response: string };
  readonly input: NodeValue;
  readonly output: NodeValue;
}

export interface DocumentedExamples {
  readonly examples: DocumentedExample[];
  /** Test cases that could not be read as an exchange (a request without its response...). */
  readonly problems: string[];
}

/**
 * The examples `docsmith serve` answers with: the operation's `smithy.api#examples` entries (in
 * order; entries documenting an error are left out), then its documented HTTP exchanges that
 * repeat none of them (see operationExamples() for how cases pair and errata name them). A
 * response with a status of 300 or more documents an error and is not an example.
 */
export function documentedExamples(view: ServiceView, op: OperationView): DocumentedExamples {
  const { examples, exchanges, problems } = operationExamples(view, op);
  const out: DocumentedExample[] = [];
  for (const e of examples) {
    if (e.output === undefined) continue;
    out.push({ title: e.title, source: "examples", input: e.input, output: e.output });
  }
  for (const { request, response, erratum } of exchanges) {
    if (response.code >= 300) continue;
    const ids = { request: request.id, response: response.id };
    out.push({
      title: erratum?.example ?? exchangeName(ids),
      source: "exchange",
      ids,
      input: request.params,
      output: response.params,
    });
  }
  return { examples: out, problems };
}
