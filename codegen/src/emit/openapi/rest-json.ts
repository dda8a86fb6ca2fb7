/**
 * aws.protocols#restJson1 to OpenAPI, following smithy-openapi's AbstractRestProtocol and
 * AwsRestJson1Protocol: @http paths, bound members as parameters, the rest of the members as a
 * synthesized `<Op>RequestContent` / `<Op>ResponseContent` body, errors keyed by status.
 */
import type { AstShape, MemberShape } from "../../model/ast.js";
import { at, type Binding, httpBindings } from "./bindings.js";
import {
  conflictName,
  contextualName,
  type EmitContext,
  type EmittedOperation,
  groupByStatus,
  operationHeader,
  structureOf,
} from "./context.js";
import type {
  HeaderObject,
  MediaTypeObject,
  ParameterObject,
  RequestBodyObject,
  ResponseObject,
  SchemaObject,
} from "./document.js";
import {
  defaultErrorStatus,
  type ModeledError,
  operationErrors,
  type ServiceOperation,
} from "./service-shapes.js";
import { has, obj, str, T } from "./traits.js";

export const JSON_MEDIA_TYPE = "application/json";
const EVENT_STREAM_MEDIA_TYPE = "application/vnd.amazon.eventstream";
const METHODS = new Set(["get", "put", "post", "delete", "patch", "head", "options"]);

export function restJsonOperation(ctx: EmitContext, op: ServiceOperation): EmittedOperation {
  const http = obj(op.shape.traits, T.http);
  const method = typeof http?.method === "string" ? http.method.toLowerCase() : "";
  const uri = typeof http?.uri === "string" ? http.uri : "";
  if (!METHODS.has(method) || !uri.startsWith("/")) {
    throw new Error(`OpenAPI: ${op.id} needs an @http trait with a method and a uri for restJson1`);
  }
  const [path, literalQuery] = splitUri(uri);
  const input = structureOf(ctx, op.shape.input);
  const request = httpBindings(input, "request");
  const parameters = [
    ...pathParameters(ctx, op, path, at(request, "label")),
    ...constantQueryParameters(literalQuery),
    ...queryParameters(ctx, [...at(request, "query"), ...at(request, "queryParams")]),
    ...at(request, "header").map((binding) => headerParameter(ctx, binding)),
  ];
  const operation: EmittedOperation["operation"] = { ...operationHeader(ctx, op), responses: {} };
  if (parameters.length > 0) operation.parameters = parameters;
  const body = requestBody(ctx, op, request);
  if (body) operation.requestBody = body;
  operation.responses = responses(ctx, op, typeof http?.code === "number" ? http.code : 200);
  return { method: method as EmittedOperation["method"], path, operation };
}

/** Splits `/path/{label}?key=value&flag` into the path and its constant query pairs. */
function splitUri(uri: string): [string, [string, string][]] {
  const mark = uri.indexOf("?");
  if (mark < 0) return [uri, []];
  const pairs = uri
    .slice(mark + 1)
    .split("&")
    .filter((part) => part.length > 0)
    .map((part): [string, string] => {
      const eq = part.indexOf("=");
      return eq < 0 ? [part, ""] : [part.slice(0, eq), part.slice(eq + 1)];
    });
  return [uri.slice(0, mark), pairs];
}

function pathParameters(
  ctx: EmitContext,
  op: ServiceOperation,
  path: string,
  labels: Binding[],
): ParameterObject[] {
  const inPath = new Map<string, string>();
  for (const match of path.matchAll(/\{([^}]+)\}/g)) {
    const label = match[1] ?? "";
    inPath.set(label.endsWith("+") ? label.slice(0, -1) : label, label);
  }
  return labels.map((binding) => {
    // Smithy keeps the `+` of a greedy label in the parameter name (removeGreedyParameterSuffix off).
    const name = inPath.get(binding.memberName);
    if (name === undefined) {
      throw new Error(
        `OpenAPI: ${op.id} member ${binding.memberName} is an @httpLabel missing from ${path}`,
      );
    }
    return parameter(ctx, binding, name, "path", true);
  });
}

/** Constant query pairs of the uri must be sent: required parameters with a `const` value. */
function constantQueryParameters(pairs: [string, string][]): ParameterObject[] {
  return pairs.map(([name, value]) => ({
    name: decodeURIComponent(name),
    in: "query",
    required: true,
    schema: { type: "string", const: decodeURIComponent(value) },
  }));
}

