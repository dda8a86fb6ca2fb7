import type { Model, NodeValue, Traits } from "../../../src/model/ast.js";

/** A place where a documented example breaks a constraint of the model. */
export interface Violation {
  operation: string;
  example: string;
  path: string;
  problem: string;
}

/**
 * Checks the documented exchange of every operation (the params of its `smithy.test`
 * request and response tests, keyed like an example's input and output) against the model's
 * constraints (required, length, range, pattern, enum values, known members). Test oracle,
 * written apart from the loader's validation: it proves the errata list in service.smithy is
 * exact.
 */
export function exchangeViolations(model: Model): Violation[] {
  const out: Violation[] = [];
  for (const [id, op] of Object.entries(model.shapes)) {
    if (op.type !== "operation") continue;
    const sides = [
      ["smithy.test#httpRequestTests", op.input, "/input"],
      ["smithy.test#httpResponseTests", op.output, "/output"],
    ] as const;
    for (const [trait, ref, prefix] of sides) {
      for (const test of (op.traits?.[trait] ?? []) as Record<string, NodeValue>[]) {
        const report = (path: string, problem: string) =>
          out.push({ operation: id, example: String(test.id), path, problem });
        if (ref && test.params !== undefined)
          check(model, test.params, ref.target, {}, prefix, report);
      }
    }
  }
  return out;
}

function check(
  model: Model,
  v: NodeValue,
  target: string,
  traits: Traits,
  path: string,
  report: (path: string, problem: string) => void,
): void {
  const shape = model.shapes[target];
  const all: Traits = { ...(shape?.traits ?? {}), ...traits };
  const len = all["smithy.api#length"] as { min?: number; max?: number } | undefined;
  const size = typeof v === "string" ? [...v].length : Array.isArray(v) ? v.length : undefined;
  if (len && size !== undefined && ((len.min ?? 0) > size || (len.max ?? Infinity) < size))
    report(path, `length ${size}`);
  const range = all["smithy.api#range"] as { min?: number; max?: number } | undefined;
  if (
    range &&
    typeof v === "number" &&
    ((range.min ?? -Infinity) > v || (range.max ?? Infinity) < v)
  )
    report(path, `value ${v}`);
  const pattern = all["smithy.api#pattern"];
  if (typeof pattern === "string" && typeof v === "string" && !new RegExp(pattern, "u").test(v))
    report(path, "pattern");
  if (!shape) return;
  if (shape.type === "enum") {
    const values = Object.values(shape.members ?? {}).map(
      (m) => m.traits?.["smithy.api#enumValue"],
    );
    if (!values.includes(v)) report(path, `not one of ${values.join(", ")}`);
  } else if (shape.type === "list" && Array.isArray(v)) {
    v.forEach((x, i) => {
      check(model, x, shape.member!.target, shape.member!.traits ?? {}, `${path}/${i}`, report);
    });
  } else if (shape.type === "map" && v && typeof v === "object" && !Array.isArray(v)) {
    for (const [k, x] of Object.entries(v))
      check(model, x, shape.value!.target, shape.value!.traits ?? {}, `${path}/${k}`, report);
  } else if (shape.type === "structure" && v && typeof v === "object" && !Array.isArray(v)) {
    for (const [k, m] of Object.entries(shape.members ?? {})) {
      if (m.traits?.["smithy.api#required"] !== undefined && !(k in v))
        report(`${path}/${k}`, "required member missing");
    }
    for (const [k, x] of Object.entries(v)) {
      const m = shape.members?.[k];
      if (!m) report(`${path}/${k}`, "unknown member");
      else check(model, x, m.target, m.traits ?? {}, `${path}/${k}`, report);
    }
  }
}
