import { describe, expect, it } from "vitest";
import type {
  OperationSchema,
  ServiceSchema,
  StructureSchema,
  Validator,
} from "../../src/schema.js";
import { createHandler } from "../../src/server/index.js";
import { asModule } from "../validator-module.js";
import { errorType } from "./thing-service.js";

// A small restJson1 service in GuardDuty's style: BadRequestException with `Message`/`Type`
// members sent as `message`/`__type`.
const str = { type: "string" } as const;
const badRequest: StructureSchema = {
  type: "structure",
  id: "com.example.widgets#BadRequestException",
  members: {
    Message: { target: str, jsonName: "message" },
    Type: { target: str, jsonName: "__type" },
  },
  error: "client",
  httpStatus: 400,
};
const internal: StructureSchema = {
  type: "structure",
  id: "com.example.widgets#InternalServerErrorException",
  members: { Message: { target: str, jsonName: "message" } },
  error: "server",
  httpStatus: 500,
};
const notFound: StructureSchema = {
  type: "structure",
  id: "com.example.widgets#ResourceNotFoundException",
  members: { Message: { target: str, jsonName: "message" } },
  error: "client",
  httpStatus: 404,
};

const requireName: Validator = Object.assign(
  (data: any) => {
    const ok = typeof data?.Name === "string" && data.Name.length <= 10;
    requireName.errors = ok
      ? null
      : data?.Name === undefined
        ? [{ instancePath: "", keyword: "required", params: { missingProperty: "Name" } }]
        : [{ instancePath: "/Name", keyword: "maxLength", params: { limit: 10 } }];
    return ok;
  },
  { errors: null },
);

const ops: Record<string, OperationSchema> = {
  GetWidget: {
    name: "GetWidget",
    http: { method: "GET", uri: "/widgets/{WidgetId}", code: 200 },
    input: {
      type: "structure",
      id: "com.example.widgets#GetWidgetRequest",
      members: {
        WidgetId: { target: str, required: true, http: { in: "label" } },
        Verbose: { target: { type: "boolean" }, http: { in: "query", name: "verbose" } },
      },
    },
    output: {
      type: "structure",
      id: "com.example.widgets#GetWidgetResponse",
      members: {
        Id: { target: str, jsonName: "id" },
        Verbose: { target: { type: "boolean" }, jsonName: "verbose" },
      },
    },
    errors: [badRequest, notFound],
  },
  CreateWidget: {
    name: "CreateWidget",
    http: { method: "POST", uri: "/widgets", code: 201 },
    input: {
      type: "structure",
      id: "com.example.widgets#CreateWidgetRequest",
      members: { Name: { target: str, required: true, jsonName: "name" } },
    },
    output: {
      type: "structure",
      id: "com.example.widgets#CreateWidgetResponse",
      members: { Id: { target: str, jsonName: "id" } },
    },
    errors: [badRequest],
    inputValidator: asModule(requireName),
  },
  PutBlob: {
    name: "PutBlob",
    http: { method: "PUT", uri: "/blobs/{Key+}", code: 200 },
    input: {
      type: "structure",
      id: "com.example.widgets#PutBlobRequest",
      members: {
        Key: { target: str, required: true, http: { in: "label", greedy: true } },
        Data: { target: { type: "blob" }, http: { in: "payload" } },
      },
    },
    output: {
      type: "structure",
      id: "com.example.widgets#PutBlobResponse",
      members: { Size: { target: { type: "integer" }, jsonName: "size" } },
    },
    errors: [],
  },
  PutColor: {
    name: "PutColor",
    http: { method: "PUT", uri: "/color", code: 200 },
    input: {
      type: "structure",
      id: "com.example.widgets#PutColorRequest",
      members: {
        Color: {
          target: { type: "enum", values: ["red", "green"] },
          http: { in: "payload" },
        },
      },
    },
    output: {
      type: "structure",
      id: "com.example.widgets#PutColorResponse",
      members: { Color: { target: str, jsonName: "color" } },
    },
    errors: [],
  },
};

const service: ServiceSchema = {
  id: "com.example.widgets#Widgets",
  protocol: "restJson1",
  sdkId: "Widgets",
  signingName: "widgets",
  endpointPrefix: "widgets",
  version: "2024-01-01",
  errors: [badRequest, internal],
};

