/**
 * Operation and shape schemas: the data that generated packages hand to the runtime.
 *
 * Generated code declares these as plain constants (one per shape an operation reaches) and the
 * runtime's protocol codecs walk them, so that per-operation generated code stays small and a
 * bundle that imports one command carries only the schemas that command reaches.
 *
 * This file is the contract between `codegen/src/emit` and `packages/runtime`: extend it, do not
 * break it.
 */

import type { Protocol } from "./protocol/types.js";

/** Smithy `@timestampFormat` values. */
export type TimestampFormat = "date-time" | "http-date" | "epoch-seconds";

/** A schema, or a thunk for one: thunks appear only where shapes are recursive. */
export type SchemaRef = Schema | (() => Schema);

export type Schema =
  | ScalarSchema
  | TimestampSchema
  | EnumSchema
  | IntEnumSchema
  | ListSchema
  | MapSchema
  | StructureSchema
  | UnionSchema;

export interface ScalarSchema {
  readonly type:
    | "string"
    | "boolean"
    /** byte, short, integer, long */
    | "integer"
    /** float, double: NaN and the infinities travel as strings in JSON protocols */
    | "float"
    | "bigInteger"
    | "bigDecimal"
    /** base64 in JSON bodies and headers; raw bytes as an HTTP payload */
    | "blob"
    | "document";
  /** Smithy `@mediaType`: a string with one is base64-encoded when bound to a header. */
  readonly mediaType?: string;
  /**
   * `integer` only: the Smithy shape it stands for. A server refuses a number outside the
   * width's range as malformed (SerializationException), before validation sees it.
   */
  readonly width?: IntegerWidth;
}

/** The Smithy integer shapes, by width: 8, 16, 32 and 64 bits, signed. */
export type IntegerWidth = "byte" | "short" | "integer" | "long";

export interface TimestampSchema {
  readonly type: "timestamp";
  /** The target shape's `@timestampFormat`, when it has one. */
  readonly format?: TimestampFormat;
}

export interface EnumSchema {
  readonly type: "enum";
  readonly values: readonly string[];
}

export interface IntEnumSchema {
  readonly type: "intEnum";
  readonly values: readonly number[];
}

export interface ListSchema {
  readonly type: "list";
  readonly member: SchemaRef;
  /** Smithy `@sparse`: nulls are kept. */
  readonly sparse?: true;
  /** Member `@timestampFormat` on the list's member, if any. */
  readonly memberTimestampFormat?: TimestampFormat;
}

export interface MapSchema {
  readonly type: "map";
  readonly value: SchemaRef;
  readonly sparse?: true;
  readonly valueTimestampFormat?: TimestampFormat;
}

/** Where a member travels in an HTTP message (Smithy HTTP binding traits). */
export type HttpBinding =
  | { readonly in: "label" | "hostLabel"; readonly name?: undefined; readonly greedy?: boolean }
  | { readonly in: "query" | "header" | "prefixHeaders"; readonly name: string }
  | { readonly in: "queryParams" | "payload" | "responseCode" };

export interface MemberSchema {
  readonly target: SchemaRef;
  readonly required?: true;
  /** Smithy `@jsonName`: the member's key in JSON bodies, when it differs from its name. */
  readonly jsonName?: string;
  readonly http?: HttpBinding;
  /** Member-level `@timestampFormat` (overrides the target's and the protocol default). */
  readonly timestampFormat?: TimestampFormat;
  /** Smithy `@idempotencyToken`: filled with a UUID v4 when absent. */
  readonly idempotencyToken?: true;
  /** Smithy `@default`, as a JSON value. */
  readonly default?: unknown;
  /** Smithy `@clientOptional`: clients do not fill this member's default when serializing. */
  readonly clientOptional?: true;
}

export interface StructureSchema {
  readonly type: "structure";
  /** Absolute shape id, e.g. `com.amazonaws.inspector#ListFindingsRequest`. */
  readonly id: string;
  readonly members: Readonly<Record<string, MemberSchema>>;
  /** Smithy `@error`. */
  readonly error?: "client" | "server";
  /** Smithy `@httpError`, or the protocol default (400 client, 500 server). */
  readonly httpStatus?: number;
  /** Error retryable per `@retryable`; `throttling` per `@retryable(throttling: true)`. */
  readonly retryable?: { readonly throttling?: boolean };
  /**
   * Error structures: the generated exception class. The runtime builds a thrown error as
   * `new exception({ $metadata, message, ...members })`, AWS SDK v3 style.
   */
  readonly exception?: ExceptionClass;
}