function queryParameters(ctx: EmitContext, bindings: Binding[]): ParameterObject[] {
  return bindings.map((binding) => {
    const target = ctx.schemas.shape(binding.member.target);
    if (binding.location === "queryParams") {
      // A map of query params: `form` style, exploded when values repeat (lists).
      const param = parameter(ctx, binding, binding.memberName, "query", false);
      param.style = "form";
      const value = target.value ? ctx.schemas.shape(target.value.target) : undefined;
      if (value && (value.type === "list" || value.type === "set")) param.explode = true;
      return param;
    }
    const param = parameter(ctx, binding, binding.locationName, "query", false);
    if (target.type === "list" || target.type === "set") {
      // Lists repeat the key: foo=a&foo=b.
      param.style = "form";
      param.explode = true;
    }
    return param;
  });
}

function headerParameter(ctx: EmitContext, binding: Binding): ParameterObject {
  return parameter(ctx, binding, binding.locationName, "header", false);
}

function parameter(
  ctx: EmitContext,
  binding: Binding,
  name: string,
  location: "path" | "query" | "header",
  alwaysRequired: boolean,
): ParameterObject {
  const schema = locatedSchema(ctx, binding.member, location);
  const { description, ...rest } = schema;
  const param: ParameterObject = { name, in: location, schema: rest };
  if (description !== undefined) param.description = description;
  if (alwaysRequired || has(binding.member.traits, T.required)) param.required = true;
  if (has(binding.member.traits, T.deprecated)) param.deprecated = true;
  return param;
}

/** A member's schema outside the body: lists inline their items so each item reads by location. */
function locatedSchema(
  ctx: EmitContext,
  member: MemberShape,
  location: "path" | "query" | "header",
): SchemaObject {
  const target = ctx.schemas.shape(member.target);
  if ((target.type === "list" || target.type === "set") && target.member) {
    const items = ctx.schemas.memberSchema(target.member, location);
    const { description: _docs, ...itemSchema } = items;
    const schema: SchemaObject = { type: "array", items: itemSchema };
    const description = str(member.traits, T.documentation) ?? str(target.traits, T.documentation);
    if (description !== undefined) schema.description = description;
    return schema;
  }
  return ctx.schemas.memberSchema(member, location);
}

function requestBody(
  ctx: EmitContext,
  op: ServiceOperation,
  bindings: Binding[],
): RequestBodyObject | undefined {
  const payload = at(bindings, "payload")[0];
  if (payload) {
    const [mediaType, media] = payloadMedia(
      ctx,
      payload.member,
      `${contextualName(ctx, op.id)}InputPayload`,
      op.id,
    );
    return requestBodyOf(has(payload.member.traits, T.required), { [mediaType]: media });
  }
  const document = at(bindings, "document");
  if (document.length === 0) return undefined;
  const name = `${contextualName(ctx, op.id)}RequestContent`;
  const schema = ctx.schemas.putSynthesized(
    name,
    op.id,
    documentSchema(ctx, op.shape.input?.target, document),
  );
  const required = document.some((binding) => has(binding.member.traits, T.required));
  return requestBodyOf(required, { [JSON_MEDIA_TYPE]: { schema } });
}

function requestBodyOf(
  required: boolean,
  content: RequestBodyObject["content"],
): RequestBodyObject {
  return required ? { required, content } : { content };
}

function documentSchema(
  ctx: EmitContext,
  owner: string | undefined,
  document: Binding[],
): SchemaObject {
  const schema = ctx.schemas.objectSchema(
    document.map((binding) => [binding.memberName, binding.member]),
  );
  if (owner) schema["x-smithy-id"] = owner;
  return schema;
}

/** The media type and schema of an @httpPayload member. */
function payloadMedia(
  ctx: EmitContext,
  member: MemberShape,
  synthesizedName: string,
  owner: string,
): [string, MediaTypeObject] {
  const target = ctx.schemas.shape(member.target);
  const mediaType = str(member.traits, T.mediaType) ?? str(target.traits, T.mediaType);
  if (target.type === "union" && has(target.traits, T.streaming)) {
    return [EVENT_STREAM_MEDIA_TYPE, { schema: ctx.schemas.refTo(member.target) }];
  }
  if (target.type === "blob") {
    // The raw bytes are the body: no base64 here.
    const schema: SchemaObject = { type: "string" };
    if (mediaType) schema.contentMediaType = mediaType;
    return [mediaType ?? "application/octet-stream", { schema }];
  }
  const schema = ctx.schemas.memberSchema(member, "body");
  const defaultType =
    target.type === "string" || target.type === "enum" ? "text/plain" : JSON_MEDIA_TYPE;
  if (schema.$ref && Object.keys(schema).length === 1)
    return [mediaType ?? defaultType, { schema }];
  const { description: _docs, ...plain } = schema;
  return [
    mediaType ?? defaultType,
    { schema: ctx.schemas.putSynthesized(synthesizedName, owner, plain) },
  ];
}

