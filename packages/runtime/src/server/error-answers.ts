import type { ValidatorError } from "../schema.js";
import {
  deref,
  type OperationSchema,
  type ServiceSchema,
  type StructureSchema,
} from "../schema.js";
import { FRAMEWORK_VALIDATION_EXCEPTION, frameworkValidation } from "../validation/framework.js";
import { formatValidationErrors } from "../validation/messages.js";
import { ServiceError } from "./service-error.js";

/** An error response before serialization: the error's schema and its member values. */
export interface ErrorAnswer {
  readonly schema: StructureSchema;
  readonly value: Record<string, unknown>;
  /** Extra response headers (e.g. `Allow` on 405). */
  readonly headers?: Readonly<Record<string, string>>;
}

/** Thrown inside the request pipeline to stop it with an error answer. */
export class Rejection extends Error {
  constructor(readonly answer: ErrorAnswer) {
    super(String(answer.value.message ?? answer.value.Message ?? shapeName(answer.schema.id)));
  }
}

export function shapeName(id: string): string {
  return id.slice(id.indexOf("#") + 1);
}

/**
 * An error the model does not declare but AWS's front ends send (unknown operation, bad
 * signature...): a synthetic schema in the namespace AWS uses for them, so the codec serializes
 * it like any modeled error.
 */
export function frameworkError(
  name: string,
  statusCode: number,
  message: string,
  headers?: Record<string, string>,
): ErrorAnswer {
  return {
    schema: {
      type: "structure",
      id: `com.amazon.coral.service#${name}`,
      members: { message: { target: { type: "string" } } },
      error: statusCode >= 500 ? "server" : "client",
      httpStatus: statusCode,
    },
    value: { message },
    headers,
  };
}

export function reject(
  name: string,
  statusCode: number,
  message: string,
  headers?: Record<string, string>,
): Rejection {
  return new Rejection(frameworkError(name, statusCode, message, headers));
}

/** The status an error answer goes out with. */
export function statusOf(schema: StructureSchema): number {
  return schema.httpStatus ?? (schema.error === "server" ? 500 : 400);
}

/**
 * The member values of an error answer with `message`: the message goes into the `message` or
 * `Message` member, and other required members get a neutral value so the answer stays valid
 * against the model (e.g. Inspector's InvalidInputException requires `errorCode` and `canRetry`).
 */
export function errorValue(
  schema: StructureSchema,
  message: string,
  given: Record<string, unknown> = {},
): Record<string, unknown> {
  const value: Record<string, unknown> = Object.create(null);
  for (const [name, member] of Object.entries(schema.members)) {
    if (Object.hasOwn(given, name) && given[name] !== undefined) value[name] = given[name];
    else if (name.toLowerCase() === "message") value[name] = message;
    else if (member.required && member.http === undefined)
      value[name] = neutralValue(member.target);
  }
  if (!Object.keys(schema.members).some((name) => name.toLowerCase() === "message")) {
    value.message = message;
  }
  return { ...value };
}

function neutralValue(ref: StructureSchema["members"][string]["target"]): unknown {
  const target = deref(ref);
  switch (target.type) {
    case "boolean":
      return false;
    case "integer":
    case "float":
      return 0;
    case "enum":
      return target.values[0];
    case "intEnum":
      return target.values[0];
    case "list":
      return [];
    case "map":
    case "structure":
    case "document":
      return {};
    default:
      return "";
  }
}

/** Every error an operation may answer with: its own, then the service's. */
export function errorsOf(
  service: ServiceSchema,
  op: OperationSchema | undefined,
): StructureSchema[] {
  return [...(op?.errors ?? []), ...service.errors];
}

export function allErrors(
  service: ServiceSchema,
  operations: Iterable<OperationSchema>,
): StructureSchema[] {
  const seen = new Map<string, StructureSchema>();
  for (const schema of service.errors) seen.set(schema.id, schema);
  for (const op of operations) for (const schema of op.errors) seen.set(schema.id, schema);
  return [...seen.values()];
}

/**
 * The answer to input that failed validation, as `schema` (from validationErrorFor) words it:
 * Smithy's `smithy.framework#ValidationException` gets its own format (JSON-pointer paths and a
 * `fieldList`); any other error the AWS wording (`Value 'x' at 'a.b' failed to satisfy …`).
 */
export function validationAnswer(
  schema: StructureSchema,
  errors: ReadonlyArray<ValidatorError> | null | undefined,
  data: unknown,
): ErrorAnswer {
  if (schema.id === FRAMEWORK_VALIDATION_EXCEPTION) {
    const { message, fieldList } = frameworkValidation(errors ?? [], data);
    const given = Object.hasOwn(schema.members, "fieldList") ? { fieldList } : {};
    return { schema, value: errorValue(schema, message, given) };
  }
  return { schema, value: errorValue(schema, formatValidationErrors(errors ?? [], data)) };
}

