import { Client, createAggregatedClient } from "@smithy/smithy-client";
import type { MetadataBearer } from "@smithy/types";
import { afterEach, describe, expect, expectTypeOf, it, vi } from "vitest";
import { AwsClient, type AwsClientConfig } from "../../src/client/aws-client.js";
import { AwsCommand } from "../../src/client/aws-command.js";
import { FetchHttpHandler } from "../../src/client/fetch-http-handler.js";
import { createPaginator } from "../../src/client/paginator.js";
import { backoffDelay, classifyError } from "../../src/client/retry.js";
import { ProtocolError } from "../../src/protocol/errors.js";
import { ValidationException } from "../../src/validation/exception.js";
import {
  CreateWidget,
  credentials,
  DataOp,
  GetWidget,
  json,
  jsonService,
  ListWidgets,
  ResourceNotFoundException,
  restService,
  startServer,
  WidgetServiceException,
} from "./fixtures.js";

// What generated code looks like.
class WidgetsClient extends AwsClient {
  constructor(config: AwsClientConfig = {}) {
    super(jsonService, config);
  }
}
class RestWidgetsClient extends AwsClient {
  constructor(config: AwsClientConfig = {}) {
    super(restService, config);
  }
}
type Out = MetadataBearer & Record<string, any>;
class CreateWidgetCommand extends AwsCommand<Record<string, unknown>, Out> {
  constructor(input: Record<string, unknown>) {
    super(CreateWidget, input);
  }
}
class GetWidgetCommand extends AwsCommand<Record<string, unknown>, Out> {
  constructor(input: Record<string, unknown>) {
    super(GetWidget, input);
  }
}
class ListWidgetsCommand extends AwsCommand<Record<string, unknown>, Out> {
  constructor(input: Record<string, unknown>) {
    super(ListWidgets, input);
  }
}
class GetDataCommand extends AwsCommand<Record<string, unknown>, Out> {
  constructor(input: Record<string, unknown>) {
    super(DataOp, input);
  }
}

const servers: { close(): Promise<void> }[] = [];
const clients: AwsClient[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const c of clients.splice(0)) c.destroy();
  for (const s of servers.splice(0)) await s.close();
});

async function setup(
  replies: Parameters<typeof startServer>[0],
  config: AwsClientConfig = {},
  rest = false,
) {
  const server = await startServer(replies);
  servers.push(server);
  const Ctor = rest ? RestWidgetsClient : WidgetsClient;
  const client = new Ctor({ region: "us-west-2", endpoint: server.url, credentials, ...config });
  clients.push(client);
  return { server, client };
}