function responses(
  ctx: EmitContext,
  op: ServiceOperation,
  code: number,
): Record<string, ResponseObject> {
  const out: Record<string, ResponseObject> = {};
  const name = contextualName(ctx, op.id);
  out[String(code)] = messageResponse(
    ctx,
    op.shape.output?.target,
    `${name} ${code} response`,
    name,
    "Output",
    op.id,
  );
  // Statuses that carry no body (204 No Content...) keep none, whatever the output.
  if (code === 204 || code === 205 || code === 304) delete out[String(code)]!.content;
  const errors = operationErrors(ctx.model, ctx.service, op.shape, defaultErrorStatus);
  for (const [status, group] of groupByStatus(errors)) {
    out[status] =
      group.length === 1
        ? errorResponse(ctx, group[0] as ModeledError)
        : conflictResponse(ctx, op, status, group);
  }
  return out;
}

/** A response for an output or error structure: header bindings, then a payload or a document. */
function messageResponse(
  ctx: EmitContext,
  structureId: string | undefined,
  description: string,
  name: string,
  payloadSuffix: "Output" | "Error",
  owner: string,
): ResponseObject {
  const structure: AstShape | undefined = structureId ? ctx.schemas.shape(structureId) : undefined;
  const bindings = httpBindings(structure, "response");
  const response: ResponseObject = { description };
  const headers = responseHeaders(ctx, bindings);
  if (Object.keys(headers).length > 0) response.headers = headers;
  const payload = at(bindings, "payload")[0];
  if (payload) {
    const [mediaType, media] = payloadMedia(
      ctx,
      payload.member,
      `${name}${payloadSuffix}Payload`,
      owner,
    );
    response.content = { [mediaType]: media };
    return response;
  }
  const document = at(bindings, "document");
  if (document.length > 0) {
    const schema = ctx.schemas.synthesizeOnce(`${name}ResponseContent`, owner, () =>
      documentSchema(ctx, structureId, document),
    );
    response.content = { [JSON_MEDIA_TYPE]: { schema } };
  } else if (payloadSuffix === "Output") {
    // No member in the body: the service still answers a JSON object, `{}` (as restJson1's
    // server tests have it); say so, or typed clients would expect no body at all.
    response.content = { [JSON_MEDIA_TYPE]: { schema: { type: "object" } } };
  }
  return response;
}

function responseHeaders(ctx: EmitContext, bindings: Binding[]): Record<string, HeaderObject> {
  const headers: Record<string, HeaderObject> = {};
  for (const binding of at(bindings, "header")) {
    const { description, ...schema } = locatedSchema(ctx, binding.member, "header");
    const header: HeaderObject = { schema };
    if (description !== undefined) header.description = description;
    headers[binding.locationName] = header;
  }
  return headers;
}

function errorResponse(ctx: EmitContext, error: ModeledError): ResponseObject {
  const name = contextualName(ctx, error.id);
  return messageResponse(
    ctx,
    error.id,
    `${name} ${error.status} response`,
    name,
    "Error",
    error.id,
  );
}

/** Several errors on one status: one response whose body is a oneOf of each error's content. */
function conflictResponse(
  ctx: EmitContext,
  op: ServiceOperation,
  status: string,
  group: ModeledError[],
): ResponseObject {
  const name = conflictName(ctx, op, status);
  const headers: Record<string, HeaderObject> = {};
  const oneOf: SchemaObject[] = [];
  for (const error of group) {
    const errorName = contextualName(ctx, error.id);
    const bindings = httpBindings(error.shape, "response");
    if (at(bindings, "payload").length > 0) {
      throw new Error(
        `OpenAPI: ${error.id} shares status ${status} on ${op.id} but binds an @httpPayload`,
      );
    }
    Object.assign(headers, responseHeaders(ctx, bindings));
    const document = at(bindings, "document");
    oneOf.push(
      ctx.schemas.synthesizeOnce(`${errorName}ResponseContent`, error.id, () =>
        documentSchema(ctx, error.id, document),
      ),
    );
  }
  const response: ResponseObject = { description: `${name} ${status} response` };
  if (Object.keys(headers).length > 0) response.headers = sortKeys(headers);
  const schema = ctx.schemas.synthesizeOnce(`${name}ResponseContent`, op.id, () => ({ oneOf }));
  response.content = { [JSON_MEDIA_TYPE]: { schema } };
  return response;
}

function sortKeys<V>(record: Record<string, V>): Record<string, V> {
  return Object.fromEntries(
    Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
}
