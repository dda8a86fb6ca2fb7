/** restJson1 mapping rules, one by one, on the notes fixture. */
import { describe, expect, it } from "vitest";
import {
  emitOpenApi,
  type OperationObject,
  type ParameterObject,
} from "../../../src/emit/openapi/index.js";
import { componentValidator } from "./consumers.js";
import { fixture, NOTES } from "./load-fixture.js";

const doc = emitOpenApi(fixture("notes-rest"), NOTES);
const schemas = doc.components.schemas ?? {};

function op(path: string, method: "get" | "put" | "post" | "delete" | "patch"): OperationObject {
  const operation = doc.paths[path]?.[method];
  if (!operation) throw new Error(`no ${method} ${path}`);
  return operation;
}

function param(
  operation: OperationObject,
  name: string,
  where: ParameterObject["in"],
): ParameterObject {
  const found = operation.parameters?.find((p) => p.name === name && p.in === where);
  if (!found) throw new Error(`no ${where} parameter ${name} on ${operation.operationId}`);
  return found;
}

describe("paths and labels", () => {
  it("keys operations by @http uri and method, operationId = operation name", () => {
    expect(Object.keys(doc.paths)).toEqual([
      "/notes",
      "/notes/{noteId}",
      "/notes/{noteId}/files/{path+}",
      "/ping",
      "/settings",
    ]);
    expect(op("/notes/{noteId}", "get").operationId).toBe("GetNote");
    expect(op("/notes/{noteId}", "delete").operationId).toBe("DeleteNote");
    expect(op("/settings", "patch").operationId).toBe("UpdateSettings");
  });

  it("makes @httpLabel a required path parameter carrying the target's constraints", () => {
    expect(param(op("/notes/{noteId}", "get"), "noteId", "path")).toEqual({
      name: "noteId",
      in: "path",
      required: true,
      schema: { type: "string", pattern: "^n-[0-9a-f]{8}$" },
    });
  });

  it("keeps a greedy label in the path and names its parameter with the +", () => {
    const put = op("/notes/{noteId}/files/{path+}", "put");
    expect(param(put, "path+", "path")).toMatchObject({
      required: true,
      schema: { type: "string" },
    });
  });
});

describe("query strings and headers", () => {
  const list = op("/notes", "get");

  it("explodes list-valued @httpQuery parameters in form style", () => {
    expect(param(list, "tag", "query")).toEqual({
      name: "tag",
      in: "query",
      style: "form",
      explode: true,
      schema: { type: "array", items: { type: "string", pattern: "^[a-z0-9-]+$" } },
    });
  });

  it("carries @range onto scalar query parameters", () => {
    expect(param(list, "limit", "query").schema).toEqual({
      type: "integer",
      format: "int32",
      minimum: 1,
      maximum: 100,
    });
  });

  it("turns the uri's constant query pairs into required const parameters", () => {
    expect(param(list, "view", "query")).toEqual({
      name: "view",
      in: "query",
      required: true,
      schema: { type: "string", const: "summary" },
    });
  });

  it("maps @httpQueryParams to one form-style parameter of the map", () => {
    expect(param(list, "filters", "query")).toEqual({
      name: "filters",
      in: "query",
      style: "form",
      schema: { $ref: "#/components/schemas/FilterMap" },
    });
  });

  it("maps @httpHeader to header parameters and response headers", () => {
    const get = op("/notes/{noteId}", "get");
    expect(param(get, "X-Trace-Id", "header").schema).toEqual({ type: "string" });
    expect(get.responses["200"]?.headers).toEqual({
      ETag: { schema: { type: "string" } },
      "Last-Modified": { schema: { type: "string" } },
    });
  });

  it("sends timestamps as date-time in query strings and http-date in headers", () => {
    expect(param(op("/notes/{noteId}", "get"), "asOf", "query").schema).toEqual({
      type: "string",
      format: "date-time",
    });
    expect(
      op("/notes/{noteId}", "get").responses["200"]?.headers?.["Last-Modified"]?.schema,
    ).toEqual({ type: "string" });
  });
});

describe("bodies", () => {
  it("synthesizes <Op>RequestContent from the unbound members, honouring @jsonName", () => {
    const create = op("/notes", "post");
    expect(create.requestBody).toEqual({
      required: true,
      content: {
        "application/json": { schema: { $ref: "#/components/schemas/CreateNoteRequestContent" } },
      },
    });
    const content = schemas.CreateNoteRequestContent;
    expect(Object.keys(content?.properties ?? {})).toEqual([
      "title",
      "Body",
      "priority",
      "color",
      "content",
      "metadata",
      "pinned",
      "dueAt",
    ]);
    expect(content?.required).toEqual(["title"]);
    expect(content?.["x-smithy-id"]).toBe("example.notes#CreateNoteInput");
    expect(param(create, "X-Client-Token", "header")).toBeDefined();
  });

  it("synthesizes <Op>ResponseContent with the @http code as status", () => {
    const created = op("/notes", "post").responses["201"];
    expect(created?.description).toBe("CreateNote 201 response");
    expect(created?.headers).toEqual({ Location: { schema: { type: "string" } } });
    expect(created?.content?.["application/json"]?.schema).toEqual({
      $ref: "#/components/schemas/CreateNoteResponseContent",
    });
    expect(schemas.ListNotesResponseContent?.properties?.next_token).toEqual({ type: "string" });
  });

  it("has no body for an operation whose members are all bound, nor for Unit output", () => {
    expect(op("/notes/{noteId}", "get").requestBody).toBeUndefined();
    expect(op("/notes/{noteId}", "delete").responses["204"]).toEqual({
      description: "DeleteNote 204 response",
    });
  });

  it("sends a blob @httpPayload as raw bytes of its @mediaType", () => {
    expect(op("/notes/{noteId}/files/{path+}", "put").requestBody).toEqual({
      required: true,
      content: { "image/png": { schema: { type: "string", contentMediaType: "image/png" } } },
    });
    expect(op("/notes/{noteId}/files/{path+}", "get").responses["200"]?.content).toEqual({
      "image/png": { schema: { type: "string", contentMediaType: "image/png" } },
    });
  });

  it("sends a structure @httpPayload as the JSON body by $ref", () => {
    const patch = op("/settings", "patch");
    expect(patch.requestBody?.content).toEqual({
      "application/json": { schema: { $ref: "#/components/schemas/Settings" } },
    });
    expect(patch.responses["200"]?.content).toEqual({
      "application/json": { schema: { $ref: "#/components/schemas/Settings" } },
    });
  });

  it("leaves @httpResponseCode members out of the body", () => {
    expect(Object.keys(schemas.PutAttachmentResponseContent?.properties ?? {})).toEqual(["size"]);
  });
});

