// The node adapter serves createHandler's handlers through their core on plain messages; a
// handler it does not recognise goes through Fetch Request/Response. Both must answer alike.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { protocolFor } from "../../src/protocol/for-service.js";
import { createHandler, toNodeListener } from "../../src/server/index.js";
import { HANDLER_CORE } from "../../src/server/served-request.js";
import { impl, operations, service } from "./thing-service.js";

const seen: { headers?: Record<string, string>; signals: AbortSignal[] } = { signals: [] };
const handler = createHandler(
  service,
  operations,
  {
    ...impl,
    async ListThings(
      _input: unknown,
      context: { headers: Record<string, string>; signal?: AbortSignal },
    ) {
      seen.headers = { ...context.headers };
      seen.signals.push(context.signal!, context.signal!);
      return { thingIds: [] };
    },
  },
  { maxBodyBytes: 1024 },
);

const servers: Server[] = [];
let corePort: number;
let fetchPort: number;

async function listen(listener: Parameters<typeof createServer>[1]): Promise<number> {
  const server = createServer(listener);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

beforeAll(async () => {
  corePort = await listen(toNodeListener(handler));
  fetchPort = await listen(toNodeListener((request) => handler(request)));
});

afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

async function send(port: number, init: RequestInit & { path?: string }): Promise<Answer> {
  const response = await fetch(`http://127.0.0.1:${port}${init.path ?? "/"}`, init);
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (name !== "date" && name !== "x-amzn-requestid" && name !== "keep-alive") {
      headers[name] = value;
    }
  });
  return { status: response.status, headers, body: await response.text() };
}

const json = { "content-type": "application/x-amz-json-1.1" };
const target = (op: string) => ({ ...json, "x-amz-target": `ThingService_20240101.${op}` });

const CASES: Array<[string, RequestInit & { path?: string }]> = [
  ["a good request", { method: "POST", headers: target("GetThing"), body: '{"thingId":"a"}' }],
  [
    "a modeled error",
    { method: "POST", headers: target("GetThing"), body: '{"thingId":"missing"}' },
  ],
  ["invalid JSON", { method: "POST", headers: target("GetThing"), body: '{"thingId":' }],
  ["invalid input", { method: "POST", headers: target("GetThing"), body: '{"thingId":5}' }],
  ["an unknown operation", { method: "POST", headers: target("Nope"), body: "{}" }],
  [
    "a wrong content type",
    {
      method: "POST",
      headers: { ...target("GetThing"), "content-type": "text/plain" },
      body: "{}",
    },
  ],
  [
    "a body over the limit",
    { method: "POST", headers: target("GetThing"), body: `{"thingId":"${"x".repeat(2000)}"}` },
  ],
  ["an empty body", { method: "POST", headers: target("ListThings"), body: "" }],
  ["a GET", { method: "GET", path: "/?x=1" }],
  ["a HEAD", { method: "HEAD", headers: target("ListThings") }],
];

describe("toNodeListener: core path and Fetch path answer alike", () => {
  for (const [name, init] of CASES) {
    it(name, async () => {
      const viaCore = await send(corePort, init);
      const viaFetch = await send(fetchPort, init);
      expect(viaCore).toEqual(viaFetch);
      expect(viaCore.headers["content-length"]).toBe(String(Buffer.byteLength(viaCore.body)));
    });
  }

  it("exposes the core only on handlers from createHandler", () => {
    expect(typeof (handler as any)[HANDLER_CORE]).toBe("function");
    expect(Object.keys(handler)).toEqual([]);
  });

  it("joins repeated request headers and gives one signal per request", async () => {
    for (const port of [corePort, fetchPort]) {
      seen.signals = [];
      const response = await fetch(`http://127.0.0.1:${port}/`, {
        method: "POST",
        headers: [
          ["content-type", "application/x-amz-json-1.1"],
          ["x-amz-target", "ThingService_20240101.ListThings"],
          ["X-Many", "a"],
          ["x-many", "b"],
        ],
        body: "{}",
      });
      expect(response.status).toBe(200);
      expect(seen.headers?.["x-many"]).toBe("a, b");
      expect(seen.signals[0]).toBeInstanceOf(AbortSignal);
      expect(seen.signals[0]).toBe(seen.signals[1]);
      expect(seen.signals[0]!.aborted).toBe(false);
    }
  });
});

describe("answers the codec cannot send", () => {
  const base = protocolFor(service);
  const withHeaders = (headers: Record<string, string>, body?: string) =>
    createHandler(service, operations, impl, {
      protocol: { ...base, serializeResponse: () => ({ statusCode: 200, headers, body }) },
    });
  const request = { method: "POST", headers: target("GetThing"), body: '{"thingId":"a"}' };

  it("turns an invalid header value into a 500 on both paths", async () => {
    const bad = withHeaders({ "x-bad": "a\r\nb" }, "{}");
    const ports = [await listen(toNodeListener(bad)), await listen(toNodeListener((r) => bad(r)))];
    for (const port of ports) {
      const answer = await send(port, request);
      expect(answer.status).toBe(500);
      expect(answer.headers["x-bad"]).toBeUndefined();
    }
  });

  it("types an untyped text body as text/plain on both paths", async () => {
    const plain = withHeaders({}, "hello");
    const ports = [
      await listen(toNodeListener(plain)),
      await listen(toNodeListener((r) => plain(r))),
    ];
    const [viaCore, viaFetch] = [await send(ports[0]!, request), await send(ports[1]!, request)];
    expect(viaCore).toEqual(viaFetch);
    expect(viaCore.headers["content-type"]).toBe("text/plain;charset=UTF-8");
    expect(viaCore.body).toBe("hello");
  });
});