/** A generated exception class (extends @smithy/smithy-client's ServiceException). */
export type ExceptionClass = new (options: any) => Error;

export interface UnionSchema {
  readonly type: "union";
  readonly id: string;
  readonly members: Readonly<Record<string, MemberSchema>>;
}

/**
 * A standalone ajv validator: returns true, or false with `errors` set (ajv's ErrorObject shape,
 * kept structural here so the runtime does not depend on ajv's types).
 */
export type Validator = ((data: unknown) => boolean) & {
  errors?: ReadonlyArray<ValidatorError> | null;
};

/** A generated validator module (`src/validators/<Operation>.<side>.js`), as `import()` gives it. */
export type ValidatorModule = () => Promise<{ readonly validate: Validator }>;

export interface ValidatorError {
  readonly instancePath: string;
  readonly keyword: string;
  readonly params: Record<string, unknown>;
  readonly message?: string;
  /** Validators compiled with ajv's `verbose`: the schema holding the keyword (both bounds). */
  readonly parentSchema?: Readonly<Record<string, unknown>>;
  /** Set when the error is about a map key (`propertyNames`), not the value at the path. */
  readonly propertyName?: string;
}

export interface OperationSchema {
  /** Operation name, e.g. `ListFindings`. */
  readonly name: string;
  readonly input: StructureSchema;
  readonly output: StructureSchema;
  /** The operation's modeled errors (the service's common errors are on ServiceSchema). */
  readonly errors: readonly StructureSchema[];
  /** Smithy `@http`, for restJson1. */
  readonly http?: { readonly method: string; readonly uri: string; readonly code: number };
  /** Smithy `@endpoint(hostPrefix: …)`. */
  readonly hostPrefix?: string;
  /**
   * Smithy `@requestCompression(encodings)`: encodings the service accepts for request bodies.
   * Clients gzip a body of at least `requestMinCompressionSizeBytes` (10 KiB by default).
   */
  readonly requestCompression?: readonly string[];
  /** Smithy `@httpChecksumRequired`: clients send the body's MD5 as `Content-MD5`. */
  readonly checksumRequired?: true;
  /**
   * Loads the validator of the operation input (as the user passes it: Dates, Uint8Arrays). See
   * `loadValidator`: loaded on the first call, so importing a package compiles no validator.
   */
  readonly inputValidator?: ValidatorModule;
  /**
   * Loads the validator of the operation output (as parsed). Server stubs set it
   * (`servedOperations`); client schemas leave it out, so client bundles never carry it.
   */
  readonly outputValidator?: ValidatorModule;
}

export interface ServiceSchema {
  /** Absolute shape id of the service shape. */
  readonly id: string;
  readonly protocol: "awsJson1_1" | "awsJson1_0" | "restJson1";
  /** awsJson: the X-Amz-Target prefix (the service shape's name), e.g. `InspectorService`. */
  readonly targetPrefix?: string;
  /** `aws.api#service` sdkId, e.g. `Inspector`. */
  readonly sdkId: string;
  /** SigV4 signing name, e.g. `inspector`. */
  readonly signingName: string;
  /** `aws.api#service` endpointPrefix, used to build the default endpoint. */
  readonly endpointPrefix: string;
  /** The service's API version, e.g. `2016-02-16`. */
  readonly version: string;
  /** Errors every operation may return (the service shape's `errors`). */
  readonly errors: readonly StructureSchema[];
  /**
   * The service's base exception (`InspectorServiceException`): what an error response with an
   * unmodeled error code becomes, with `name` set to that code.
   */
  readonly baseException?: ExceptionClass;
  /**
   * The protocol codec object (`awsJson1_1` etc. from `@docsmith/runtime`). Generated code sets it
   * so that a bundle carries only the codec its service uses; without it, `protocolFor` picks one
   * by `protocol` (which pulls every codec into a bundle).
   */
  readonly codec?: Protocol;
}

/** Resolves a schema reference (a thunk appears only on recursive shapes). */
export function deref(ref: SchemaRef): Schema {
  return typeof ref === "function" ? ref() : ref;
}
