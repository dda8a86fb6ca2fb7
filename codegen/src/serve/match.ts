import { canonical } from "../emit/example-values.js";
import type { NodeValue } from "../model/ast.js";
import type { OperationAnswers, PreparedExample } from "./answers.js";
import type { TypedObject } from "./values.js";

/** How an answer was chosen, for tests and the curious. */
export interface Choice {
  readonly output: TypedObject;
  /** The example answered with; undefined when the operation has none (synthesized output). */
  readonly example?: string;
  /** True when the request's input equals the example's input. */
  readonly exact: boolean;
}

/**
 * The answer to a request: the documented output of the example whose input equals the request's
 * (both in canonical form, so key order, null members and timestamp notation do not matter);
 * otherwise the output of the closest example (see closeness()); with no example, the
 * synthesized minimal output. A fresh copy every time, so a caller may change it.
 */
export function choose(answers: OperationAnswers, input: unknown): Choice {
  const request = canonical(input) ?? {};
  const key = JSON.stringify(request);
  const exact = answers.examples.find((e) => JSON.stringify(e.input) === key);
  if (exact) return { output: structuredClone(exact.output), example: exact.title, exact: true };
  const closest = closestExample(answers.examples, request);
  if (!closest) return { output: structuredClone(answers.fallback), exact: false };
  return { output: structuredClone(closest.output), example: closest.title, exact: false };
}

/**
 * "Closest": the example sharing the most leaf values with the request (a leaf is a scalar, or an
 * empty list or object, at a path of member names and indexes, e.g. `filter.severities[0]`); ties
 * go to the one with fewer differing leaves (present in only one, or different), then to the
 * first documented.
 */
export function closestExample(
  examples: readonly PreparedExample[],
  request: NodeValue,
): PreparedExample | undefined {
  const wanted = leaves(request);
  let best: PreparedExample | undefined;
  let bestScore: [number, number] = [-1, 0];
  for (const example of examples) {
    const score = closeness(wanted, leaves(example.input));
    if (score[0] > bestScore[0] || (score[0] === bestScore[0] && score[1] < bestScore[1])) {
      best = example;
      bestScore = score;
    }
  }
  return best;
}

/** [leaves equal in both, leaves that differ or are in one only]. */
export function closeness(a: Map<string, string>, b: Map<string, string>): [number, number] {
  let same = 0;
  for (const [path, value] of a) if (b.get(path) === value) same++;
  return [same, a.size + b.size - 2 * same];
}

/** The leaves of a canonical value: path -> JSON text of the scalar (or empty container). */
export function leaves(
  value: NodeValue,
  path = "",
  out = new Map<string, string>(),
): Map<string, string> {
  if (Array.isArray(value) && value.length > 0) {
    for (const [n, item] of value.entries()) leaves(item, `${path}[${n}]`, out);
  } else if (
    value !== null &&
    typeof value === "object" &&
    !Array.isArray(value) &&
    Object.keys(value).length > 0
  ) {
    for (const [key, item] of Object.entries(value))
      leaves(item, path ? `${path}.${key}` : key, out);
  } else {
    out.set(path, JSON.stringify(value));
  }
  return out;
}