const VALIDATION_NAMES = ["ValidationException", "InvalidInputException", "BadRequestException"];

/**
 * An error chooser per operation: the error `named` by the handler option, wherever the service
 * models it (an unknown name is refused when the handler is made), else `choose(op)`, worked out
 * once per operation.
 */
function chooserOf(
  everywhere: readonly StructureSchema[],
  option: string,
  named: string | undefined,
  choose: (op: OperationSchema | undefined) => StructureSchema,
): (op: OperationSchema | undefined) => StructureSchema {
  if (named !== undefined) {
    const chosen = everywhere.find((schema) => shapeName(schema.id) === named);
    if (!chosen) throw new TypeError(`${option}: the service models no error named ${named}`);
    return () => chosen;
  }
  const cache = new Map<OperationSchema | undefined, StructureSchema>();
  return (op) => {
    let chosen = cache.get(op);
    if (!chosen) {
      chosen = choose(op);
      cache.set(op, chosen);
    }
    return chosen;
  };
}

/**
 * Chooses the error that answers invalid input, per operation:
 * 1. the error named by `options.validationError`, wherever the service models it;
 * 2. else the first of ValidationException, InvalidInputException, BadRequestException that the
 *    operation or the service declares;
 * 3. else the first of those names anywhere in the service;
 * 4. else a synthetic 400 ValidationException.
 */
export function validationErrorFor(
  service: ServiceSchema,
  operations: Iterable<OperationSchema>,
  named?: string,
): (op: OperationSchema | undefined) => StructureSchema {
  const everywhere = allErrors(service, operations);
  const pick = (list: readonly StructureSchema[]) =>
    VALIDATION_NAMES.map((name) => list.find((s) => shapeName(s.id) === name)).find(
      (s) => s !== undefined,
    );
  const fallback = pick(everywhere) ?? frameworkError("ValidationException", 400, "").schema;
  return chooserOf(
    everywhere,
    "validationError",
    named,
    (op) => pick(errorsOf(service, op)) ?? fallback,
  );
}

/**
 * Chooses the error that answers internal failures, per operation: `options.internalError`;
 * else, among the errors the operation declares and then the service's, the first server error
 * with status 500 whose name contains "Internal", else the first with status 500 (so Inspector's
 * ListFindings answers its own InternalException, not the common InternalFailure); else the same
 * anywhere in the service; else a synthetic 500 InternalFailure.
 */
export function internalErrorFor(
  service: ServiceSchema,
  operations: Iterable<OperationSchema>,
  named?: string,
): (op: OperationSchema | undefined) => StructureSchema {
  const everywhere = allErrors(service, operations);
  const pick = (list: readonly StructureSchema[]) => {
    const server = list.filter((s) => s.error === "server" && statusOf(s) === 500);
    return server.find((s) => shapeName(s.id).includes("Internal")) ?? server[0];
  };
  const fallback = pick(everywhere) ?? frameworkError("InternalFailure", 500, "").schema;
  return chooserOf(
    everywhere,
    "internalError",
    named,
    (op) => (op && pick(op.errors)) ?? pick(service.errors) ?? fallback,
  );
}

/**
 * Recognises a modeled error thrown by an operation function: an instance of an error schema's
 * generated exception class, a ServiceError, or any object whose `name` is a modeled error's
 * name. Returns undefined for anything else (an internal failure).
 */
export function modeledAnswer(
  thrown: unknown,
  declared: readonly StructureSchema[],
  everywhere: readonly StructureSchema[],
): ErrorAnswer | undefined {
  if (typeof thrown !== "object" || thrown === null) return undefined;
  let schema = declared.find((s) => s.exception !== undefined && thrown instanceof s.exception);
  const name = (thrown as { name?: unknown }).name;
  if (!schema && typeof name === "string") {
    schema =
      declared.find((s) => shapeName(s.id) === name) ??
      everywhere.find((s) => shapeName(s.id) === name);
  }
  const rawMessage = (thrown as { message?: unknown }).message;
  const message = typeof rawMessage === "string" ? rawMessage : "";
  if (thrown instanceof ServiceError) {
    if (schema) return { schema, value: errorValue(schema, message, { ...thrown.members }) };
    const status = thrown.statusCode ?? 400;
    const answer = frameworkError(
      thrown.name,
      status >= 400 && status <= 599 ? status : 400,
      message,
    );
    return { ...answer, value: { ...thrown.members, message } };
  }
  if (!schema) return undefined;
  const given: Record<string, unknown> = {};
  for (const member of Object.keys(schema.members)) {
    const v = (thrown as Record<string, unknown>)[member];
    if (v !== undefined) given[member] = v;
  }
  return { schema, value: errorValue(schema, message, given) };
}
