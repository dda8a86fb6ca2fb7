import { readFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "./serve-process.js";

export type Node = null | boolean | number | string | Node[] | { [key: string]: Node };
interface Member {
  target: string;
  traits?: Record<string, Node>;
}
interface Shape {
  type: string;
  traits?: Record<string, Node>;
  members?: Record<string, Member>;
  member?: Member;
  value?: Member;
  input?: { target: string };
  output?: { target: string };
}
export interface ServiceModel {
  metadata?: Record<string, Node>;
  shapes: Record<string, Shape>;
}

export interface DocumentedExample {
  readonly operation: string;
  readonly title: string;
  readonly input: Node;
  readonly output: Node;
  readonly inputShape: string;
  readonly outputShape: string;
  /**
   * Set for an example documented only by its HTTP exchange (the request and response test
   * cases, named by their request test's id): the transcriber keeps a sample that breaks the
   * docs' constraints there, out of @examples.
   */
  readonly exchange?: string;
}

export interface Erratum {
  readonly id: string;
  readonly operation: string;
  readonly example: string;
  /** JSON Pointer from the example: `/output/...`. */
  readonly path: string;
}

/** packages/<svc>/model.json, the generated package's copy of the model. */
export function serviceModel(svc: string): ServiceModel {
  return JSON.parse(readFileSync(join(REPO_ROOT, "packages", svc, "model.json"), "utf8"));
}

interface HttpCase {
  id: string;
  code?: number;
  params?: Node;
}

/**
 * Every operation's documented examples that have an output (not an error): its @examples
 * entries, then each documented HTTP exchange that repeats none of them. The transcriber names
 * an exchange's test cases `<Service>_<Op>_Sample` (both) or `<Op>_RequestSyntax` and
 * `<Op>_ResponseSyntax`; an exchange-only example is titled as the erratum that keeps it out of
 * @examples names it.
 */
export function documentedExamples(model: ServiceModel): DocumentedExample[] {
  const out: DocumentedExample[] = [];
  const known = errata(model);
  for (const [id, shape] of Object.entries(model.shapes)) {
    if (shape.type !== "operation") continue;
    const operation = id.slice(id.indexOf("#") + 1);
    const shapes = {
      inputShape: shape.input?.target ?? "smithy.api#Unit",
      outputShape: shape.output?.target ?? "smithy.api#Unit",
    };
    const examples = (shape.traits?.["smithy.api#examples"] ?? []) as {
      title: string;
      input?: Node;
      output?: Node;
      error?: Node;
    }[];
    const documented = examples.filter((e) => e.error === undefined);
    for (const e of documented) {
      out.push({
        operation,
        title: e.title,
        input: e.input ?? {},
        output: e.output ?? {},
        ...shapes,
      });
    }
    const requests = (shape.traits?.["smithy.test#httpRequestTests"] ??
      []) as unknown as HttpCase[];
    const responses = (shape.traits?.["smithy.test#httpResponseTests"] ??
      []) as unknown as HttpCase[];
    for (const request of requests) {
      const responseId = request.id.replace(/_RequestSyntax$/, "_ResponseSyntax");
      const response = responses.find((r) => r.id === responseId);
      if (!response || (response.code ?? 200) >= 300) continue;
      const input = request.params ?? {};
      const output = response.params ?? {};
      const key = sortedJson([input, output]);
      if (documented.some((e) => sortedJson([e.input ?? {}, e.output ?? {}]) === key)) continue;
      const title =
        known.find((k) => k.operation === operation && !examples.some((e) => e.title === k.example))
          ?.example ?? request.id;
      out.push({ operation, title, input, output, ...shapes, exchange: request.id });
    }
  }
  return out.sort((a, b) => a.operation.localeCompare(b.operation));
}

/** Operations (short names) with a documented HTTP response of success. */
export function operationsWithExchanges(model: ServiceModel): string[] {
  return Object.entries(model.shapes)
    .filter(([, shape]) =>
      ((shape.traits?.["smithy.test#httpResponseTests"] ?? []) as unknown as HttpCase[]).some(
        (r) => (r.code ?? 200) < 300,
      ),
    )
    .map(([id]) => id.slice(id.indexOf("#") + 1))
    .sort();
}

function sortedJson(node: Node): string {
  const sort = (n: Node): Node =>
    Array.isArray(n)
      ? n.map(sort)
      : n !== null && typeof n === "object"
        ? Object.fromEntries(
            Object.keys(n)
              .sort()
              .map((k) => [k, sort(n[k]!)]),
          )
        : n;
  return JSON.stringify(sort(node));
}

export function errata(model: ServiceModel): Erratum[] {
  const list = (model.metadata?.docsmithErrata ?? []) as {
    id: string;
    operation: string;
    example: string;
    path: string;
  }[];
  return list.map((e) => ({
    id: e.id,
    operation: e.operation.slice(e.operation.indexOf("#") + 1),
    example: e.example,
    path: e.path,
  }));
}

/** How a conversion of example nodes writes the leaves whose form depends on the client. */
export interface LeafForms {
  timestamp(node: Node): unknown;
  blob(node: Node): unknown;
}

/**
 * An example node converted shape by shape: lists, maps, structures and unions walked, member
 * names kept (the model's, which are the SDKs' and the CLI's), timestamps and blobs in `forms`.
 */
export function convertValue(
  model: ServiceModel,
  id: string,
  node: Node,
  forms: LeafForms,
): unknown {
  if (node === null) return null;
  const shape = model.shapes[id];
  if (id === "smithy.api#Timestamp" || shape?.type === "timestamp") return forms.timestamp(node);
  if (id === "smithy.api#Blob" || shape?.type === "blob") return forms.blob(node);
  if (!shape) return node;
  if ((shape.type === "list" || shape.type === "set") && Array.isArray(node)) {
    return node.map((item) => convertValue(model, shape.member!.target, item, forms));
  }
  if (shape.type === "map" && typeof node === "object" && !Array.isArray(node)) {
    return Object.fromEntries(
      Object.entries(node).map(([k, v]) => [k, convertValue(model, shape.value!.target, v, forms)]),
    );
  }
  if (
    (shape.type === "structure" || shape.type === "union") &&
    typeof node === "object" &&
    !Array.isArray(node)
  ) {
    return Object.fromEntries(
      Object.entries(node).map(([k, v]) => [
        k,
        convertValue(model, shape.members![k]!.target, v, forms),
      ]),
    );
  }
  return node;
}

/**
 * An example node as an AWS SDK takes or returns it: timestamps as Dates (epoch seconds, or a
 * date string), blobs as bytes. Member names are the model's, which are the SDKs' (GuardDuty's
 * model names members in PascalCase, as its SDK does).
 */
export function sdkValue(model: ServiceModel, id: string, node: Node): unknown {
  return convertValue(model, id, node, {
    timestamp: (n) =>
      typeof n === "number" ? new Date(Math.round(n * 1000)) : new Date(String(n)),
    blob: (n) => new TextEncoder().encode(String(n)),
  });
}

/**
 * A top-level string member of `inputShape` with a @length max (on the member or its target),
 * for sending a value one character too long; undefined when the input has none.
 */
export function overLongMember(
  model: ServiceModel,
  inputShape: string,
): { member: string; value: string } | undefined {
  for (const [name, m] of Object.entries(model.shapes[inputShape]?.members ?? {})) {
    const target = model.shapes[m.target];
    const isString = m.target === "smithy.api#String" || target?.type === "string";
    const length = (m.traits?.["smithy.api#length"] ?? target?.traits?.["smithy.api#length"]) as
      | { max?: number }
      | undefined;
    if (isString && length?.max !== undefined)
      return { member: name, value: "x".repeat(length.max + 1) };
  }
  return undefined;
}

/** The value at a JSON Pointer (`/a/0/b`), or undefined. */
export function at(value: unknown, pointer: string): unknown {
  let node = value;
  for (const raw of pointer.split("/").slice(1)) {
    const key = raw.replaceAll("~1", "/").replaceAll("~0", "~");
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** The enum values of the shape a pointer inside an operation's output reaches. */
export function enumAt(model: ServiceModel, outputShape: string, pointer: string): string[] {
  let id = outputShape;
  for (const raw of pointer.split("/").slice(1)) {
    const shape = model.shapes[id]!;
    if (shape.type === "list" || shape.type === "set") id = shape.member!.target;
    else if (shape.type === "map") id = shape.value!.target;
    else id = shape.members![raw]!.target;
  }
  const shape = model.shapes[id]!;
  return Object.entries(shape.members ?? {}).map(
    ([name, m]) => (m.traits?.["smithy.api#enumValue"] as string | undefined) ?? name,
  );
}
