// Small hand-built schemas exercising every codec feature.
import { ServiceException } from "@smithy/smithy-client";
import type {
  OperationSchema,
  ServiceSchema,
  StructureSchema,
  UnionSchema,
} from "../../src/schema.js";

export class TestServiceException extends ServiceException {
  constructor(options: any) {
    super({ name: "TestServiceException", $fault: "client", ...options });
    Object.setPrototypeOf(this, TestServiceException.prototype);
  }
}

export class InvalidGreeting extends TestServiceException {
  override readonly name = "InvalidGreeting";
  override readonly $fault = "client";
  Message?: string;
  constructor(opts: any) {
    super({ name: "InvalidGreeting", $fault: "client", ...opts });
    Object.setPrototypeOf(this, InvalidGreeting.prototype);
    this.Message = opts.Message;
  }
}

export class ComplexError extends TestServiceException {
  override readonly name = "ComplexError";
  Header?: string;
  TopLevel?: string;
  Nested?: { Foo?: string };
  constructor(opts: any) {
    super({ name: "ComplexError", $fault: "client", ...opts });
    Object.setPrototypeOf(this, ComplexError.prototype);
    this.Header = opts.Header;
    this.TopLevel = opts.TopLevel;
    this.Nested = opts.Nested;
  }
}

export const InvalidGreetingSchema: StructureSchema = {
  type: "structure",
  id: "aws.protocoltests#InvalidGreeting",
  members: { Message: { target: { type: "string" } } },
  error: "client",
  exception: InvalidGreeting,
};

export const ComplexErrorSchema: StructureSchema = {
  type: "structure",
  id: "aws.protocoltests#ComplexError",
  error: "client",
  httpStatus: 403,
  members: {
    Header: { target: { type: "string" }, http: { in: "header", name: "X-Header" } },
    TopLevel: { target: { type: "string" } },
    Nested: {
      target: {
        type: "structure",
        id: "aws.protocoltests#Nested",
        members: { Foo: { target: { type: "string" }, jsonName: "Fooooo" } },
      },
    },
  },
  exception: ComplexError,
};

export const MyUnion: UnionSchema = {
  type: "union",
  id: "aws.protocoltests#MyUnion",
  members: {
    stringValue: { target: { type: "string" } },
    blobValue: { target: { type: "blob" } },
    structureValue: {
      target: {
        type: "structure",
        id: "t#Greeting",
        members: { hi: { target: { type: "string" } } },
      },
    },
  },
};

export const KitchenSink: StructureSchema = {
  type: "structure",
  id: "aws.protocoltests#KitchenSink",
  members: {
    String: { target: { type: "string" } },
    Renamed: { target: { type: "string" }, jsonName: "renamed_on_wire" },
    Integer: { target: { type: "integer" } },
    Boolean: { target: { type: "boolean" } },
    Double: { target: { type: "float" } },
    Blob: { target: { type: "blob" } },
    Timestamp: { target: { type: "timestamp" } },
    Iso8601Timestamp: { target: { type: "timestamp" }, timestampFormat: "date-time" },
    HttpdateTimestamp: { target: { type: "timestamp" }, timestampFormat: "http-date" },
    List: { target: { type: "list", member: { type: "string" } } },
    SparseList: { target: { type: "list", member: { type: "string" }, sparse: true } },
    Map: { target: { type: "map", value: { type: "integer" } } },
    SparseMap: { target: { type: "map", value: { type: "string" }, sparse: true } },
    Document: { target: { type: "document" } },
    Union: { target: MyUnion },
    Recursive: { target: () => KitchenSink },
    Token: { target: { type: "string" }, idempotencyToken: true },
  },
};

export const KitchenSinkOp: OperationSchema = {
  name: "KitchenSinkOperation",
  input: KitchenSink,
  output: KitchenSink,
  errors: [InvalidGreetingSchema, ComplexErrorSchema],
  http: { method: "POST", uri: "/KitchenSink", code: 200 },
};

export const EmptyInput: StructureSchema = { type: "structure", id: "t#Empty", members: {} };
export const EmptyOp: OperationSchema = {
  name: "EmptyOperation",
  input: EmptyInput,
  output: EmptyInput,
  errors: [],
  http: { method: "POST", uri: "/EmptyInputAndEmptyOutput", code: 200 },
};

export const jsonService: ServiceSchema = {
  id: "aws.protocoltests.json#JsonProtocol",
  protocol: "awsJson1_1",
  targetPrefix: "JsonProtocol",
  sdkId: "Json Protocol",
  signingName: "foo",
  endpointPrefix: "jsonprotocol",
  version: "2018-01-01",
  errors: [],
  baseException: TestServiceException,
};

export const restService: ServiceSchema = {
  ...jsonService,
  id: "aws.protocoltests.restjson#RestJson",
  protocol: "restJson1",
  targetPrefix: undefined,
};

export const utf8 = (s: string) => new TextEncoder().encode(s);
export const text = (b: Uint8Array | string | undefined) =>
  typeof b === "string" ? b : b === undefined ? "" : new TextDecoder().decode(b);
