/** What every protocol mapping needs while it emits one service. */
import type { AstShape, Model } from "../../model/ast.js";
import type { OperationObject } from "./document.js";
import type { SchemaRegistry } from "./schemas.js";
import { SIGV4_SCHEME } from "./security.js";
import type { ModeledError, ServiceOperation } from "./service-shapes.js";
import { has, str, T } from "./traits.js";

export interface EmitContext {
  model: Model;
  serviceId: string;
  service: AstShape;
  schemas: SchemaRegistry;
}

export interface EmittedOperation {
  method: "get" | "put" | "post" | "delete" | "patch" | "head" | "options";
  path: string;
  operation: OperationObject;
}

/** The name operations and synthesized schemas are known by (the service may rename it). */
export function contextualName(ctx: EmitContext, id: string): string {
  return ctx.schemas.nameOf(id);
}

/** operationId, description, deprecation and the Smithy id shared by every protocol mapping. */
export function operationHeader(
  ctx: EmitContext,
  op: ServiceOperation,
): Omit<OperationObject, "responses"> {
  const header: Omit<OperationObject, "responses"> = { operationId: contextualName(ctx, op.id) };
  const description = str(op.shape.traits, T.documentation);
  if (description !== undefined) header.description = description;
  if (has(op.shape.traits, T.deprecated)) header.deprecated = true;
  const security = operationSecurity(ctx, op);
  if (security) header.security = security;
  header["x-smithy-id"] = op.id;
  return header;
}

/** `@auth([])` opts an operation out of auth; `@optionalAuth` makes it optional. */
function operationSecurity(ctx: EmitContext, op: ServiceOperation): OperationObject["security"] {
  if (!has(ctx.service.traits, T.sigv4)) return undefined;
  const auth = op.shape.traits?.[T.auth];
  if (Array.isArray(auth) && !auth.includes(T.sigv4)) return [];
  if (has(op.shape.traits, T.optionalAuth)) return [{}, { [SIGV4_SCHEME]: [] }];
  return undefined;
}

/** Errors grouped by status, in status order; each group keeps model order. */
export function groupByStatus(errors: ModeledError[]): [string, ModeledError[]][] {
  const groups = new Map<string, ModeledError[]>();
  for (const error of errors) {
    const key = String(error.status);
    groups.set(key, [...(groups.get(key) ?? []), error]);
  }
  return [...groups.entries()].sort(([a], [b]) => Number(a) - Number(b));
}

/** The synthesized name Smithy gives a set of errors sharing one status on one operation. */
export function conflictName(ctx: EmitContext, op: ServiceOperation, status: string): string {
  return `${contextualName(ctx, op.id)}${status}Error`;
}

export function structureOf(
  ctx: EmitContext,
  ref: { target: string } | undefined,
): AstShape | undefined {
  if (!ref) return undefined;
  return ctx.schemas.shape(ref.target);
}
