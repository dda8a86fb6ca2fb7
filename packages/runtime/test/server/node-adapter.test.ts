import { Agent, createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { connect } from "node:net";
import { Sha256 } from "@aws-crypto/sha256-js";
import { SignatureV4 } from "@smithy/signature-v4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHandler, createNodeServer, toNodeListener } from "../../src/server/index.js";
import { impl, operations, service } from "./thing-service.js";

let signalAborted: Promise<void> | undefined;
let markStarted: (() => void) | undefined;
const handler = createHandler(
  service,
  operations,
  {
    ...impl,
    async DeleteThing(_input: unknown, context: { signal?: AbortSignal }) {
      // Waits for the client to go away, then reports it.
      signalAborted = new Promise((resolve) =>
        context.signal!.addEventListener("abort", () => resolve()),
      );
      markStarted?.();
      await signalAborted;
      return {};
    },
  },
  { maxBodyBytes: 64 * 1024 },
);

let server: Server;
let port: number;

beforeAll(async () => {
  server = createNodeServer(handler, { bodyTimeoutMs: 300, headersTimeoutMs: 300 });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const headers = {
  "content-type": "application/x-amz-json-1.1",
  "x-amz-target": "ThingService_20240101.GetThing",
};

async function good(): Promise<void> {
  const response = await fetch(`http://127.0.0.1:${port}/`, {
    method: "POST",
    headers,
    body: '{"thingId":"n1"}',
  });
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ thing: { thingId: "n1", size: 3 } });
}

/** Sends raw bytes, returns everything the server answers until it closes or `ms` pass. */
function raw(
  bytes: string | Buffer,
  options: { ms?: number; keepOpen?: boolean } = {},
): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    let received = "";
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(received);
    };
    const timer = setTimeout(done, options.ms ?? 3_000);
    socket.on("data", (d) => {
      received += d.toString("latin1");
    });
    socket.on("close", done);
    socket.on("error", done);
    socket.write(bytes);
    if (!options.keepOpen) socket.end();
  });
}

