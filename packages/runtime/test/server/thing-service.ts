// A small hand-written service (awsJson1_1) for the server tests: what generated code would
// hand to createHandler, with hand-written validators in ajv's standalone shape.
import { ServiceException } from "@smithy/smithy-client";
import type {
  OperationSchema,
  ServiceSchema,
  StructureSchema,
  Validator,
  ValidatorError,
} from "../../src/schema.js";
import { asModule } from "../validator-module.js";

export class InvalidInputException extends ServiceException {
  readonly errorCode?: string;
  readonly canRetry?: boolean;
  constructor(opts: {
    message?: string;
    errorCode?: string;
    canRetry?: boolean;
    $metadata?: object;
  }) {
    super({ name: "InvalidInputException", $fault: "client", $metadata: {}, ...opts });
    Object.setPrototypeOf(this, InvalidInputException.prototype);
    this.errorCode = opts.errorCode;
    this.canRetry = opts.canRetry;
  }
}

export class NoSuchThingException extends ServiceException {
  readonly thingId?: string;
  constructor(opts: { message?: string; thingId?: string; $metadata?: object }) {
    super({ name: "NoSuchThingException", $fault: "client", $metadata: {}, ...opts });
    Object.setPrototypeOf(this, NoSuchThingException.prototype);
    this.thingId = opts.thingId;
  }
}

const str = { type: "string" } as const;

export const invalidInput: StructureSchema = {
  type: "structure",
  id: "com.example.things#InvalidInputException",
  members: {
    message: { target: str, required: true },
    errorCode: {
      target: { type: "enum", values: ["INVALID_THING_ID", "INVALID_TOKEN"] },
      required: true,
    },
    canRetry: { target: { type: "boolean" }, required: true },
  },
  error: "client",
  httpStatus: 400,
  exception: InvalidInputException,
};

export const internalException: StructureSchema = {
  type: "structure",
  id: "com.example.things#InternalException",
  members: {
    message: { target: str, required: true },
    canRetry: { target: { type: "boolean" }, required: true },
  },
  error: "server",
  httpStatus: 500,
};

export const noSuchThing: StructureSchema = {
  type: "structure",
  id: "com.example.things#NoSuchThingException",
  members: { message: { target: str }, thingId: { target: str } },
  error: "client",
  httpStatus: 404,
  exception: NoSuchThingException,
};

export const throttled: StructureSchema = {
  type: "structure",
  id: "com.example.things#ThrottledException",
  members: { message: { target: str } },
  error: "client",
  httpStatus: 429,
};

/** A Validator from a check returning the failures (ajv ErrorObject shape). */
function validator(check: (data: any) => ValidatorError[]): Validator {
  const v = ((data: unknown) => {
    const errors = check(data);
    v.errors = errors.length > 0 ? errors : null;
    return errors.length === 0;
  }) as Validator;
  return v;
}

const thingIdRule = (data: any, path: string): ValidatorError[] => {
  if (data?.thingId === undefined) {
    return [
      {
        instancePath: path,
        keyword: "required",
        params: { missingProperty: "thingId" },
        message: "must have required property 'thingId'",
      },
    ];
  }
  if (typeof data.thingId !== "string" || data.thingId.length < 1 || data.thingId.length > 64) {
    return [
      {
        instancePath: `${path}/thingId`,
        keyword: "maxLength",
        params: { limit: 64 },
        message: "must NOT have more than 64 characters",
      },
    ];
  }
  return [];
};

const thing: StructureSchema = {
  type: "structure",
  id: "com.example.things#Thing",
  members: { thingId: { target: str, required: true }, size: { target: { type: "integer" } } },
};