describe("awsJson1_1 client against a real server", () => {
  it("sends a signed request and parses the response", async () => {
    const { server, client } = await setup([
      (_, res) => json(res, 200, { widget: { id: "w-1", created: 1700000000 } }),
    ]);
    const out = await client.send(
      new CreateWidgetCommand({ name: "gear", clientToken: "tok", tags: ["a"] }),
    );
    expect(out.widget).toEqual({ id: "w-1", created: new Date(1700000000000) });
    expect(out.$metadata).toEqual({
      httpStatusCode: 200,
      requestId: "req-123",
      extendedRequestId: undefined,
      cfId: undefined,
      attempts: 1,
      totalRetryDelay: 0,
    });
    const [req] = server.requests;
    expect(req!.method).toBe("POST");
    expect(req!.url).toBe("/");
    expect(req!.headers["x-amz-target"]).toBe("WidgetService.CreateWidget");
    expect(req!.headers["content-type"]).toBe("application/x-amz-json-1.1");
    expect(JSON.parse(req!.body)).toEqual({ name: "gear", clientToken: "tok", tags: ["a"] });
    expect(req!.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/us-west-2\/widgets\/aws4_request/,
    );
    expect(req!.signatureValid).toBe(true);
    expect(req!.headers.connection).toBe("keep-alive");
  });

  it("types send() by the command's output", () => {
    const client = new WidgetsClient({ region: "us-west-2", credentials });
    clients.push(client);
    const send = (input: Record<string, unknown>) => client.send(new CreateWidgetCommand(input));
    expectTypeOf(send).returns.resolves.toEqualTypeOf<Out>();
  });

  it("fills a missing idempotency token with a UUID", async () => {
    const { server, client } = await setup([(_, res) => json(res, 200, {})]);
    await client.send(new CreateWidgetCommand({ name: "gear" }));
    expect(JSON.parse(server.requests[0]!.body).clientToken).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it("validates input before sending, unless turned off", async () => {
    const { server, client } = await setup([(_, res) => json(res, 200, {})]);
    const error = await client
      .send(new CreateWidgetCommand({ name: "much too long a name" }))
      .catch((e: any) => e);
    expect(error).toBeInstanceOf(ValidationException);
    expect(error.name).toBe("ValidationException");
    expect(error.$fault).toBe("client");
    expect(error.message).toBe(
      "1 validation error detected: Value 'much too long a name' at 'name' failed to satisfy constraint: Member must have length less than or equal to 10",
    );
    expect(server.requests).toHaveLength(0);
    const lax = new WidgetsClient({
      region: "us-west-2",
      endpoint: server.url,
      credentials,
      validateInput: false,
    });
    clients.push(lax);
    await lax.send(new CreateWidgetCommand({ name: "much too long a name" }));
    expect(server.requests).toHaveLength(1);
  });

  it("throws modeled errors as their classes, unknown codes as the base exception", async () => {
    const { client } = await setup([
      (_, res) =>
        json(res, 404, {
          __type: "example.widgets#ResourceNotFoundException",
          message: "no such widget",
          resourceId: "w-9",
        }),
      (_, res) => json(res, 400, { __type: "SomethingNewException", message: "new" }),
    ]);
    const e1 = await client.send(new CreateWidgetCommand({ name: "a" })).catch((e: any) => e);
    expect(e1).toBeInstanceOf(ResourceNotFoundException);
    expect(e1).toBeInstanceOf(WidgetServiceException);
    expect(e1.name).toBe("ResourceNotFoundException");
    expect(e1.message).toBe("no such widget");
    expect(e1.resourceId).toBe("w-9");
    expect(e1.$fault).toBe("client");
    expect(e1.$metadata).toMatchObject({ httpStatusCode: 404, requestId: "req-123", attempts: 1 });
    const e2 = await client.send(new CreateWidgetCommand({ name: "a" })).catch((e: any) => e);
    expect(e2).toBeInstanceOf(WidgetServiceException);
    expect(e2.name).toBe("SomethingNewException");
    expect(e2.$metadata.httpStatusCode).toBe(400);
  });

  it("reports a response it cannot read with the response's status, request id and body", async () => {
    const { client } = await setup([
      (_, res) => json(res, 200, { widget: { id: "w-1", created: "not a timestamp" } }),
      (_, res) => {
        res.writeHead(200, { "content-type": "application/json", "x-amzn-requestid": "req-9" });
        res.end("<html>proxy error</html>");
      },
    ]);
    const wrongType = await client.send(new CreateWidgetCommand({ name: "a" })).catch((e) => e);
    expect(wrongType).toBeInstanceOf(ProtocolError);
    expect(wrongType.code).toBe("SerializationException");
    expect(wrongType.statusCode).toBe(200);
    expect(wrongType.message).toMatch(/inspect the hidden field \{error\}\.\$response/);
    expect(wrongType.$metadata).toMatchObject({
      httpStatusCode: 200,
      requestId: "req-123",
      attempts: 1,
    });
    expect(wrongType.$response.body).toContain("not a timestamp");
    expect(Object.keys(wrongType)).not.toContain("$response");
    const notJson = await client.send(new CreateWidgetCommand({ name: "a" })).catch((e) => e);
    expect(notJson.$metadata).toMatchObject({ httpStatusCode: 200, requestId: "req-9" });
    expect(notJson.$response).toMatchObject({ statusCode: 200, body: "<html>proxy error</html>" });
  });

  it("says what it is in x-amz-user-agent and user-agent, the caller's parts appended", async () => {
    const { server, client } = await setup([(_, res) => json(res, 200, {})], {
      customUserAgent: [["my-app", "1.2"], ["build tool"]],
    });
    await client.send(new CreateWidgetCommand({ name: "a" }));
    const ua = server.requests[0]!.headers["x-amz-user-agent"];
    expect(ua).toMatch(
      /^docsmith-js\/\S+ ua\/2\.1 api\/widgets#2024-01-01 lang\/js md\/nodejs#\d+\.\d+\.\d+ os\/\w+ my-app\/1\.2 build-tool$/,
    );
    expect(server.requests[0]!.headers["user-agent"]).toBe(ua);
    expect(server.requests[0]!.signatureValid).toBe(true);
    const { server: other, client: plain } = await setup([(_, res) => json(res, 200, {})], {
      customUserAgent: "suite/7",
    });
    plain.middlewareStack.add(
      (next) => (args: any) => {
        args.request.headers["x-amz-user-agent"] += " from-middleware";
        return next(args);
      },
      { step: "build", name: "uaTest" },
    );
    await plain.send(new CreateWidgetCommand({ name: "a" }));
    expect(other.requests[0]!.headers["x-amz-user-agent"]).toMatch(/ suite\/7 from-middleware$/);
  });

  it("supports the callback form of send", async () => {
    const { client } = await setup([(_, res) => json(res, 200, { widget: { id: "cb" } })]);
    const out = await new Promise<Out>((resolve, reject) =>
      client.send(new CreateWidgetCommand({ name: "a" }), (err: unknown, data?: Out) =>
        err ? reject(err) : resolve(data!),
      ),
    );
    expect(out.widget.id).toBe("cb");
  });
});

describe("restJson1 client against a real server", () => {
  it("puts labels, query and headers on the wire, and reads header-bound output", async () => {
    const { server, client } = await setup(
      [(_, res) => json(res, 200, { widget: { id: "a b/c" } }, { etag: '"v1"' })],
      {},
      true,
    );
    const out = await client.send(new GetWidgetCommand({ widgetId: "a b/c", verbose: true }));
    expect(out.widget.id).toBe("a b/c");
    expect(out.etag).toBe('"v1"');
    const [req] = server.requests;
    expect(req!.method).toBe("GET");
    expect(req!.url).toBe("/widgets/a%20b%2Fc?verbose=true");
    expect(req!.body).toBe("");
    expect(req!.headers["content-type"]).toBeUndefined();
    expect(req!.signatureValid).toBe(true);
  });

  it("sends list headers and a JSON body", async () => {
    const { server, client } = await setup([(_, res) => json(res, 200, {})], {}, true);
    await client.send(new CreateWidgetCommand({ name: "n", clientToken: "t", tags: ["x", "y,z"] }));
    const [req] = server.requests;
    expect(req!.url).toBe("/widgets");
    expect(req!.headers["x-tags"]).toBe('x, "y,z"');
    expect(req!.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(req!.body)).toEqual({ name: "n", clientToken: "t" });
    expect(req!.signatureValid).toBe(true);
  });

  it("reads the error type from x-amzn-errortype", async () => {
    const { client } = await setup(
      [
        (_, res) =>
          json(
            res,
            404,
            { message: "gone" },
            { "x-amzn-errortype": "ResourceNotFoundException:http://internal/" },
          ),
      ],
      {},
      true,
    );
    const e = await client.send(new GetWidgetCommand({ widgetId: "w" })).catch((x: any) => x);
    expect(e).toBeInstanceOf(ResourceNotFoundException);
    expect(e.message).toBe("gone");
  });

  it("paginates until the service returns no token", async () => {
    const { server, client } = await setup(
      [
        (_, res) => json(res, 200, { items: ["a"], nextToken: "t1" }),
        (_, res) => json(res, 200, { items: ["b"], nextToken: "t2" }),
        (_, res) => json(res, 200, { items: ["c"] }),
      ],
      {},
      true,
    );
    const paginate = createPaginator(
      AwsClient,
      ListWidgetsCommand,
      "nextToken",
      "nextToken",
      "maxResults",
    );
    const items: string[] = [];
    for await (const page of paginate({ client, pageSize: 1 }, {})) items.push(...page.items);
    expect(items).toEqual(["a", "b", "c"]);
    expect(server.requests.map((r) => r.url)).toEqual([
      "/widgets?maxResults=1",
      "/widgets?nextToken=t1&maxResults=1",
      "/widgets?nextToken=t2&maxResults=1",
    ]);
  });
});

describe("retries, timeouts and aborts", () => {
  it("retries 5xx and throttling with backoff, then succeeds", async () => {
    vi.spyOn(Math, "random").mockReturnValue(0.01);
    const { server, client } = await setup([
      (_, res) => json(res, 503, { __type: "ServiceUnavailable" }),
      (_, res) => json(res, 400, { __type: "ThrottlingException" }),
      (_, res) => json(res, 200, { widget: { id: "ok" } }),
    ]);
    const out = await client.send(new CreateWidgetCommand({ name: "a", clientToken: "same" }));
    expect(out.widget.id).toBe("ok");
    expect(out.$metadata.attempts).toBe(3);
    // 0.01 * 2^1 * 100 = 2 ms, then throttling: 0.01 * 2^2 * 500 = 20 ms
    expect(out.$metadata.totalRetryDelay).toBe(22);
    expect(server.requests).toHaveLength(3);
    expect(server.requests.every((r) => r.signatureValid)).toBe(true);
    expect(new Set(server.requests.map((r) => JSON.parse(r.body).clientToken))).toEqual(
      new Set(["same"]),
    );
  });

  it("corrects a skewed clock from the Date header and retries", async () => {
    vi.spyOn(Math, "random").mockReturnValue(0);
    const ahead = Date.now() + 3_600_000; // the service's clock is an hour ahead of ours
    const { server, client } = await setup([
      (_, res) =>
        json(
          res,
          403,
          { __type: "InvalidSignatureException", message: "Signature expired" },
          { date: new Date(ahead).toUTCString() },
        ),
      (_, res) => json(res, 200, { widget: { id: "in-time" } }),
    ]);
    const out = await client.send(new CreateWidgetCommand({ name: "a" }));
    expect(out.widget.id).toBe("in-time");
    const amzDate = (r: { headers: Record<string, string> }) => {
      const d = r.headers["x-amz-date"]!;
      return Date.UTC(
        +d.slice(0, 4),
        +d.slice(4, 6) - 1,
        +d.slice(6, 8),
        +d.slice(9, 11),
        +d.slice(11, 13),
        +d.slice(13, 15),
      );
    };
    expect(Math.abs(amzDate(server.requests[0]!) - Date.now())).toBeLessThan(60_000);
    expect(Math.abs(amzDate(server.requests[1]!) - ahead)).toBeLessThan(60_000);
    expect(server.requests[1]!.signatureValid).toBe(true);

    // A signature error without skew (a wrong key) is not retried.
    const { server: s2, client: c2 } = await setup([
      (_, res) => json(res, 403, { __type: "InvalidSignatureException" }),
    ]);
    const e = await c2.send(new CreateWidgetCommand({ name: "a" })).catch((x: any) => x);
    expect(e.name).toBe("InvalidSignatureException");
    expect(s2.requests).toHaveLength(1);
  });

  it("stops at maxAttempts and does not retry client errors", async () => {
    vi.spyOn(Math, "random").mockReturnValue(0);
    const { server, client } = await setup(
      [(_, res) => json(res, 500, { __type: "InternalFailure" })],
      { maxAttempts: 2 },
    );
    const e = await client.send(new CreateWidgetCommand({ name: "a" })).catch((x: any) => x);
    expect(e.name).toBe("InternalFailure");
    expect(e.$fault).toBe("server");
    expect(e.$metadata.attempts).toBe(2);
    expect(server.requests).toHaveLength(2);

    const { server: s2, client: c2 } = await setup([
      (_, res) => json(res, 404, { __type: "ResourceNotFoundException" }),
    ]);
    const e2 = await c2.send(new CreateWidgetCommand({ name: "a" })).catch((x: any) => x);
    expect(e2).toBeInstanceOf(ResourceNotFoundException);
    expect(s2.requests).toHaveLength(1);
  });

  it("retries network errors", async () => {
    vi.spyOn(Math, "random").mockReturnValue(0);
    const { server, client } = await setup([
      (_, res) => {
        res.socket?.destroy();
      },
      (_, res) => json(res, 200, { widget: { id: "after-reset" } }),
    ]);
    const out = await client.send(new CreateWidgetCommand({ name: "a" }));
    expect(out.widget.id).toBe("after-reset");
    expect(out.$metadata.attempts).toBe(2);
    expect(server.requests).toHaveLength(2);
  });

  it("honours an abort signal mid-request and before sending", async () => {
    const { client } = await setup([
      (_, res) => {
        setTimeout(() => json(res, 200, {}), 2_000).unref();
      },
    ]);
    const controller = new AbortController();
    const pending = client.send(new CreateWidgetCommand({ name: "a" }), {
      abortSignal: controller.signal,
    });
    setTimeout(() => controller.abort(), 50);
    const e = await pending.catch((x: any) => x);
    expect(e.name).toBe("AbortError");
    expect(e.$metadata.attempts).toBe(1);
    const e2 = await client
      .send(new CreateWidgetCommand({ name: "a" }), { abortSignal: AbortSignal.abort() })
      .catch((x: any) => x);
    expect(e2.name).toBe("AbortError");
  });

  it("aborts during backoff", async () => {
    vi.spyOn(Math, "random").mockReturnValue(0.99);
    const controller = new AbortController();
    // Abort once the first attempt has been answered (so during the ~100 ms backoff, however
    // slow the machine), not at a fixed time that a busy machine may reach before the request.
    const { server, client } = await setup(
      [
        (_, res) => {
          json(res, 400, { __type: "ThrottlingException" });
          setTimeout(() => controller.abort(), 20);
        },
      ],
      { maxAttempts: 5 },
    );
    const pending = client.send(new CreateWidgetCommand({ name: "a" }), {
      abortSignal: controller.signal,
    });
    const e = await pending.catch((x: any) => x);
    expect(e.name).toBe("AbortError");
    expect(server.requests).toHaveLength(1);
  });

  it("times out an attempt after requestTimeout", async () => {
    const { client } = await setup(
      [
        (_, res) => {
          setTimeout(() => json(res, 200, {}), 2_000).unref();
        },
      ],
      { requestTimeout: 50, maxAttempts: 1 },
    );
    const e = await client.send(new CreateWidgetCommand({ name: "a" })).catch((x: any) => x);
    expect(e.name).toBe("TimeoutError");
    const e2 = await client
      .send(new CreateWidgetCommand({ name: "a" }), { requestTimeout: 30 })
      .catch((x: any) => x);
    expect(e2.name).toBe("TimeoutError");
  });

  it("keeps backoff within full-jitter bounds", () => {
    for (let attempt = 1; attempt <= 12; attempt++) {
      for (let i = 0; i < 50; i++) {
        const d = backoffDelay(attempt, "transient");
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThanOrEqual(Math.min(20_000, 2 ** attempt * 100));
        expect(backoffDelay(attempt, "throttling")).toBeLessThanOrEqual(
          Math.min(20_000, 2 ** attempt * 500),
        );
      }
    }
    expect(classifyError({ name: "X", $metadata: { httpStatusCode: 429 } })).toBe("throttling");
    expect(classifyError({ name: "X", $metadata: { httpStatusCode: 502 } })).toBe("transient");
    expect(classifyError({ name: "X", code: "ECONNRESET" })).toBe("transient");
    expect(classifyError({ name: "AbortError" })).toBeUndefined();
    expect(
      classifyError({ name: "ValidationException", $metadata: { httpStatusCode: 400 } }),
    ).toBeUndefined();
  });
});

describe("the fetch transport (the browser default)", () => {
  it("sends, signs, parses and honours timeouts and aborts", async () => {
    const { server, client } = await setup(
      [
        (_, res) => json(res, 200, { widget: { id: "via-fetch" } }),
        (_, res) => {
          setTimeout(() => json(res, 200, {}), 2_000).unref();
        },
      ],
      { requestHandler: new FetchHttpHandler(), maxAttempts: 1 },
      true,
    );
    const out = await client.send(new GetWidgetCommand({ widgetId: "w 1", verbose: false }));
    expect(out.widget.id).toBe("via-fetch");
    expect(out.$metadata.requestId).toBe("req-123");
    expect(server.requests[0]!.url).toBe("/widgets/w%201?verbose=false");
    expect(server.requests[0]!.signatureValid).toBe(true);
    const timedOut = await client
      .send(new GetWidgetCommand({ widgetId: "w" }), { requestTimeout: 50 })
      .catch((e: any) => e);
    expect(timedOut.name).toBe("TimeoutError");
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const aborted = await client
      .send(new GetWidgetCommand({ widgetId: "w" }), { abortSignal: controller.signal })
      .catch((e: any) => e);
    expect(aborted.name).toBe("AbortError");
  });
});

describe("configuration", () => {
  /** A transport that records the request and answers 200 {} without a network. */
  function capture() {
    const seen: any[] = [];
    const requestHandler = {
      handle: async (request: any) => {
        seen.push(request);
        return {
          response: {
            statusCode: 200,
            headers: { "Content-Type": "application/json" },
            body: "{}",
          },
        };
      },
    };
    return { seen, requestHandler };
  }

  it("builds the default endpoint from endpointPrefix and region, applying the host prefix", async () => {
    const { seen, requestHandler } = capture();
    const client = new WidgetsClient({ region: "eu-central-1", credentials, requestHandler });
    await client.send(new GetDataCommand({ account: "123" }));
    expect(seen[0]).toMatchObject({
      protocol: "https:",
      hostname: "data-123.widgets.eu-central-1.amazonaws.com",
      path: "/",
    });
    expect(seen[0].headers.host).toBe("data-123.widgets.eu-central-1.amazonaws.com");
    const cn = new WidgetsClient({
      region: "cn-north-1",
      credentials,
      requestHandler,
      disableHostPrefix: true,
    });
    await cn.send(new GetDataCommand({ account: "123" }));
    expect(seen[1].hostname).toBe("widgets.cn-north-1.amazonaws.com.cn");
  });

  it("passes the client's requestTimeout to a custom handler, a call's own winning", async () => {
    const seen: any[] = [];
    const requestHandler = {
      handle: async (_request: any, options: any) => {
        seen.push(options);
        return { response: { statusCode: 200, headers: {}, body: "{}" } };
      },
    };
    const client = new WidgetsClient({
      region: "us-east-1",
      credentials,
      requestHandler,
      requestTimeout: 1234,
    });
    await client.send(new CreateWidgetCommand({ name: "a" }));
    await client.send(new CreateWidgetCommand({ name: "a" }), { requestTimeout: 99 });
    expect(seen.map((o) => o.requestTimeout)).toEqual([1234, 99]);
  });

  it("takes endpoint providers, URLs and base paths", async () => {
    const { seen, requestHandler } = capture();
    const client = new RestWidgetsClient({
      region: "us-east-1",
      credentials: async () => ({ ...credentials, sessionToken: "session" }),
      requestHandler,
      endpoint: async () => new URL("http://localhost:8080/base/"),
    });
    await client.send(new GetWidgetCommand({ widgetId: "x" }));
    expect(seen[0]).toMatchObject({
      protocol: "http:",
      hostname: "localhost",
      port: 8080,
      path: "/base/widgets/x",
    });
    expect(seen[0].headers["x-amz-security-token"]).toBe("session");
  });

  it("takes the region from AWS_REGION, and says clearly when there is none", async () => {
    const { seen, requestHandler } = capture();
    vi.stubEnv("AWS_REGION", "ap-south-1");
    const client = new WidgetsClient({ credentials, requestHandler });
    await client.send(new CreateWidgetCommand({ name: "a" }));
    expect(seen[0].hostname).toBe("widgets.ap-south-1.amazonaws.com");
    expect(await client.config.region()).toBe("ap-south-1");
    vi.stubEnv("AWS_REGION", "");
    vi.stubEnv("AWS_DEFAULT_REGION", "");
    vi.stubEnv("AWS_CONFIG_FILE", "/nonexistent/config");
    const none = new WidgetsClient({ credentials, requestHandler });
    await expect(none.send(new CreateWidgetCommand({ name: "a" }))).rejects.toThrow(
      /Region is missing/,
    );
    vi.unstubAllEnvs();
  });

  it("runs user middleware from client.middlewareStack, even after handlers were cached", async () => {
    const { server, client } = await setup([(_, res) => json(res, 200, {})]);
    await client.send(new CreateWidgetCommand({ name: "a" }));
    client.middlewareStack.add(
      (next) => async (args: any) => {
        args.request.headers["x-custom"] = "yes";
        return next(args);
      },
      { step: "build", name: "custom" },
    );
    await client.send(new CreateWidgetCommand({ name: "a" }));
    expect(server.requests[0]!.headers["x-custom"]).toBeUndefined();
    expect(server.requests[1]!.headers["x-custom"]).toBe("yes");
    expect(server.requests[1]!.signatureValid).toBe(true);
    expect(client.middlewareStack.identify()).toEqual(
      expect.arrayContaining([
        "docsmithSerializeMiddleware - serialize",
        "custom - build",
        "docsmithRetryMiddleware - finalizeRequest",
        "docsmithSigningMiddleware - finalizeRequest",
        "docsmithDeserializeMiddleware - deserialize",
      ]),
    );
    client.middlewareStack.remove("custom");
    await client.send(new CreateWidgetCommand({ name: "a" }));
    expect(server.requests[2]!.headers["x-custom"]).toBeUndefined();
  });

  it("the server-side signature check catches a request changed after signing", async () => {
    const { server, client } = await setup([(_, res) => json(res, 200, {})]);
    client.middlewareStack.add(
      (next) => async (args: any) => {
        const body = args.request.body.replace('"a"', '"b"');
        return next({ ...args, request: { ...args.request, body } });
      },
      { step: "deserialize", name: "tamper", priority: "low" },
    );
    await client.send(new CreateWidgetCommand({ name: "a", clientToken: "t" }));
    expect(JSON.parse(server.requests[0]!.body).name).toBe("b");
    expect(server.requests[0]!.signatureValid).toBe(false);
  });

  it("runs a command's own middleware", async () => {
    const { server, client } = await setup([(_, res) => json(res, 200, {})]);
    const command = new CreateWidgetCommand({ name: "a" });
    command.middlewareStack.add(
      (next) => async (args: any) => {
        args.request.headers["x-per-command"] = "1";
        return next(args);
      },
      { step: "build" },
    );
    await client.send(command);
    await client.send(new CreateWidgetCommand({ name: "b" }));
    expect(server.requests[0]!.headers["x-per-command"]).toBe("1");
    expect(server.requests[1]!.headers["x-per-command"]).toBeUndefined();
  });

  it("also runs through @smithy/smithy-client's own send (resolveMiddleware)", async () => {
    const { server, client } = await setup([
      (_, res) => json(res, 200, { widget: { id: "base" } }),
    ]);
    const baseSend = Client.prototype.send as unknown as (
      this: AwsClient,
      command: unknown,
    ) => Promise<Out>;
    const out = await baseSend.call(client, new CreateWidgetCommand({ name: "a" }));
    expect(out.widget.id).toBe("base");
    expect(out.$metadata.attempts).toBe(1);
    expect(server.requests[0]!.signatureValid).toBe(true);
  });

  it("works as the base of an aggregated client", async () => {
    const { server } = await setup([(_, res) => json(res, 200, { widget: { id: "agg" } })]);
    class Widgets extends WidgetsClient {}
    createAggregatedClient({ CreateWidgetCommand }, Widgets);
    const client = new Widgets({ region: "us-west-2", endpoint: server.url, credentials });
    clients.push(client);
    const aggregated = client as Widgets & { createWidget(input: object): Promise<Out> };
    expect((await aggregated.createWidget({ name: "a" })).widget.id).toBe("agg");
  });
});