let lastKey: string | undefined;
const handle = createHandler(service, ops, {
  async GetWidget(input: { WidgetId: string; Verbose?: boolean }) {
    if (input.WidgetId === "gone")
      throw { name: "ResourceNotFoundException", Message: "No widget gone" };
    return { Id: input.WidgetId, Verbose: input.Verbose };
  },
  async CreateWidget(input: { Name: string }) {
    return { Id: `w-${input.Name}` };
  },
  async PutColor(input: { Color?: string }) {
    return { Color: input.Color };
  },
  async PutBlob(input: { Key: string; Data?: Uint8Array }) {
    lastKey = input.Key;
    return { Size: input.Data?.byteLength ?? 0 };
  },
});

const at = (path: string, init?: RequestInit) =>
  handle(new Request(`http://127.0.0.1${path}`, init));

describe("createHandler (restJson1)", () => {
  it("routes by method + URI template and decodes labels and query", async () => {
    const response = await at("/widgets/a%20b?verbose=true");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: "a b", verbose: true });
  });

  it("uses the operation's @http code and JSON body with jsonName keys", async () => {
    const response = await at("/widgets", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"name":"gizmo"}',
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ id: "w-gizmo" });
  });

  it("passes raw payloads through whatever their content type, greedy labels included", async () => {
    const response = await at("/blobs/dir/sub/file.bin", {
      method: "PUT",
      headers: { "content-type": "application/octet-stream" },
      body: new Uint8Array([0xff, 0xfe, 0x00, 0x7b]),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ size: 4 });
    expect(lastKey).toBe("dir/sub/file.bin");
  });

  it("takes an enum payload as text/plain and refuses JSON for it (RestJsonEnumPayloadRequest)", async () => {
    const ok = await at("/color", {
      method: "PUT",
      headers: { "content-type": "text/plain" },
      body: "green",
    });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ color: "green" });
    const json = await at("/color", {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: '"green"',
    });
    expect(json.status).toBe(415);
    expect((await errorType(json)).type).toBe("UnsupportedMediaTypeException");
  });

  it("answers invalid input with BadRequestException naming the member", async () => {
    const response = await at("/widgets", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"name":"much too long a name"}',
    });
    expect(response.status).toBe(400);
    const { type, body } = await errorType(response);
    expect(type).toBe("BadRequestException");
    expect(body.message).toMatch(
      /at 'Name' failed to satisfy constraint: Member must have length less than or equal to 10/,
    );
  });

  it("sends thrown modeled errors with x-amzn-ErrorType and the model's status", async () => {
    const response = await at("/widgets/gone");
    expect(response.status).toBe(404);
    expect(response.headers.get("x-amzn-errortype")).toBe("ResourceNotFoundException");
    expect((await response.json()).message).toBe("No widget gone");
  });

  it("answers unknown routes 404, wrong methods 405, JSON with another content type 415", async () => {
    const unknown = await at("/gadgets/1");
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("x-amzn-errortype")).toBe("UnknownOperationException");
    const wrong = await at("/widgets/1", { method: "DELETE" });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("GET");
    const media = await at("/widgets", {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: '{"name":"x"}',
    });
    expect(media.status).toBe(415);
    expect(media.headers.get("x-amzn-errortype")).toBe("UnsupportedMediaTypeException");
  });

  it("answers malformed JSON and bad UTF-8 with SerializationException", async () => {
    for (const body of ['{"name":', new Uint8Array([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d])]) {
      const response = await at("/widgets", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
      });
      expect(response.status).toBe(400);
      expect(response.headers.get("x-amzn-errortype")).toBe("SerializationException");
    }
  });

  it("answers an internal failure with the service's InternalServerErrorException", async () => {
    const broken = createHandler(service, ops, {
      async GetWidget() {
        throw new TypeError("x is undefined");
      },
    });
    const response = await broken(new Request("http://127.0.0.1/widgets/1"));
    expect(response.status).toBe(500);
    expect(response.headers.get("x-amzn-errortype")).toBe("InternalServerErrorException");
  });
});