describe("errors", () => {
  it("keys each error by @httpError, adding the service's errors to every operation", () => {
    const get = op("/notes/{noteId}", "get");
    expect(Object.keys(get.responses)).toEqual(["200", "404", "429", "default"]);
    expect(get.responses["404"]).toEqual({
      description: "NotFoundException 404 response",
      content: {
        "application/json": {
          schema: { $ref: "#/components/schemas/NotFoundExceptionResponseContent" },
        },
      },
    });
    expect(get.responses["429"]?.headers).toEqual({
      "Retry-After": { schema: { type: "integer", format: "int32" } },
    });
    expect(Object.keys(schemas.ThrottlingExceptionResponseContent?.properties ?? {})).toEqual([
      "message",
    ]);
  });

  it("defaults client errors without @httpError to 400 and joins errors sharing a status with oneOf", () => {
    const response = op("/notes", "get").responses["400"];
    expect(response?.description).toBe("ListNotes400Error 400 response");
    expect(response?.headers).toEqual({ "X-Request-Id": { schema: { type: "string" } } });
    expect(response?.content?.["application/json"]?.schema).toEqual({
      $ref: "#/components/schemas/ListNotes400ErrorResponseContent",
    });
    expect(schemas.ListNotes400ErrorResponseContent).toEqual({
      oneOf: [
        { $ref: "#/components/schemas/ValidationExceptionResponseContent" },
        { $ref: "#/components/schemas/BadRequestExceptionResponseContent" },
      ],
    });
  });

  it("declares the {} a 200 answers when no output member is in the body", () => {
    const model = fixture("notes-rest");
    const ping = emitOpenApi(model, NOTES).paths["/ping"]?.get;
    const output = model.shapes[String(model.shapes["example.notes#Ping"]?.output?.target)];
    const inBody = Object.values(output?.members ?? {}).filter(
      (m) => !Object.keys(m.traits ?? {}).some((t) => t.startsWith("smithy.api#http")),
    );
    expect(inBody, "the fixture's Ping has no body member").toEqual([]);
    expect(ping?.responses["200"]?.content).toEqual({
      "application/json": { schema: { type: "object" } },
    });
  });

  it("defaults server errors to 500", () => {
    const model = fixture("notes-rest");
    const throttling = model.shapes["example.notes#ThrottlingException"];
    if (!throttling?.traits) throw new Error("fixture changed");
    throttling.traits["smithy.api#error"] = "server";
    delete throttling.traits["smithy.api#httpError"];
    const ping = emitOpenApi(model, NOTES).paths["/ping"]?.get;
    expect(Object.keys(ping?.responses ?? {})).toEqual(["200", "500", "default"]);
  });
});

describe("service facts", () => {
  it("declares SigV4 as smithy-openapi does and applies it to the whole API", () => {
    expect(doc.components.securitySchemes).toEqual({
      "aws.auth.sigv4": {
        type: "apiKey",
        description: "AWS Signature Version 4 authentication",
        name: "Authorization",
        in: "header",
        "x-amazon-apigateway-authtype": "awsSigv4",
      },
    });
    expect(doc.security).toEqual([{ "aws.auth.sigv4": [] }]);
    expect(op("/ping", "get").security).toEqual([]);
    expect(op("/notes", "get").security).toBeUndefined();
    const model = fixture("notes-rest");
    const list = model.shapes["example.notes#ListNotes"];
    if (list?.traits) list.traits["smithy.api#optionalAuth"] = {};
    expect(emitOpenApi(model, NOTES).paths["/notes"]?.get?.security).toEqual([
      {},
      { "aws.auth.sigv4": [] },
    ]);
  });

  it("takes info from the service: title falls back to the name, docs become the description", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info).toEqual({
      title: "Notes",
      version: "2024-01-01",
      description: "A small note-taking API.",
    });
  });

  it("applies the service's rename to component names", () => {
    expect(schemas.Note?.properties?.other).toEqual({ $ref: "#/components/schemas/OtherNote" });
    expect(schemas.OtherNote?.["x-smithy-id"]).toBe("example.other#Note");
  });

  it("describes bodies the server accepts and rejects", () => {
    const validate = componentValidator(doc);
    expect(
      validate("CreateNoteRequestContent", {
        title: "t",
        Body: "b",
        priority: 1,
        content: { text: "x" },
      }),
    ).toEqual([]);
    expect(validate("CreateNoteRequestContent", { title: "", priority: 3 })).toEqual([
      "/title must NOT have fewer than 1 characters",
      "/priority must be equal to one of the allowed values",
    ]);
  });
});
