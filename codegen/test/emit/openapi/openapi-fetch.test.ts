/**
 * openapi-fetch, driven by the emitted documents' paths, against a node:http server on 127.0.0.1:
 * what reaches the wire is what the protocol says.
 */
import { once } from "node:events";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import createClient from "openapi-fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emitOpenApi } from "../../../src/emit/openapi/index.js";
import { fixture, INSPECTOR, NOTES } from "./load-fixture.js";

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}

let server: Server;
let baseUrl: string;
const seen: Seen[] = [];
let reply: { status: number; type: string; body: string } = {
  status: 200,
  type: "application/json",
  body: "{}",
};

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      seen.push({
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      });
      res.writeHead(reply.status, { "content-type": reply.type });
      res.end(reply.body);
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.close();
  await once(server, "close");
});

function lastRequest(): Seen {
  const request = seen.at(-1);
  if (!request) throw new Error("the server saw no request");
  return request;
}

describe("awsJson1_1 paths", () => {
  const doc = emitOpenApi(fixture("inspector-like"), INSPECTOR);
  const path = "/#X-Amz-Target=InspectorService.ListFindings";

  it("reach the server as POST / with the target header and the JSON body", async () => {
    expect(doc.paths[path]?.post?.operationId).toBe("ListFindings");
    reply = { status: 200, type: "application/x-amz-json-1.1", body: '{"findingArns":["arn:a"]}' };
    const client = createClient({ baseUrl }) as never as RawClient;
    const { data, response } = await client.POST(path, {
      params: { header: { "X-Amz-Target": "InspectorService.ListFindings" } },
      headers: { "Content-Type": "application/x-amz-json-1.1" },
      body: { maxResults: 5 },
    });
    expect(response.status).toBe(200);
    expect(data).toEqual({ findingArns: ["arn:a"] });
    const request = lastRequest();
    expect(request.method).toBe("POST");
    expect(request.url).toBe("/");
    expect(request.headers["x-amz-target"]).toBe("InspectorService.ListFindings");
    expect(request.headers["content-type"]).toBe("application/x-amz-json-1.1");
    expect(JSON.parse(request.body)).toEqual({ maxResults: 5 });
  });

  it("surface modeled errors with their __type as the error value", async () => {
    reply = {
      status: 400,
      type: "application/x-amz-json-1.1",
      body: '{"__type":"InvalidInputException","message":"m","errorCode":"X","canRetry":false}',
    };
    const client = createClient({ baseUrl }) as never as RawClient;
    const { error, response } = await client.POST(path, {
      params: { header: { "X-Amz-Target": "InspectorService.ListFindings" } },
      headers: { "Content-Type": "application/x-amz-json-1.1" },
      body: {},
    });
    expect(response.status).toBe(400);
    expect(error).toMatchObject({ __type: "InvalidInputException", errorCode: "X" });
    expect(Object.keys(doc.paths[path]?.post?.responses ?? {})).toEqual([
      "200",
      "400",
      "404",
      "500",
      "default",
    ]);
  });
});

describe("restJson1 paths", () => {
  const doc = emitOpenApi(fixture("notes-rest"), NOTES);

  it("serialize labels, exploded query lists, constant query pairs and headers", async () => {
    expect(doc.paths["/notes"]?.get?.operationId).toBe("ListNotes");
    reply = { status: 200, type: "application/json", body: '{"notes":[]}' };
    const client = createClient({ baseUrl }) as never as RawClient;
    await client.GET("/notes", {
      params: { query: { view: "summary", tag: ["a", "b"], limit: 5 } },
    });
    expect(lastRequest().url).toBe("/notes?view=summary&tag=a&tag=b&limit=5");
    await client.GET("/notes/{noteId}", {
      params: { path: { noteId: "n-0000abcd" }, header: { "X-Trace-Id": "t-1" } },
    });
    expect(lastRequest().url).toBe("/notes/n-0000abcd");
    expect(lastRequest().headers["x-trace-id"]).toBe("t-1");
  });

  it("send the synthesized request content as the JSON body, with its jsonNames", async () => {
    reply = {
      status: 201,
      type: "application/json",
      body: '{"note":{"id":"n-0000abcd","title":"t","createdAt":1}}',
    };
    const client = createClient({ baseUrl }) as never as RawClient;
    const { data, response } = await client.POST("/notes", { body: { title: "t", Body: "b" } });
    expect(response.status).toBe(201);
    expect(data).toEqual({ note: { id: "n-0000abcd", title: "t", createdAt: 1 } });
    expect(lastRequest()).toMatchObject({ method: "POST", url: "/notes" });
    expect(JSON.parse(lastRequest().body)).toEqual({ title: "t", Body: "b" });
    const schema = doc.components.schemas?.CreateNoteRequestContent;
    expect(Object.keys(schema?.properties ?? {})).toContain("Body");
  });
});

/** openapi-fetch's call surface without a `paths` type (the typed use is checked in fixtures.test.ts). */
interface RawClient {
  GET(path: string, init: object): Promise<{ data?: unknown; error?: unknown; response: Response }>;
  POST(
    path: string,
    init: object,
  ): Promise<{ data?: unknown; error?: unknown; response: Response }>;
}
