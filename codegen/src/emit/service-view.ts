import type { AstShape, Model, NodeValue, Traits } from "../model/ast.js";
import { clientStem, shapeName } from "./naming.js";

/**
 * What the emitters need from a model: one service, its operations and the closure of shapes
 * they reach, with the names the service gives them. The model must have its mixins flattened.
 */
export interface ServiceView {
  model: Model;
  id: string;
  shape: AstShape;
  protocol: "awsJson1_1" | "awsJson1_0" | "restJson1";
  sdkId: string;
  /** Client class stem: `Inspector` for `InspectorClient`. */
  stem: string;
  signingName: string;
  endpointPrefix: string;
  version: string;
  operations: OperationView[];
  /** The service's common errors (the service shape's `errors`). */
  errors: string[];
  /** Every shape id the operations reach (prelude shapes excluded), in a stable order. */
  closure: string[];
  /** A shape by id, prelude simple shapes included. */
  get(id: string): AstShape;
  /** The name a shape has in this service (after `rename`). */
  nameOf(id: string): string;
}

export interface OperationView {
  id: string;
  name: string;
  shape: AstShape;
  /** `smithy.api#Unit` when the operation has no input. */
  input: string;
  output: string;
  errors: string[];
}

export const UNIT = "smithy.api#Unit";

const preludeTypes: Record<string, AstShape["type"]> = {
  String: "string",
  Blob: "blob",
  Boolean: "boolean",
  Byte: "byte",
  Short: "short",
  Integer: "integer",
  Long: "long",
  Float: "float",
  Double: "double",
  BigInteger: "bigInteger",
  BigDecimal: "bigDecimal",
  Timestamp: "timestamp",
  Document: "document",
  PrimitiveBoolean: "boolean",
  PrimitiveByte: "byte",
  PrimitiveShort: "short",
  PrimitiveInteger: "integer",
  PrimitiveLong: "long",
  PrimitiveFloat: "float",
  PrimitiveDouble: "double",
};

export class EmitError extends Error {}

/** The shapes `smithy.api#…` that emitted code may reference without the model defining them. */
function preludeShape(id: string): AstShape | undefined {
  if (!id.startsWith("smithy.api#")) return undefined;
  const name = shapeName(id);
  if (name === "Unit")
    return { type: "structure", members: {}, traits: { "smithy.api#unitType": {} } };
  const type = preludeTypes[name];
  return type ? { type } : undefined;
}

export function trait<T = NodeValue>(traits: Traits | undefined, id: string): T | undefined {
  const value = traits?.[id.includes("#") ? id : `smithy.api#${id}`];
  return value as T | undefined;
}

export function hasTrait(traits: Traits | undefined, id: string): boolean {
  return trait(traits, id) !== undefined;
}

/** Whether a member has a default value: `@default(null)` is none (it removes the target's). */
export function hasDefault(traits: Traits | undefined): boolean {
  const value = trait(traits, "default");
  return value !== undefined && value !== null;
}

/** Builds the view of `serviceId`, or throws EmitError saying what the model lacks. */
export function serviceView(model: Model, serviceId: string): ServiceView {
  const shape = model.shapes[serviceId];
  if (shape?.type !== "service") {
    throw new EmitError(`${serviceId} is not a service shape in the model`);
  }
  const get = (id: string): AstShape => {
    const found = model.shapes[id] ?? preludeShape(id);
    if (!found) throw new EmitError(`${serviceId}: shape ${id} is referenced but not defined`);
    return found;
  };
  const traits = shape.traits ?? {};
  const protocol = traits["aws.protocols#restJson1"]
    ? "restJson1"
    : traits["aws.protocols#awsJson1_1"]
      ? "awsJson1_1"
      : traits["aws.protocols#awsJson1_0"]
        ? "awsJson1_0"
        : undefined;
  if (!protocol) {
    throw new EmitError(
      `${serviceId}: no supported protocol trait (aws.protocols#awsJson1_1, awsJson1_0 or restJson1)`,
    );
  }
  const api = (traits["aws.api#service"] ?? {}) as Record<string, string | undefined>;
  const sigv4 = (traits["aws.auth#sigv4"] ?? {}) as Record<string, string | undefined>;
  const sdkId = api.sdkId ?? shapeName(serviceId);
  const arnNamespace = api.arnNamespace ?? shapeName(serviceId).toLowerCase();

  const operationIds = collectOperations(shape, get);
  const operations: OperationView[] = operationIds.map((id) => {
    const op = get(id);
    return {
      id,
      name: shapeName(id),
      shape: op,
      input: op.input?.target ?? UNIT,
      output: op.output?.target ?? UNIT,
      errors: (op.errors ?? []).map((e) => e.target),
    };
  });
  const errors = (shape.errors ?? []).map((e) => e.target);

  const closure = new Set<string>();
  const visit = (id: string): void => {
    if (closure.has(id) || preludeShape(id)) return;
    closure.add(id);
    const s = get(id);
    for (const m of Object.values(s.members ?? {})) visit(m.target);
    for (const m of [s.member, s.key, s.value]) if (m) visit(m.target);
  };
  for (const op of operations) [op.input, op.output, ...op.errors].forEach(visit);
  errors.forEach(visit);

  const rename = shape.rename ?? {};
  const nameOf = (id: string): string => rename[id] ?? shapeName(id);
  const names = new Map<string, string>();
  for (const id of closure) {
    const name = nameOf(id);
    const clash = names.get(name);
    if (clash) throw new EmitError(`${serviceId}: shapes ${clash} and ${id} both map to ${name}`);
    names.set(name, id);
  }

  return {
    model,
    id: serviceId,
    shape,
    protocol,
    sdkId,
    stem: clientStem(sdkId),
    signingName: sigv4.name ?? arnNamespace,
    endpointPrefix: api.endpointPrefix ?? arnNamespace,
    version: shape.version ?? "",
    operations,
    errors,
    closure: [...closure].sort((a, b) => nameOf(a).localeCompare(nameOf(b), "en")),
    get,
    nameOf,
  };
}

/** The service's operations, its resources' included, sorted by name. */
function collectOperations(service: AstShape, get: (id: string) => AstShape): string[] {
  const found = new Set<string>();
  const resources = new Set<string>();
  const add = (refs: { target: string }[] | undefined) => {
    for (const r of refs ?? []) found.add(r.target);
  };
  const walkResource = (id: string): void => {
    if (resources.has(id)) return;
    resources.add(id);
    const r = get(id);
    for (const key of ["create", "put", "read", "update", "delete", "list"] as const) {
      const ref = r[key];
      if (ref) found.add(ref.target);
    }
    add(r.operations);
    add(r.collectionOperations);
    for (const child of r.resources ?? []) walkResource(child.target);
  };
  add(service.operations);
  for (const r of service.resources ?? []) walkResource(r.target);
  return [...found].sort((a, b) => shapeName(a).localeCompare(shapeName(b), "en"));
}