export const getThing: OperationSchema = {
  name: "GetThing",
  input: {
    type: "structure",
    id: "com.example.things#GetThingRequest",
    members: { thingId: { target: str, required: true } },
  },
  output: {
    type: "structure",
    id: "com.example.things#GetThingResponse",
    members: { thing: { target: thing } },
  },
  errors: [noSuchThing, invalidInput],
  inputValidator: asModule(validator((d) => thingIdRule(d, ""))),
  outputValidator: asModule(
    validator((d) => (d?.thing === undefined ? [] : thingIdRule(d.thing, "/thing"))),
  ),
};

const filter: StructureSchema = {
  type: "structure",
  id: "com.example.things#Filter",
  members: {
    names: { target: { type: "list", member: str } },
    tags: { target: { type: "map", value: str } },
    any: { target: { type: "document" } },
    attributes: { target: { type: "map", value: { type: "document" } } },
  },
};

export const listThings: OperationSchema = {
  name: "ListThings",
  input: {
    type: "structure",
    id: "com.example.things#ListThingsRequest",
    members: {
      maxResults: { target: { type: "integer" } },
      nextToken: { target: str },
      filter: { target: filter },
    },
  },
  output: {
    type: "structure",
    id: "com.example.things#ListThingsResponse",
    members: {
      thingIds: { target: { type: "list", member: str }, required: true },
      nextToken: { target: str },
    },
  },
  errors: [invalidInput],
  inputValidator: asModule(
    validator((d) =>
      d?.maxResults !== undefined && (d.maxResults < 1 || d.maxResults > 500)
        ? [
            {
              instancePath: "/maxResults",
              keyword: "maximum",
              params: { limit: 500 },
              message: "must be <= 500",
            },
          ]
        : [],
    ),
  ),
  outputValidator: asModule(
    validator((d) =>
      Array.isArray(d?.thingIds)
        ? []
        : [
            {
              instancePath: "",
              keyword: "required",
              params: { missingProperty: "thingIds" },
              message: "must have required property 'thingIds'",
            },
          ],
    ),
  ),
};

export const deleteThing: OperationSchema = {
  name: "DeleteThing",
  input: {
    type: "structure",
    id: "com.example.things#DeleteThingRequest",
    members: { thingId: { target: str, required: true } },
  },
  output: { type: "structure", id: "com.example.things#DeleteThingResponse", members: {} },
  errors: [],
};

export const service: ServiceSchema = {
  id: "com.example.things#ThingService",
  protocol: "awsJson1_1",
  targetPrefix: "ThingService_20240101",
  sdkId: "Things",
  signingName: "things",
  endpointPrefix: "things",
  version: "2024-01-01",
  errors: [internalException, throttled],
};

export const operations = { GetThing: getThing, ListThings: listThings, DeleteThing: deleteThing };

/** A working implementation (DeleteThing deliberately left out: unimplemented). */
export const impl = {
  async GetThing(input: { thingId: string }) {
    if (input.thingId === "missing") {
      throw new NoSuchThingException({ message: "No thing missing", thingId: "missing" });
    }
    return { thing: { thingId: input.thingId, size: 3 } };
  },
  async ListThings(input: { maxResults?: number }) {
    return {
      thingIds: Array.from({ length: Math.min(input.maxResults ?? 2, 5) }, (_, i) => `t-${i}`),
    };
  },
};

/** A well-formed awsJson1_1 request for the service. */
export function jsonRequest(
  op: string,
  body: string | Uint8Array,
  headers: Record<string, string> = {},
  url = "http://127.0.0.1/",
): Request {
  return new Request(url, {
    method: "POST",
    headers: {
      "content-type": "application/x-amz-json-1.1",
      "x-amz-target": `ThingService_20240101.${op}`,
      ...headers,
    },
    body: body as BodyInit,
  });
}

/** The error type a response names: x-amzn-ErrorType, else the body's __type. */
export async function errorType(response: Response): Promise<{ type?: string; body: any }> {
  const text = await response.text();
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  const header = response.headers.get("x-amzn-errortype") ?? undefined;
  return { type: header?.split(":")[0] ?? body?.__type, body };
}
