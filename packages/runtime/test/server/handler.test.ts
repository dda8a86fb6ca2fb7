import { describe, expect, it } from "vitest";
import { createHandler, ServiceError } from "../../src/server/index.js";
import {
  errorType,
  InvalidInputException,
  impl,
  internalException,
  jsonRequest,
  operations,
  service,
} from "./thing-service.js";

function handlerWithLog(
  extra: Parameters<typeof createHandler>[3] = {},
  implementation: object = impl,
) {
  const lines: string[] = [];
  const handle = createHandler(service, operations, implementation, {
    logger: (line) => lines.push(line),
    ...extra,
  });
  return { handle, lines };
}

describe("createHandler (awsJson1_1)", () => {
  it("routes by X-Amz-Target, runs the operation and serializes its output", async () => {
    const { handle, lines } = handlerWithLog();
    const response = await handle(jsonRequest("GetThing", '{"thingId":"abc"}'));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/x-amz-json-1.1");
    expect(response.headers.get("x-amzn-requestid")).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get("date")).toBeTruthy();
    expect(await response.json()).toEqual({ thing: { thingId: "abc", size: 3 } });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("GetThing 200 -");
  });

  it("passes the context: operation, request id, headers, signal", async () => {
    let seen: any;
    const { handle } = handlerWithLog(
      {},
      {
        async ListThings(_input: unknown, context: unknown) {
          seen = context;
          return { thingIds: [] };
        },
      },
    );
    const response = await handle(jsonRequest("ListThings", "{}", { "x-custom": "1" }));
    expect(response.status).toBe(200);
    expect(seen.operation).toBe("ListThings");
    expect(seen.requestId).toBe(response.headers.get("x-amzn-requestid"));
    expect(seen.headers["x-custom"]).toBe("1");
    expect(seen.signal).toBeInstanceOf(AbortSignal);
    expect({ ...seen }.signal).toBe(seen.signal); // a copy carries the signal too
    expect(Object.keys(seen)).toEqual(["operation", "requestId", "headers", "signal"]);
    expect(seen.principal).toBeUndefined();
  });

  it("accepts an empty body as an empty input", async () => {
    const { handle } = handlerWithLog();
    const response = await handle(jsonRequest("ListThings", ""));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ thingIds: ["t-0", "t-1"] });
  });

  it("answers invalid input with the service's validation error naming the member", async () => {
    const { handle } = handlerWithLog();
    const response = await handle(
      jsonRequest("GetThing", JSON.stringify({ thingId: "x".repeat(65) })),
    );
    expect(response.status).toBe(400);
    const { type, body } = await errorType(response);
    expect(type).toBe("InvalidInputException");
    expect(body.message).toContain("thingId");
    // Required members of the modeled error are present, so typed clients can read it.
    expect(body.errorCode).toBe("INVALID_THING_ID");
    expect(body.canRetry).toBe(false);
  });

  it("answers a missing required member with the validation error", async () => {
    const { handle } = handlerWithLog();
    const { type, body } = await errorType(await handle(jsonRequest("GetThing", "{}")));
    expect(type).toBe("InvalidInputException");
    expect(body.message).toContain("thingId");
  });

  it("uses options.validationError when given, and rejects unknown names at creation", async () => {
    const { handle } = handlerWithLog({ validationError: "ThrottledException" });
    const response = await handle(jsonRequest("GetThing", "{}"));
    expect((await errorType(response)).type).toBe("ThrottledException");
    expect(() => createHandler(service, operations, impl, { validationError: "Nope" })).toThrow(
      /Nope/,
    );
  });

  it("refuses options it does not know (a misplaced sigv4 would check no signature)", () => {
    const credentials = async () => ({ secretAccessKey: "s" });
    expect(() =>
      createHandler(service, operations, impl, { sigv4: { credentials } } as any),
    ).toThrow("unknown handler option 'sigv4' (did you mean auth.sigv4?)");
    expect(() => createHandler(service, operations, impl, { maxBodyByte: 10 } as any)).toThrow(
      "unknown handler option 'maxBodyByte'",
    );
    expect(() =>
      createHandler(service, operations, impl, { auth: { credentials } } as any),
    ).toThrow("auth must be { sigv4: { credentials } }");
    expect(() =>
      createHandler(service, operations, impl, { auth: { sigv4: { credentials } } }),
    ).not.toThrow();
  });

  it("falls back to a generic 400 ValidationException when the service models none", async () => {
    const bare = { ...service, errors: [] };
    const ops = { GetThing: { ...operations.GetThing, errors: [] } };
    const handle = createHandler(bare, ops, impl);
    const response = await handle(jsonRequest("GetThing", "{}"));
    expect(response.status).toBe(400);
    expect((await errorType(response)).type).toBe("ValidationException");
  });

  it("sends modeled errors thrown as generated exception instances with the model's status", async () => {
    const { handle, lines } = handlerWithLog();
    const response = await handle(jsonRequest("GetThing", '{"thingId":"missing"}'));
    expect(response.status).toBe(404);
    const { type, body } = await errorType(response);
    expect(type).toBe("NoSuchThingException");
    expect(body).toMatchObject({
      __type: "NoSuchThingException",
      message: "No thing missing",
      thingId: "missing",
    });
    expect(lines[0]).toContain("GetThing 404 NoSuchThingException");
  });

  it("recognises ServiceError and plain { name } objects by the modeled error's name", async () => {
    const { handle } = handlerWithLog(
      {},
      {
        async GetThing(input: { thingId: string }) {
          if (input.thingId === "a") throw new ServiceError("ThrottledException", "slow down");
          if (input.thingId === "b")
            throw { name: "NoSuchThingException", message: "gone", thingId: "b" };
          if (input.thingId === "c")
            throw new ServiceError("TeapotException", "short and stout", { statusCode: 418 });
          throw new InvalidInputException({
            message: "bad",
            errorCode: "INVALID_TOKEN",
            canRetry: true,
          });
        },
      },
    );
    const a = await handle(jsonRequest("GetThing", '{"thingId":"a"}'));
    expect(a.status).toBe(429);
    expect(await errorType(a)).toMatchObject({
      type: "ThrottledException",
      body: { message: "slow down" },
    });
    const b = await handle(jsonRequest("GetThing", '{"thingId":"b"}'));
    expect(b.status).toBe(404);
    expect((await errorType(b)).body).toMatchObject({ message: "gone", thingId: "b" });
    const c = await handle(jsonRequest("GetThing", '{"thingId":"c"}'));
    expect(c.status).toBe(418);
    expect((await errorType(c)).type).toBe("TeapotException");
    const d = await handle(jsonRequest("GetThing", '{"thingId":"d"}'));
    expect(d.status).toBe(400);
    expect((await errorType(d)).body).toMatchObject({
      errorCode: "INVALID_TOKEN",
      canRetry: true,
      message: "bad",
    });
  });

  it("turns an unmodeled throw into the service's internal error, logged, details not leaked", async () => {
    const { handle, lines } = handlerWithLog(
      {},
      {
        async GetThing() {
          throw new Error("database password is hunter2");
        },
      },
    );
    const response = await handle(jsonRequest("GetThing", '{"thingId":"a"}'));
    expect(response.status).toBe(500);
    const { type, body } = await errorType(response);
    expect(type).toBe("InternalException");
    expect(JSON.stringify(body)).not.toContain("hunter2");
    expect(lines[0]).toContain("GetThing 500 InternalException");
    expect(lines[0]).toContain("hunter2");
  });

  it("answers an internal failure with the operation's own internal error before the service's", async () => {
    const internalFailure = {
      ...internalException,
      id: "com.example.things#InternalFailure",
      members: { message: internalException.members.message! },
    };
    const svc = { ...service, errors: [internalFailure] };
    const ops = {
      GetThing: {
        ...operations.GetThing,
        errors: [...operations.GetThing.errors, internalException],
      },
      ListThings: operations.ListThings,
    };
    const failing = {
      async GetThing(): Promise<never> {
        throw new Error("boom");
      },
      async ListThings(): Promise<never> {
        throw new Error("boom");
      },
    };
    const handle = createHandler(svc, ops, failing);
    const own = await handle(jsonRequest("GetThing", '{"thingId":"a"}'));
    expect((await errorType(own)).type).toBe("InternalException");
    const common = await handle(jsonRequest("ListThings", "{}"));
    expect((await errorType(common)).type).toBe("InternalFailure");
  });

  it("validates outputs: an invalid one is a logged 500, unless validateOutput is false", async () => {
    const bad = {
      async ListThings() {
        return { nextToken: "x" };
      },
    };
    const { handle, lines } = handlerWithLog({}, bad);
    const response = await handle(jsonRequest("ListThings", "{}"));
    expect(response.status).toBe(500);
    expect((await errorType(response)).type).toBe("InternalException");
    expect(lines[0]).toMatch(/output failed validation.*thingIds/);
    const lax = createHandler(service, operations, bad, { validateOutput: false });
    expect((await lax(jsonRequest("ListThings", "{}"))).status).toBe(200);
  });

  it("answers an unimplemented operation with 501 NotImplementedException", async () => {
    const { handle } = handlerWithLog();
    const response = await handle(jsonRequest("DeleteThing", '{"thingId":"a"}'));
    expect(response.status).toBe(501);
    expect((await errorType(response)).type).toBe("NotImplementedException");
  });

  it("answers unknown, missing targets, other paths and methods with UnknownOperationException", async () => {
    const { handle } = handlerWithLog();
    const unknown = await handle(jsonRequest("Nope", "{}"));
    expect(unknown.status).toBe(400);
    expect((await errorType(unknown)).type).toBe("UnknownOperationException");
    const missing = await handle(
      new Request("http://127.0.0.1/", {
        method: "POST",
        headers: { "content-type": "application/x-amz-json-1.1" },
        body: "{}",
      }),
    );
    expect(missing.status).toBe(400);
    expect((await errorType(missing)).type).toBe("UnknownOperationException");
    const path = await handle(jsonRequest("GetThing", "{}", {}, "http://127.0.0.1/other"));
    expect(path.status).toBe(404);
    const get = await handle(
      new Request("http://127.0.0.1/", {
        headers: { "x-amz-target": "ThingService_20240101.GetThing" },
      }),
    );
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
    expect((await errorType(get)).type).toBe("UnknownOperationException");
  });

  it("answers a non-JSON content type with 415 UnsupportedMediaTypeException", async () => {
    const { handle } = handlerWithLog();
    const response = await handle(
      jsonRequest("GetThing", '{"thingId":"a"}', { "content-type": "text/plain" }),
    );
    expect(response.status).toBe(415);
    expect((await errorType(response)).type).toBe("UnsupportedMediaTypeException");
    const missing = new Request("http://127.0.0.1/", {
      method: "POST",
      headers: { "x-amz-target": "ThingService_20240101.GetThing" },
      body: new TextEncoder().encode('{"thingId":"a"}'),
    });
    expect((await handle(missing)).status).toBe(415);
  });

  it("answers malformed JSON, invalid UTF-8 and wrong types with SerializationException", async () => {
    const { handle } = handlerWithLog();
    for (const body of [
      '{"thingId":',
      "[1,2]",
      '"text"',
      '{"thingId": 5}',
      new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]),
    ]) {
      const response = await handle(jsonRequest("GetThing", body));
      expect(response.status).toBe(400);
      expect((await errorType(response)).type).toBe("SerializationException");
    }
  });

  it("bounds JSON nesting depth before parsing", async () => {
    const { handle } = handlerWithLog({ maxDepth: 10 });
    const deep = `{"filter":{"any":${"[".repeat(20)}${"]".repeat(20)}}}`;
    const response = await handle(jsonRequest("ListThings", deep));
    expect(response.status).toBe(400);
    const { type, body } = await errorType(response);
    expect(type).toBe("SerializationException");
    expect(body.message).toMatch(/nested more than 10/);
    const shallow = `{"filter":{"any":${"[".repeat(5)}${"]".repeat(5)}}}`;
    expect((await handle(jsonRequest("ListThings", shallow))).status).toBe(200);
    // Brackets inside strings are not nesting.
    const inString = JSON.stringify({ nextToken: "[".repeat(100) });
    expect((await handle(jsonRequest("ListThings", inString))).status).toBe(200);
  });

  it("answers a body over the limit with 413, declared or streamed", async () => {
    const { handle } = handlerWithLog({ maxBodyBytes: 100 });
    const big = JSON.stringify({ nextToken: "x".repeat(200) });
    const declared = await handle(jsonRequest("ListThings", big));
    expect(declared.status).toBe(413);
    expect((await errorType(declared)).type).toBe("RequestEntityTooLargeException");
    const chunks = [
      new TextEncoder().encode(big.slice(0, 80)),
      new TextEncoder().encode(big.slice(80)),
    ];
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.shift();
        if (next) controller.enqueue(next);
        else controller.close();
      },
    });
    const streamed = await handle(
      new Request("http://127.0.0.1/", {
        method: "POST",
        headers: {
          "content-type": "application/x-amz-json-1.1",
          "x-amz-target": "ThingService_20240101.ListThings",
        },
        body: stream,
        duplex: "half",
      } as RequestInit),
    );
    expect(streamed.status).toBe(413);
  });

  it("never reads more than the limit (+ one chunk) of an endless body, across many requests", async () => {
    const { handle } = handlerWithLog({ maxBodyBytes: 64 * 1024 });
    const chunk = new Uint8Array(16 * 1024).fill(0x20);
    let pulledMost = 0;
    for (let i = 0; i < 200; i++) {
      let pulled = 0;
      const endless = new ReadableStream<Uint8Array>({
        pull(controller) {
          pulled += chunk.byteLength;
          controller.enqueue(chunk); // 100 MiB if read to the end
          if (pulled >= 100 * 1024 * 1024) controller.close();
        },
      });
      const response = await handle(
        new Request("http://127.0.0.1/", {
          method: "POST",
          headers: {
            "content-type": "application/x-amz-json-1.1",
            "x-amz-target": "ThingService_20240101.ListThings",
          },
          body: endless,
          duplex: "half",
        } as RequestInit),
      );
      expect(response.status).toBe(413);
      pulledMost = Math.max(pulledMost, pulled);
    }
    // The stream may buffer one chunk ahead of the reader (its default high-water mark).
    expect(pulledMost).toBeLessThanOrEqual(64 * 1024 + 2 * chunk.byteLength);
  });

  it("keeps __proto__ and constructor keys harmless", async () => {
    let received: any;
    const { handle } = handlerWithLog(
      {},
      {
        async ListThings(input: unknown) {
          received = input;
          return { thingIds: [] };
        },
      },
    );
    const body =
      '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":2}},' +
      '"filter":{"__proto__":{"polluted":3},"tags":{"__proto__":"p","constructor":"c"}}}';
    const response = await handle(jsonRequest("ListThings", body));
    expect(response.status).toBe(200);
    expect(Object.prototype).not.toHaveProperty("polluted");
    expect(received.polluted).toBeUndefined();
    expect(received.filter.polluted).toBeUndefined();
    expect(received.filter.tags.polluted).toBeUndefined();
    expect(received.filter.tags.constructor).toBe("c");
  });

  it("accepts '__proto__' map keys as data, as own keys of plain objects", async () => {
    let received: any;
    const { handle } = handlerWithLog(
      {},
      {
        async ListThings(input: unknown) {
          received = input;
          return { thingIds: [] };
        },
      },
    );
    const body = '{"filter":{"attributes":{"__proto__":{"polluted":4},"a":{"b":1}}}}';
    const response = await handle(jsonRequest("ListThings", body));
    expect(response.status).toBe(200);
    expect(Object.prototype).not.toHaveProperty("polluted");
    const attributes = received.filter.attributes;
    expect(Object.getPrototypeOf(attributes)).toBe(Object.prototype);
    expect(Object.keys(attributes)).toEqual(["__proto__", "a"]);
    expect(Object.getOwnPropertyDescriptor(attributes, "__proto__")?.value).toEqual({
      polluted: 4,
    });
    expect(attributes.polluted).toBeUndefined();
  });

  it("never throws: a codec that throws unexpectedly becomes an answer", async () => {
    const broken = {
      serializeRequest() {
        throw new Error("unused");
      },
      async deserializeResponse() {
        return {};
      },
      deserializeRequest() {
        throw new RangeError("Maximum call stack size exceeded");
      },
      serializeResponse() {
        throw new Error("unused");
      },
      serializeError(_s: unknown, error: any, value: any) {
        return {
          statusCode: error.httpStatus ?? 400,
          headers: { "x-amzn-errortype": error.id.split("#")[1] },
          body: JSON.stringify(value),
        };
      },
    };
    const handle = createHandler(service, operations, impl, { protocol: broken });
    const response = await handle(jsonRequest("GetThing", '{"thingId":"a"}'));
    expect(response.status).toBe(400);
    expect(response.headers.get("x-amzn-errortype")).toBe("SerializationException");
  });

  it("writes one log line per request, and survives a throwing logger", async () => {
    const { handle, lines } = handlerWithLog();
    await handle(jsonRequest("GetThing", '{"thingId":"a"}'));
    await handle(jsonRequest("Nope", "{}"));
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/POST "\/" - 400 UnknownOperationException/);
    const noisy = createHandler(service, operations, impl, {
      logger: () => {
        throw new Error("disk full");
      },
    });
    expect((await noisy(jsonRequest("GetThing", '{"thingId":"a"}'))).status).toBe(200);
  });
});
