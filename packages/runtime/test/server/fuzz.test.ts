// Property-based robustness: thousands of generated bad requests, each must get a prompt
// answer that names an error type, never a crash, a hang, a 500, or a polluted prototype; and
// a good request must still succeed afterwards.
import type { AddressInfo } from "node:net";
import { connect } from "node:net";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHandler, createNodeServer } from "../../src/server/index.js";
import { impl, jsonRequest, operations, service } from "./thing-service.js";

const MAX_BODY = 8 * 1024;
const handle = createHandler(service, operations, impl, { maxBodyBytes: MAX_BODY, maxDepth: 32 });
const signedHandle = createHandler(service, operations, impl, {
  maxBodyBytes: MAX_BODY,
  auth: {
    sigv4: { credentials: async (id) => (id === "AKID" ? { secretAccessKey: "s" } : undefined) },
  },
});

const TARGET = "ThingService_20240101";
const token = fc.stringMatching(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,12}$/);
const headerValue = fc.stringMatching(/^[\x20-\x7e]{0,40}$/).map((v) => v.trim());

/** Mostly the valid value, so that faults further down the pipeline get exercised too. */
function mostly<T>(valid: fc.Arbitrary<T>, other: fc.Arbitrary<T>): fc.Arbitrary<T> {
  return fc.oneof({ arbitrary: valid, weight: 6 }, { arbitrary: other, weight: 1 });
}

const method = mostly(
  fc.constant("POST"),
  fc.oneof(fc.constantFrom("GET", "PUT", "DELETE", "PATCH", "OPTIONS"), token),
);
const path = mostly(
  fc.constant("/"),
  fc
    .array(
      fc.oneof(fc.webSegment(), fc.constantFrom("..", ".", "%", "%zz", "%00", "é", "__proto__")),
      { maxLength: 4 },
    )
    .map(
      (segments) => `/${segments.map((s) => encodeURI(s).replace(/%25(?=zz|$)/g, "%")).join("/")}`,
    ),
);
const target = mostly(
  fc.constantFrom(`${TARGET}.GetThing`, `${TARGET}.ListThings`, `${TARGET}.DeleteThing`),
  fc.oneof(
    fc.constantFrom(
      `${TARGET}.`,
      TARGET,
      `${TARGET}.__proto__`,
      `${TARGET}.constructor`,
      "",
      "GetThing",
    ),
    fc.string({ maxLength: 40 }).map((s) => `${TARGET}.${s}`),
    headerValue,
  ),
);
const contentType = mostly(
  fc.constantFrom("application/x-amz-json-1.1", "application/x-amz-json-1.0; charset=utf-8"),
  fc.oneof(fc.constantFrom("application/json", "text/plain", ""), headerValue),
);

const protoKeys = fc.constantFrom(
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
);
const protoObject = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.jsonValue({ maxDepth: 1 }),
    fc.dictionary(
      fc.oneof(
        protoKeys,
        fc.constantFrom("thingId", "filter", "tags", "attributes", "names", "any", "maxResults"),
      ),
      tie("node"),
      { maxKeys: 4 },
    ),
  ),
})).node;

const enc = new TextEncoder();
const body = fc.oneof(
  fc.constant(""),
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v) ?? ""),
  protoObject
    .map((v) => JSON.stringify(v) ?? "")
    .map((s) => s.replace(/"__proto__"/g, '"__proto__"')),
  // Valid-looking inputs with wrong types or values.
  fc
    .record({ thingId: fc.oneof(fc.string({ maxLength: 80 }), fc.integer(), fc.constant(null)) })
    .map((v) => JSON.stringify(v)),
  fc
    .record(
      { maxResults: fc.oneof(fc.integer(), fc.double(), fc.string()), filter: fc.anything() },
      { requiredKeys: [] },
    )
    .map((v) => JSON.stringify(v) ?? "{}"),
  // Truncated JSON.
  fc.tuple(fc.jsonValue({ maxDepth: 3 }), fc.nat()).map(([v, n]) => {
    const s = JSON.stringify(v) ?? "";
    return s.slice(0, s.length === 0 ? 0 : n % s.length);
  }),
  // Deep nesting, up to 100x the limit.
  fc
    .tuple(fc.integer({ min: 1, max: 3_200 }), fc.constantFrom("[", '{"a":', '{"filter":{"any":'))
    .map(([n, open]) => open.repeat(n)),
  fc.integer({ min: 1, max: 3_200 }).map((n) => `${"[".repeat(n)}${"]".repeat(n)}`),
  // Over the size limit.
  fc.integer({ min: MAX_BODY + 1, max: MAX_BODY * 4 }).map((n) => `{"thingId":"${"x".repeat(n)}"}`),
  // Arbitrary bytes (mostly invalid UTF-8).
  fc.uint8Array({ maxLength: 200 }),
  fc.uint8Array({ maxLength: 20 }).map((bytes) => {
    const b = enc.encode('{"thingId":"');
    const out = new Uint8Array(b.length + bytes.length + 2);
    out.set(b);
    out.set(
      bytes.map((x) => x | 0x80),
      b.length,
    );
    out.set(enc.encode('"}'), b.length + bytes.length);
    return out;
  }),
);
const extraHeaders = fc.dictionary(
  fc.oneof(
    token.map((t) => t.toLowerCase()),
    fc.constantFrom(
      "authorization",
      "x-amz-date",
      "content-length",
      "x-amz-security-token",
      "content-encoding",
    ),
  ),
  headerValue,
  { maxKeys: 3 },
);
const query = fc.dictionary(
  fc.oneof(
    fc.string({ maxLength: 8 }),
    fc.constantFrom("X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Signature"),
  ),
  fc.string({ maxLength: 12 }),
  { maxKeys: 3 },
);

