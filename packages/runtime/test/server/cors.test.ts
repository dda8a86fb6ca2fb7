// Browsers on another origin: preflights answered and answers readable, only when cors is on.
import { describe, expect, it } from "vitest";
import { createHandler } from "../../src/server/index.js";
import { impl, jsonRequest, operations, service } from "./thing-service.js";

const preflight = (origin: string, headers = "content-type,x-amz-target,authorization") =>
  new Request("http://127.0.0.1/", {
    method: "OPTIONS",
    headers: {
      origin,
      "access-control-request-method": "POST",
      "access-control-request-headers": headers,
    },
  });

describe("cors", () => {
  it("is off by default: no preflight answer, no CORS headers", async () => {
    const handle = createHandler(service, operations, impl);
    const pre = await handle(preflight("http://localhost:5173"));
    expect(pre.status).toBe(405);
    expect(pre.headers.get("access-control-allow-origin")).toBeNull();
    const res = await handle(
      jsonRequest("GetThing", '{"thingId":"a"}', { origin: "http://localhost:5173" }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("true: answers any origin's preflight and exposes the answers' headers", async () => {
    const handle = createHandler(service, operations, impl, { cors: true });
    const pre = await handle(preflight("http://localhost:5173"));
    expect(pre.status).toBe(204);
    const expected = {
      "access-control-allow-origin": "*",
      "access-control-allow-methods": "POST",
      "access-control-allow-headers": "content-type,x-amz-target,authorization",
      "access-control-max-age": "600",
    };
    for (const [name, value] of Object.entries(expected)) {
      expect(pre.headers.get(name), name).toBe(value);
    }
    expect(await pre.text()).toBe("");
    const res = await handle(
      jsonRequest("GetThing", '{"thingId":"a"}', { origin: "http://localhost:5173" }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-expose-headers")).toBe("*");
    const error = await handle(jsonRequest("GetThing", "{", { origin: "http://a.example" }));
    expect(error.status).toBe(400);
    expect(error.headers.get("access-control-allow-origin")).toBe("*");
    // A same-origin request (no Origin) gets no CORS headers.
    const plain = await handle(jsonRequest("GetThing", '{"thingId":"a"}'));
    expect(plain.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("a list of origins: those are echoed (Vary: Origin), others refused", async () => {
    const handle = createHandler(service, operations, impl, {
      cors: { origins: ["http://localhost:5173"], maxAgeSeconds: 60 },
    });
    const ok = await handle(preflight("http://localhost:5173"));
    expect(ok.status).toBe(204);
    expect(ok.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
    expect(ok.headers.get("access-control-max-age")).toBe("60");
    expect(ok.headers.get("vary")).toBe("Origin");
    const refused = await handle(preflight("http://evil.example"));
    expect(refused.status).toBe(403);
    expect(refused.headers.get("access-control-allow-origin")).toBeNull();
    const res = await handle(
      jsonRequest("GetThing", '{"thingId":"a"}', { origin: "http://evil.example" }),
    );
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
    expect(() => createHandler(service, operations, impl, { cors: { maxAgeSeconds: -1 } })).toThrow(
      /maxAgeSeconds/,
    );
  });
});
