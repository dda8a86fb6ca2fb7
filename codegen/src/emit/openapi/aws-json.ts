/**
 * aws.protocols#awsJson1_1 to OpenAPI: our mapping (smithy-openapi refuses RPC protocols), written
 * down in README.md. Every operation is `POST /` told apart by X-Amz-Target; to give each one its
 * own path key, the key carries the target in a URL fragment (`/#X-Amz-Target=Svc.Op`), which HTTP
 * clients never send, so the request still goes to `/`.
 */

import {
  conflictName,
  contextualName,
  type EmitContext,
  type EmittedOperation,
  groupByStatus,
  operationHeader,
  structureOf,
} from "./context.js";
import type { ParameterObject, ResponseObject, SchemaObject } from "./document.js";
import { UNIT } from "./schemas.js";
import {
  defaultErrorStatus,
  type ModeledError,
  operationErrors,
  type ServiceOperation,
} from "./service-shapes.js";
import { shapeName } from "./traits.js";

export const AWS_JSON_1_1_MEDIA_TYPE = "application/x-amz-json-1.1";

/** The X-Amz-Target value of an operation: `<service shape name>.<operation name>`. */
export function amzTarget(ctx: EmitContext, operationId: string): string {
  return `${shapeName(ctx.serviceId)}.${shapeName(operationId)}`;
}

/** The unique path key of an operation; the fragment never reaches the wire. */
export function awsJsonPath(target: string): string {
  return `/#X-Amz-Target=${target}`;
}

export function awsJsonOperation(ctx: EmitContext, op: ServiceOperation): EmittedOperation {
  const target = amzTarget(ctx, op.id);
  const name = contextualName(ctx, op.id);
  const targetHeader: ParameterObject = {
    name: "X-Amz-Target",
    in: "header",
    required: true,
    schema: { type: "string", const: target },
  };
  const input = structureOf(ctx, op.shape.input);
  const requestSchema = ctx.schemas.putSynthesized(`${name}RequestContent`, op.id, {
    ...ctx.schemas.objectSchema(Object.entries(input?.members ?? {})),
    "x-smithy-id": unlessUnit(op.shape.input?.target),
  });
  const output = structureOf(ctx, op.shape.output);
  const responseSchema = ctx.schemas.putSynthesized(`${name}ResponseContent`, op.id, {
    ...ctx.schemas.objectSchema(Object.entries(output?.members ?? {})),
    "x-smithy-id": unlessUnit(op.shape.output?.target),
  });
  const responses: Record<string, ResponseObject> = {
    "200": {
      description: `${name} 200 response`,
      content: { [AWS_JSON_1_1_MEDIA_TYPE]: { schema: responseSchema } },
    },
  };
  const errors = operationErrors(ctx.model, ctx.service, op.shape, defaultErrorStatus);
  for (const [status, group] of groupByStatus(errors)) {
    responses[status] = errorResponse(ctx, op, status, group);
  }
  return {
    method: "post",
    path: awsJsonPath(target),
    operation: {
      ...operationHeader(ctx, op),
      parameters: [targetHeader],
      // awsJson1_1 always sends a JSON object, `{}` when the input is empty.
      requestBody: {
        required: true,
        content: { [AWS_JSON_1_1_MEDIA_TYPE]: { schema: requestSchema } },
      },
      responses,
    },
  };
}

/** The body of an error: its members plus `__type`, the error's shape name (namespace optional). */
function errorContent(ctx: EmitContext, error: ModeledError): SchemaObject {
  const name = contextualName(ctx, error.id);
  return ctx.schemas.synthesizeOnce(`${name}ResponseContent`, error.id, () => ({
    ...ctx.schemas.objectSchema(Object.entries(error.shape.members ?? {}), {
      properties: {
        __type: {
          type: "string",
          description: `The error type: \`${shapeName(error.id)}\`, possibly namespace-qualified (\`${error.id}\`) or followed by \`:\` and extra text.`,
          // Tells the errors of one status apart, so their oneOf matches exactly one branch.
          pattern: `^([^#:]*#)?${escapeRegExp(shapeName(error.id))}(:.*)?$`,
        },
      },
      required: ["__type"],
    }),
    "x-smithy-id": error.id,
  }));
}

function errorResponse(
  ctx: EmitContext,
  op: ServiceOperation,
  status: string,
  group: ModeledError[],
): ResponseObject {
  if (group.length === 1) {
    const error = group[0] as ModeledError;
    const name = contextualName(ctx, error.id);
    return {
      description: `${name} ${status} response`,
      content: { [AWS_JSON_1_1_MEDIA_TYPE]: { schema: errorContent(ctx, error) } },
    };
  }
  const name = conflictName(ctx, op, status);
  const oneOf = group.map((error) => errorContent(ctx, error));
  const schema = ctx.schemas.synthesizeOnce(`${name}ResponseContent`, op.id, () => ({ oneOf }));
  return {
    description: `${name} ${status} response`,
    content: { [AWS_JSON_1_1_MEDIA_TYPE]: { schema } },
  };
}

function unlessUnit(id: string | undefined): string | undefined {
  return id === UNIT ? undefined : id;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