const badRequest = fc.record({
  method,
  path,
  target,
  contentType,
  body,
  extraHeaders,
  query,
  includeTarget: mostly(fc.constant(true), fc.constant(false)),
});
type BadRequest = typeof badRequest extends fc.Arbitrary<infer T> ? T : never;

function toRequest(r: BadRequest): Request | undefined {
  const headers = new Headers();
  try {
    if (r.includeTarget) headers.set("x-amz-target", r.target);
    if (r.contentType !== "") headers.set("content-type", r.contentType);
    for (const [k, v] of Object.entries(r.extraHeaders))
      if (k !== "content-length") headers.set(k, v);
    const url = new URL(`http://127.0.0.1${r.path}`);
    for (const [k, v] of Object.entries(r.query)) url.searchParams.append(k, v);
    const noBody = r.method === "GET" || r.method === "HEAD";
    return new Request(url, { method: r.method, headers, ...(noBody ? {} : { body: r.body }) });
  } catch {
    return undefined; // A request Fetch itself refuses to build (e.g. CONNECT, TRACE) never reaches a handler.
  }
}

async function check(h: (request: Request) => Promise<Response>, r: BadRequest): Promise<void> {
  const request = toRequest(r);
  if (!request) return;
  const response = await h(request);
  const status = response.status;
  // 200 is allowed: a generated request may happen to be valid.
  expect(
    status === 200 || (status >= 400 && status < 500) || status === 501,
    `status ${status}`,
  ).toBe(true);
  const text = await response.text();
  if (status !== 200) {
    const type = response.headers.get("x-amzn-errortype");
    let parsed: any;
    if (r.method !== "HEAD") parsed = JSON.parse(text);
    expect(type || parsed?.__type, "an error type is named").toBeTruthy();
  }
  expect(Object.prototype).not.toHaveProperty("polluted");
  expect(({} as any).thingId).toBeUndefined();
}

async function stillGood(h: (request: Request) => Promise<Response>): Promise<void> {
  const response = await h(jsonRequest("GetThing", '{"thingId":"still-ok"}'));
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ thing: { thingId: "still-ok", size: 3 } });
}

describe("robustness (fast-check)", () => {
  it("answers 2000 generated bad requests with a named 4xx, then still serves", async () => {
    await fc.assert(
      fc.asyncProperty(badRequest, (r) => check(handle, r)),
      { numRuns: 2000, seed: 20240501 },
    );
    await stillGood(handle);
  });

  it("answers 500 generated requests to an authenticated handler without a 5xx", async () => {
    await fc.assert(
      fc.asyncProperty(badRequest, async (r) => {
        const request = toRequest(r);
        if (!request) return;
        const response = await signedHandle(request);
        expect(response.status === 403 || (response.status >= 400 && response.status < 500)).toBe(
          true,
        );
        expect(response.headers.get("x-amzn-errortype")).toBeTruthy();
      }),
      { numRuns: 500 },
    );
  });
});

describe("robustness over node:http (fast-check)", () => {
  let server: ReturnType<typeof createNodeServer>;
  let port: number;
  beforeAll(async () => {
    server = createNodeServer(handle, { bodyTimeoutMs: 500, headersTimeoutMs: 500 });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  function send(bytes: Buffer): Promise<string> {
    return new Promise((resolve) => {
      const socket = connect(port, "127.0.0.1");
      let received = "";
      const finish = () => {
        clearTimeout(timer);
        socket.destroy();
        resolve(received);
      };
      const timer = setTimeout(finish, 5_000);
      socket.on("data", (d) => {
        received += d.toString("latin1");
      });
      socket.on("close", finish);
      socket.on("error", finish);
      socket.end(bytes);
    });
  }

  it("answers 300 generated raw HTTP requests (wrong lengths, bad bytes) and stays up", async () => {
    const lengthSkew = fc.oneof(fc.constant(0), fc.integer({ min: -5, max: 5 }), fc.constant(null));
    await fc.assert(
      fc.asyncProperty(badRequest, lengthSkew, async (r, skew) => {
        const payload = typeof r.body === "string" ? Buffer.from(r.body) : Buffer.from(r.body);
        const lines = [`${r.method} ${r.path} HTTP/1.1`, "Host: 127.0.0.1", "Connection: close"];
        if (r.includeTarget) lines.push(`X-Amz-Target: ${r.target.replace(/[\r\n]/g, "")}`);
        if (r.contentType) lines.push(`Content-Type: ${r.contentType}`);
        if (skew !== null) lines.push(`Content-Length: ${Math.max(0, payload.length + skew)}`);
        else lines.push("Transfer-Encoding: chunked");
        const chunked = Buffer.concat([
          Buffer.from(`${payload.length.toString(16)}\r\n`),
          payload,
          Buffer.from("\r\n0\r\n\r\n"),
        ]);
        const text = await send(
          Buffer.concat([
            Buffer.from(`${lines.join("\r\n")}\r\n\r\n`),
            skew === null ? chunked : payload,
          ]),
        );
        // Every request is answered with a status line (node itself answers unparseable ones).
        const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1]);
        expect(
          status === 200 || (status >= 400 && status < 500) || status === 501,
          text.slice(0, 200),
        ).toBe(true);
      }),
      { numRuns: 300 },
    );
    const response = await fetch(`http://127.0.0.1:${port}/`, {
      method: "POST",
      headers: {
        "content-type": "application/x-amz-json-1.1",
        "x-amz-target": `${TARGET}.GetThing`,
      },
      body: '{"thingId":"after"}',
    });
    expect(response.status).toBe(200);
  });
});