describe("toNodeListener / createNodeServer on 127.0.0.1", () => {
  it("answers Expect: 100-continue with 413 at once for a body declared too large, else invites it", async () => {
    const request = (length: number) =>
      `POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-amz-json-1.1\r\nX-Amz-Target: ThingService_20240101.GetThing\r\nContent-Length: ${length}\r\nExpect: 100-continue\r\n\r\n`;
    const refused = await raw(request(1024 * 1024), { keepOpen: true, ms: 2_000 });
    expect(refused).toMatch(/^HTTP\/1\.1 413 /);
    expect(refused).not.toContain("100 Continue");
    const body = '{"thingId":"n1"}';
    const invited = await new Promise<string>((resolve) => {
      const socket = connect(port, "127.0.0.1");
      let received = "";
      const timer = setTimeout(() => socket.destroy(), 3_000);
      socket.on("data", (d) => {
        received += d.toString("latin1");
        if (received.startsWith("HTTP/1.1 100 Continue") && !received.includes("200 OK")) {
          if (!socket.writableEnded) socket.end(body);
        }
        if (received.includes("\r\n\r\n{")) socket.destroy();
      });
      socket.on("close", () => {
        clearTimeout(timer);
        resolve(received);
      });
      socket.write(request(Buffer.byteLength(body)));
    });
    expect(invited).toMatch(/^HTTP\/1\.1 100 Continue\r\n\r\nHTTP\/1\.1 200 OK/);
  });

  it("serves a good request", async () => {
    await good();
  });

  it("keeps connections alive across complete requests (GET and POST)", async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    let connections = 0;
    const count = () => {
      connections++;
    };
    server.on("connection", count);
    const once = (method: string, body?: string) =>
      new Promise<number>((resolve, reject) => {
        const req = httpRequest(
          { host: "127.0.0.1", port, method, path: "/", headers, agent },
          (res) => {
            res.resume();
            res.on("end", () => resolve(res.statusCode!));
          },
        );
        req.on("error", reject);
        req.end(body);
      });
    expect(await once("POST", '{"thingId":"k1"}')).toBe(200);
    expect(await once("GET")).toBe(405);
    expect(await once("POST", '{"thingId":"k2"}')).toBe(200);
    server.off("connection", count);
    agent.destroy();
    expect(connections).toBe(1);
  });

  it("answers a chunked body over the limit with 413 without reading it all", async () => {
    const result = await new Promise<{ status?: number; type?: string; sent: number }>(
      (resolve) => {
        let sent = 0;
        const req = httpRequest(
          { host: "127.0.0.1", port, method: "POST", path: "/", headers },
          (res) => {
            res.resume();
            resolve({
              status: res.statusCode,
              type: res.headers["x-amzn-errortype"] as string,
              sent,
            });
            req.destroy();
          },
        );
        req.on("error", () => resolve({ sent }));
        const chunk = Buffer.alloc(16 * 1024, 0x20);
        // At most 4 MiB: far over the 64 KiB limit, bounded if the server kept reading.
        const pump = () => {
          while (sent < 4 * 1024 * 1024 && !req.destroyed) {
            sent += chunk.length;
            if (!req.write(chunk)) return void req.once("drain", pump);
          }
          if (!req.destroyed) req.end();
        };
        pump();
      },
    );
    expect(result.status).toBe(413);
    expect(result.type).toBe("RequestEntityTooLargeException");
    await good();
  });

  it("answers a declared huge Content-Length with 413 at once and closes", async () => {
    const text = await raw(
      `POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-amz-json-1.1\r\n` +
        `X-Amz-Target: ThingService_20240101.GetThing\r\nContent-Length: 10000000000\r\n\r\n{"thin`,
      { keepOpen: true },
    );
    expect(text).toMatch(/^HTTP\/1\.1 413/);
    expect(text.toLowerCase()).toContain("connection: close");
  });

  it("answers a body that stops arriving with 408 RequestTimeoutException", async () => {
    const text = await raw(
      `POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-amz-json-1.1\r\n` +
        `X-Amz-Target: ThingService_20240101.GetThing\r\nContent-Length: 100\r\n\r\n{"thingId"`,
      { keepOpen: true },
    );
    expect(text).toMatch(/^HTTP\/1\.1 408/);
    expect(text).toContain("RequestTimeoutException");
    await good();
  });

  it("drops a client that does not finish its headers in time", async () => {
    const text = await raw("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ", {
      keepOpen: true,
      ms: 5_000,
    });
    // Node answers 408 (or just closes); either way the connection does not stay open.
    expect(text === "" || /^HTTP\/1\.1 408/.test(text)).toBe(true);
    await good();
  });

  it("aborts the operation's signal when the client disconnects", async () => {
    const started = new Promise<void>((resolve) => {
      markStarted = resolve;
    });
    const req = httpRequest({
      host: "127.0.0.1",
      port,
      method: "POST",
      path: "/",
      headers: { ...headers, "x-amz-target": "ThingService_20240101.DeleteThing" },
    });
    req.on("error", () => {});
    req.end('{"thingId":"x"}');
    await started;
    req.destroy();
    await signalAborted;
    await good();
  });

  it("survives garbage, truncated bodies and GETs with bodies", async () => {
    expect(await raw("\x00\x01\x02 garbage\r\n\r\n")).toMatch(/^HTTP\/1\.1 400/);
    await raw(
      `POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-amz-json-1.1\r\n` +
        `X-Amz-Target: ThingService_20240101.GetThing\r\nContent-Length: 50\r\n\r\n{"thingId"`,
    );
    const get = await raw(
      `GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 4\r\nConnection: close\r\n\r\nabcd`,
    );
    expect(get).toMatch(/^HTTP\/1\.1 405/);
    const badHost = await raw(
      `POST / HTTP/1.1\r\nHost: a b:99999\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`,
    );
    expect(badHost).toMatch(/^HTTP\/1\.1 400/);
    await good();
  });

  it("verifies SigV4 over real HTTP (Host header as the client sent it)", async () => {
    const signedHandler = createHandler(service, operations, impl, {
      auth: {
        sigv4: {
          credentials: async (id) => (id === "AKID" ? { secretAccessKey: "secret" } : undefined),
        },
      },
    });
    const signedServer = createServer(toNodeListener(signedHandler));
    await new Promise<void>((resolve) => signedServer.listen(0, "127.0.0.1", resolve));
    const p = (signedServer.address() as AddressInfo).port;
    const send = async (secretAccessKey: string) => {
      const signer = new SignatureV4({
        credentials: { accessKeyId: "AKID", secretAccessKey },
        region: "us-east-1",
        service: "things",
        sha256: Sha256,
      });
      const body = '{"thingId":"signed"}';
      const signed = await signer.sign({
        method: "POST",
        protocol: "http:",
        hostname: "127.0.0.1",
        port: p,
        path: "/",
        query: {},
        headers: { ...headers, host: `127.0.0.1:${p}`, "content-length": String(body.length) },
        body,
      });
      return fetch(`http://127.0.0.1:${p}/`, { method: "POST", headers: signed.headers, body });
    };
    const ok = await send("secret");
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ thing: { thingId: "signed", size: 3 } });
    const bad = await send("wrong");
    expect(bad.status).toBe(403);
    expect(bad.headers.get("x-amzn-errortype")).toBe("InvalidSignatureException");
    signedServer.closeAllConnections();
    await new Promise((resolve) => signedServer.close(resolve));
  });

  it("turns a handler that throws into a 500 and keeps serving", async () => {
    const plain = createServer(
      toNodeListener(async () => {
        throw new Error("boom");
      }),
    );
    await new Promise<void>((resolve) => plain.listen(0, "127.0.0.1", resolve));
    const p = (plain.address() as AddressInfo).port;
    const response = await fetch(`http://127.0.0.1:${p}/`, { method: "POST", body: "x" });
    expect(response.status).toBe(500);
    expect(response.headers.get("x-amzn-errortype")).toBe("InternalFailure");
    plain.closeAllConnections();
    await new Promise((resolve) => plain.close(resolve));
  });
});
