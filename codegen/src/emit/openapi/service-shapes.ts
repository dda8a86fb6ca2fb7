/** The operations and errors a service exposes, walked the way Smithy's TopDownIndex walks them. */
import type { AstShape, Model } from "../../model/ast.js";
import { str, T } from "./traits.js";

export interface ServiceOperation {
  id: string;
  shape: AstShape;
}

/** Every operation bound to the service directly or through its resources, sorted by id. */
export function serviceOperations(model: Model, serviceId: string): ServiceOperation[] {
  const service = model.shapes[serviceId];
  const found = new Map<string, AstShape>();
  const seenResources = new Set<string>();
  const addOperation = (id: string) => {
    const shape = model.shapes[id];
    if (shape?.type !== "operation") {
      throw new Error(`OpenAPI: ${id}, bound to ${serviceId}, is not an operation in the model`);
    }
    found.set(id, shape);
  };
  const walkResource = (id: string) => {
    if (seenResources.has(id)) return;
    seenResources.add(id);
    const resource = model.shapes[id];
    if (resource?.type !== "resource") {
      throw new Error(`OpenAPI: ${id}, bound to ${serviceId}, is not a resource in the model`);
    }
    for (const key of ["create", "put", "read", "update", "delete", "list"] as const) {
      const ref = resource[key];
      if (ref) addOperation(ref.target);
    }
    for (const ref of [...(resource.operations ?? []), ...(resource.collectionOperations ?? [])]) {
      addOperation(ref.target);
    }
    for (const ref of resource.resources ?? []) walkResource(ref.target);
  };
  for (const ref of service?.operations ?? []) addOperation(ref.target);
  for (const ref of service?.resources ?? []) walkResource(ref.target);
  return [...found.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, shape]) => ({ id, shape }));
}

export interface ModeledError {
  id: string;
  shape: AstShape;
  status: number;
}

/** Operation errors followed by service errors (Smithy copies those onto every operation). */
export function operationErrors(
  model: Model,
  service: AstShape,
  operation: AstShape,
  statusOf: (error: AstShape) => number,
): ModeledError[] {
  const ids = [...(operation.errors ?? []), ...(service.errors ?? [])].map((ref) => ref.target);
  return [...new Set(ids)].map((id) => {
    const shape = model.shapes[id];
    if (shape?.type !== "structure" || str(shape.traits, T.error) === undefined) {
      throw new Error(
        `OpenAPI: ${id} is listed as an error but is not an @error structure in the model`,
      );
    }
    return { id, shape, status: statusOf(shape) };
  });
}

/** The status an error is sent with: @httpError, else 400 for client faults and 500 for server. */
export function defaultErrorStatus(error: AstShape): number {
  const code = error.traits?.[T.httpError];
  if (typeof code === "number") return code;
  return str(error.traits, T.error) === "server" ? 500 : 400;
}
