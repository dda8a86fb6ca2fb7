/**
 * The OpenAPI 3.1 emitter: one deterministic document per service. restJson1 is mapped as
 * smithy-openapi maps it; awsJson1_1 by our own mapping (see README.md in this folder).
 */
import type { Model, Traits } from "../../model/ast.js";
import { flattenMixins } from "../../model/mixins.js";
import { AWS_JSON_1_1_MEDIA_TYPE, awsJsonOperation } from "./aws-json.js";
import type { EmitContext } from "./context.js";
import type { OpenApiDocument, PathItemObject } from "./document.js";
import { frameworkErrorResponse } from "./framework-errors.js";
import { orderedOperation, orderedParameter } from "./key-order.js";
import { JSON_MEDIA_TYPE, restJsonOperation } from "./rest-json.js";
import { SchemaRegistry } from "./schemas.js";
import { securityOf, serversOf } from "./security.js";
import { serviceOperations } from "./service-shapes.js";
import { has, shapeName, str, T } from "./traits.js";

export { AWS_JSON_1_1_MEDIA_TYPE, amzTarget, awsJsonPath } from "./aws-json.js";
export type * from "./document.js";

export type OpenApiProtocol = "restJson1" | "awsJson1_1";

export interface EmitOpenApiOptions {
  /** Which protocol to map when the service declares both; by default restJson1 wins. */
  protocol?: OpenApiProtocol;
}

const PROTOCOL_TRAITS: Record<OpenApiProtocol, string> = {
  restJson1: T.restJson1,
  awsJson1_1: T.awsJson1_1,
};

/** Emits the OpenAPI 3.1 document of one service of a Smithy 2.0 JSON AST model (mixins allowed). */
export function emitOpenApi(
  model: Model,
  serviceId: string,
  options: EmitOpenApiOptions = {},
): OpenApiDocument {
  const resolved = flattenMixins(model);
  const service = resolved.shapes[serviceId];
  if (service?.type !== "service") {
    throw new Error(`OpenAPI: ${serviceId} is not a service shape in the model`);
  }
  const protocol = options.protocol ?? detectProtocol(serviceId, service.traits);
  if (!has(service.traits, PROTOCOL_TRAITS[protocol])) {
    throw new Error(`OpenAPI: ${serviceId} does not declare the ${protocol} protocol`);
  }
  const schemas = new SchemaRegistry(resolved, service.rename ?? {}, {
    useJsonName: protocol === "restJson1",
    // Both JSON protocols send body timestamps as epoch seconds unless @timestampFormat says otherwise.
    bodyTimestampFormat: "epoch-seconds",
  });
  const ctx: EmitContext = { model: resolved, serviceId, service, schemas };
  const emit = protocol === "restJson1" ? restJsonOperation : awsJsonOperation;

  const paths: Record<string, PathItemObject> = {};
  const errorMediaType = protocol === "restJson1" ? JSON_MEDIA_TYPE : AWS_JSON_1_1_MEDIA_TYPE;
  for (const op of serviceOperations(resolved, serviceId)) {
    const { method, path, operation } = emit(ctx, op);
    operation.responses.default = frameworkErrorResponse(
      schemas,
      serviceId,
      errorMediaType,
      protocol !== "restJson1",
    );
    const item = paths[path] ?? {};
    paths[path] = item;
    const clash = item[method];
    if (clash) {
      throw new Error(
        `OpenAPI: ${op.id} and ${clash["x-smithy-id"]} both map to ${method.toUpperCase()} ${path}`,
      );
    }
    item[method] = orderedOperation({
      ...operation,
      parameters: operation.parameters?.map(orderedParameter),
    });
  }

  const security = securityOf(service);
  const info: OpenApiDocument["info"] = {
    title: str(service.traits, T.title) ?? shapeName(serviceId),
    version: service.version ?? "",
  };
  const description = str(service.traits, T.documentation);
  if (description !== undefined) info.description = description;

  const components: OpenApiDocument["components"] = {};
  if (schemas.components.size > 0)
    components.schemas = sortRecord(Object.fromEntries(schemas.components));
  if (Object.keys(security.schemes).length > 0) components.securitySchemes = security.schemes;
  const servers = serversOf(service);
  return {
    openapi: "3.1.0",
    info,
    ...(servers ? { servers } : {}),
    paths: sortRecord(
      Object.fromEntries(Object.entries(paths).map(([key, item]) => [key, sortRecord(item)])),
    ),
    components,
    ...(security.security ? { security: security.security } : {}),
    "x-smithy-id": serviceId,
    "x-smithy-protocol": PROTOCOL_TRAITS[protocol],
  };
}

function detectProtocol(serviceId: string, traits: Traits | undefined): OpenApiProtocol {
  if (has(traits, T.restJson1)) return "restJson1";
  if (has(traits, T.awsJson1_1)) return "awsJson1_1";
  throw new Error(
    `OpenAPI: ${serviceId} declares neither aws.protocols#restJson1 nor aws.protocols#awsJson1_1; ` +
      "only those two protocols can be emitted",
  );
}

function sortRecord<V>(record: Record<string, V>): Record<string, V> {
  return Object.fromEntries(
    Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
}
