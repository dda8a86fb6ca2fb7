import type { Model, NodeValue } from "../model/ast.js";
import { ValidationContext } from "../model/validate/context.js";
import { ModelIndex } from "../model/validate/index.js";
import { NodeValidator } from "../model/validate/node-value.js";
import type { Erratum, ServiceFacts } from "./service-facts.js";
import {
  type DocLocation,
  exampleSource,
  type Repair,
  type TranscribedService,
  TranscribeError,
} from "./transcribed.js";

const EXAMPLES = "smithy.api#examples";

/** A value of a documented example that the model (with service.smithy) rejects. */
export interface ExampleProblem {
  /** Absolute operation id. */
  operation: string;
  /** The example's title. */
  example: string;
  /** JSON Pointer into the example (`/output/assessmentRunAgents/0/agentHealthCode`). */
  path: string;
  /** The value there (undefined where a required member is missing). */
  value: NodeValue | undefined;
  /** The loader's validation message (the constraint the value breaks). */
  message: string;
}

type Obj = { [key: string]: NodeValue };

function isObject(v: NodeValue | undefined): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * Checks a value against a shape of a loaded model with the loader's own node validation (the
 * check Smithy's ExamplesTraitValidator makes): kinds, members, required, length, range,
 * pattern, enum values. Each problem comes with the JSON Pointer of the value, under `prefix`.
 */
export function valueProblems(
  model: Model,
  shapeId: string,
  value: NodeValue,
  prefix = "",
  index: ModelIndex = new ModelIndex(model),
): { path: string; value: NodeValue | undefined; message: string }[] {
  const shape = index.get(shapeId);
  if (!shape) return [{ path: prefix, value, message: `no shape ${shapeId} in the model` }];
  const ctx = new ValidationContext(index, () => undefined);
  return new NodeValidator(ctx, shapeId).validate(shape, value).map((p) => {
    const path = prefix + pointerOf(p.path);
    return { path, value: at(value, pointerOf(p.path)), message: p.message };
  });
}

/** Every problem of every documented example of the service's operations, in docs order. */
export function exampleProblems(model: Model, service: TranscribedService): ExampleProblem[] {
  const index = new ModelIndex(model);
  const out: ExampleProblem[] = [];
  for (const [id, op] of Object.entries(service.shapes)) {
    if (op.type !== "operation") continue;
    const examples = op.traits?.[EXAMPLES];
    if (!Array.isArray(examples)) continue;
    for (const example of examples) {
      if (!isObject(example)) continue;
      const title = String(example.title ?? "");
      for (const side of ["input", "output"] as const) {
        const target = op[side]?.target;
        const value = example[side];
        if (!target || value === undefined) continue;
        for (const p of valueProblems(model, target, value, `/${side}`, index)) {
          out.push({ operation: id, example: title, ...p });
        }
      }
    }
  }
  return out;
}

/**
 * Settles the examples that break the model's constraints against the errata of service.smithy.
 * An example whose every problem is a recorded erratum stays in the documented HTTP exchange
 * (the protocol tests, as printed) but leaves `smithy.api#examples`, which Smithy rejects when an
 * example breaks a constraint; a repair says so. A problem no erratum covers, or an erratum
 * that matches no problem, stops transcription.
 */
