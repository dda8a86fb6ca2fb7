import { readFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "./serve-process.js";

type Node = null | boolean | number | string | Node[] | { [key: string]: Node };
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
}

export interface Erratum {
  readonly operation: string;
  readonly example: string;
  /** JSON Pointer from the example: `/output/...`. */
  readonly path: string;
}

/** packages/<svc>/model.json, the generated package's copy of the model. */
export function serviceModel(svc: string): ServiceModel {
  return JSON.parse(readFileSync(join(REPO_ROOT, "packages", svc, "model.json"), "utf8"));
}

/** Every operation's documented examples that have an output (not an error). */
export function documentedExamples(model: ServiceModel): DocumentedExample[] {
  const out: DocumentedExample[] = [];
  for (const [id, shape] of Object.entries(model.shapes)) {
    if (shape.type !== "operation") continue;
    const examples = (shape.traits?.["smithy.api#examples"] ?? []) as {
      title: string;
      input?: Node;
      output?: Node;
      error?: Node;
    }[];
    for (const e of examples) {
      if (e.error !== undefined) continue;
      out.push({
        operation: id.slice(id.indexOf("#") + 1),
        title: e.title,
        input: e.input ?? {},
        output: e.output ?? {},
        inputShape: shape.input?.target ?? "smithy.api#Unit",
        outputShape: shape.output?.target ?? "smithy.api#Unit",
      });
    }
  }
  return out.sort((a, b) => a.operation.localeCompare(b.operation));
}

export function errata(model: ServiceModel): Erratum[] {
  const list = (model.metadata?.docsmithErrata ?? []) as {
    operation: string;
    example: string;
    path: string;
  }[];
  return list.map((e) => ({
    operation: e.operation.slice(e.operation.indexOf("#") + 1),
    example: e.example,
    path: e.path,
  }));
}

/**
 * An example node as an AWS SDK takes or returns it: timestamps as Dates (epoch seconds, or a
 * date string), blobs as bytes, structure member names through `rename` (GuardDuty's SDK
 * capitalizes what its docs print in camelCase).
 */
export function sdkValue(
  model: ServiceModel,
  id: string,
  node: Node,
  rename: (member: string) => string = (m) => m,
): unknown {
  if (node === null) return null;
  const shape = model.shapes[id];
  if (id === "smithy.api#Timestamp" || shape?.type === "timestamp") {
    return typeof node === "number" ? new Date(Math.round(node * 1000)) : new Date(String(node));
  }
  if (id === "smithy.api#Blob" || shape?.type === "blob")
    return new TextEncoder().encode(String(node));
  if (!shape) return node;
  if ((shape.type === "list" || shape.type === "set") && Array.isArray(node)) {
    return node.map((item) => sdkValue(model, shape.member!.target, item, rename));
  }
  if (shape.type === "map" && typeof node === "object" && !Array.isArray(node)) {
    return Object.fromEntries(
      Object.entries(node).map(([k, v]) => [k, sdkValue(model, shape.value!.target, v, rename)]),
    );
  }
  if (
    (shape.type === "structure" || shape.type === "union") &&
    typeof node === "object" &&
    !Array.isArray(node)
  ) {
    return Object.fromEntries(
      Object.entries(node).map(([k, v]) => [
        rename(k),
        sdkValue(model, shape.members![k]!.target, v, rename),
      ]),
    );
  }
  return node;
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