export function settleExamples(
  service: TranscribedService,
  problems: ExampleProblem[],
  facts: ServiceFacts,
  docs: { path: string; text: string }[],
): TranscribedService {
  const covering = (p: ExampleProblem) => erratumFor(facts, p.operation, p.example, p.path);
  const uncovered = problems.filter((p) => !covering(p));
  if (uncovered.length) {
    const [first, ...more] = uncovered;
    const also = more.map((p) => {
      const where = locate(service, p, docs);
      return `\n${where.file}:${where.line}: ${describe(p)}`;
    });
    throw new TranscribeError(
      locate(service, first, docs),
      `${describe(first)}${also.join("")}\nA documented example breaks the model's constraints. ` +
        `If the docs are wrong, record an erratum in ${facts.file} (metadata docsmithErrata, an ` +
        `entry { id, operation: "${first.operation}", example: "${first.example}", path: ` +
        `"${first.path}", note }); if the model is wrong, correct it there with an apply.`,
    );
  }
  const stale = facts.errata.filter(
    (e) =>
      !problems.some(
        (p) => p.operation === e.operation && p.example === e.example && p.path === e.path,
      ),
  );
  if (stale.length) {
    throw new TranscribeError(
      { file: facts.file, line: facts.errataLine },
      `erratum ${stale.map((e) => e.id).join(", ")}: no documented example value at ${stale
        .map((e) => `${e.operation} "${e.example}" ${e.path}`)
        .join(", ")} breaks the model's constraints; remove the erratum or correct its path`,
    );
  }
  if (problems.length === 0) return service;

  const shapes = { ...service.shapes };
  const repairs: Repair[] = [...service.repairs];
  const dropped = new Map<string, ExampleProblem[]>();
  for (const p of problems) {
    const key = JSON.stringify([p.operation, p.example]);
    dropped.set(key, [...(dropped.get(key) ?? []), p]);
  }
  for (const list of dropped.values()) {
    const { operation, example } = list[0];
    const op = shapes[operation];
    const documented = op.traits?.[EXAMPLES];
    const kept = (Array.isArray(documented) ? documented : []).filter(
      (e) => !(isObject(e) && e.title === example),
    );
    const traits = { ...op.traits };
    if (kept.length) traits[EXAMPLES] = kept;
    else delete traits[EXAMPLES];
    shapes[operation] = { ...op, traits };
    repairs.push({
      ...locate(service, list[0], docs),
      subject: `${operation} example ${JSON.stringify(example)}`,
      printed: list.map((p) => `${p.path} ${show(p.value)}`).join("; "),
      used: "the sample as printed in @httpRequestTests/@httpResponseTests only, not in @examples",
      why: `${list
        .map((p) => `${p.message} (erratum ${covering(p)!.id})`)
        .join("; ")}; Smithy rejects an @examples entry whose values break the model's constraints`,
    });
  }
  return { ...service, shapes, repairs };
}

function describe(p: ExampleProblem): string {
  return `${p.operation.slice(p.operation.indexOf("#") + 1)} example "${p.example}": ${p.path} ${show(p.value)}: ${p.message}`;
}

function show(value: NodeValue | undefined): string {
  return value === undefined ? "(absent)" : JSON.stringify(value);
}

/**
 * Where the docs print a problem's value: the line of the sample that shows its key and value
 * (when the docs print it as is), else the sample's first line.
 */
function locate(
  service: TranscribedService,
  p: ExampleProblem,
  docs: { path: string; text: string }[],
): DocLocation {
  const side = p.path.startsWith("/input") ? "input" : "output";
  const sample = service.sources[exampleSource(p.operation, p.example, side)] ??
    service.sources[p.operation] ?? { file: docs[0]?.path ?? "", line: 1 };
  const text = docs.find((d) => d.path === sample.file)?.text;
  const key = p.path.split("/").pop() ?? "";
  if (!text || p.value === undefined || /^\d+$/.test(key)) return sample;
  const needle = `"${key.replace(/~1/g, "/").replace(/~0/g, "~")}"`;
  const shown = JSON.stringify(p.value);
  const lines = text.split("\n");
  // Bounded: a sample spans at most a few pages.
  for (let i = sample.line - 1; i < Math.min(lines.length, sample.line - 1 + 2000); i++) {
    if (lines[i].includes(needle) && lines[i].includes(shown)) return { ...sample, line: i + 1 };
  }
  return sample;
}

/** A NodeValidator path (`a.0.b`, map keys as `k (map-key)`) as a JSON Pointer (`/a/0/b`). */
function pointerOf(path: string): string {
  if (path === "") return "";
  return path
    .split(".")
    .map(
      (s) =>
        `/${s
          .replace(/ \(map-key\)$/, "")
          .replace(/~/g, "~0")
          .replace(/\//g, "~1")}`,
    )
    .join("");
}

/** The value at a JSON Pointer. */
function at(value: NodeValue | undefined, pointer: string): NodeValue | undefined {
  let v = value;
  for (const raw of pointer.split("/").slice(1)) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (Array.isArray(v)) v = v[Number(key)];
    else if (isObject(v)) v = Object.hasOwn(v, key) ? v[key] : undefined;
    else return undefined;
  }
  return v;
}

/** The erratum that records a documented example value, if any. */
export function erratumFor(
  facts: ServiceFacts,
  operation: string,
  example: string,
  path: string,
): Erratum | undefined {
  return facts.errata.find(
    (e) => e.operation === operation && e.example === example && e.path === path,
  );
}
