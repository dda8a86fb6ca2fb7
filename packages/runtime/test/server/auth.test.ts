import { Sha256 } from "@aws-crypto/sha256-js";
import { SignatureV4 } from "@smithy/signature-v4";
import type { HttpRequest } from "@smithy/types";
import { describe, expect, it } from "vitest";
import { createHandler } from "../../src/server/index.js";
import { errorType, impl, operations, service } from "./thing-service.js";

const NOW = Date.UTC(2024, 4, 1, 12, 0, 0);
const KEYS: Record<string, { secretAccessKey: string; sessionToken?: string }> = {
  AKIDEXAMPLE: { secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" },
  ASIATEMP: { secretAccessKey: "temp-secret", sessionToken: "session-token-1" },
};

let principal: string | undefined;
const handle = createHandler(
  service,
  operations,
  {
    ...impl,
    async ListThings(_input: unknown, context: { principal?: string }) {
      principal = context.principal;
      return { thingIds: [] };
    },
  },
  {
    auth: {
      sigv4: {
        credentials: async (id) => KEYS[id],
        region: "us-east-1",
        now: () => NOW,
      },
    },
  },
);

const BODY = '{"maxResults":3}';

function unsigned(extraQuery: Record<string, string> = {}): HttpRequest {
  return {
    method: "POST",
    protocol: "http:",
    hostname: "127.0.0.1",
    port: 8080,
    path: "/",
    query: extraQuery,
    headers: {
      host: "127.0.0.1:8080",
      "content-type": "application/x-amz-json-1.1",
      "x-amz-target": "ThingService_20240101.ListThings",
    },
    body: BODY,
  };
}

async function sign(
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string },
  options: { date?: number; service?: string; region?: string } = {},
): Promise<HttpRequest> {
  const signer = new SignatureV4({
    credentials,
    region: options.region ?? "us-east-1",
    service: options.service ?? "things",
    sha256: Sha256,
  });
  return signer.sign(unsigned(), { signingDate: new Date(options.date ?? NOW) });
}

async function presign(
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string },
  options: { date?: number; expiresIn?: number } = {},
): Promise<HttpRequest> {
  const signer = new SignatureV4({
    credentials,
    region: "us-east-1",
    service: "things",
    sha256: Sha256,
  });
  return signer.presign(unsigned({ keep: "me too" }), {
    signingDate: new Date(options.date ?? NOW),
    expiresIn: options.expiresIn ?? 300,
    // The operation travels in its header; a presigner would otherwise hoist it into the query.
    unhoistableHeaders: new Set(["x-amz-target"]),
  });
}

function toFetch(signed: HttpRequest, body: string = BODY): Request {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(signed.query ?? {})) {
    for (const item of Array.isArray(v) ? v : [v]) if (item != null) query.append(k, item);
  }
  const qs = query.toString().replace(/\+/g, "%20");
  return new Request(`http://127.0.0.1:8080${signed.path}${qs ? `?${qs}` : ""}`, {
    method: signed.method,
    headers: signed.headers,
    body,
  });
}

async function answer(request: Request) {
  const response = await handle(request);
  const { type, body } = await errorType(response);
  return { status: response.status, type, message: body?.message as string | undefined };
}

const good = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: KEYS.AKIDEXAMPLE!.secretAccessKey };

describe("SigV4 verification", () => {
  it("accepts a correctly signed request and passes the access key id as principal", async () => {
    principal = undefined;
    const response = await handle(toFetch(await sign(good)));
    expect(response.status).toBe(200);
    expect(principal).toBe("AKIDEXAMPLE");
  });

  it("rejects a wrong secret with 403 InvalidSignatureException", async () => {
    const result = await answer(toFetch(await sign({ ...good, secretAccessKey: "wrong" })));
    expect(result).toMatchObject({ status: 403, type: "InvalidSignatureException" });
    expect(result.message).toMatch(
      /^The request signature we calculated does not match the signature you provided/,
    );
  });

  it("rejects an unknown access key id with 403 UnrecognizedClientException", async () => {
    const result = await answer(toFetch(await sign({ ...good, accessKeyId: "AKIDUNKNOWN" })));
    expect(result).toMatchObject({ status: 403, type: "UnrecognizedClientException" });
    expect(result.message).toBe("The security token included in the request is invalid.");
  });

  it("rejects a request without authentication with 403 MissingAuthenticationTokenException", async () => {
    const result = await answer(toFetch(unsigned()));
    expect(result).toMatchObject({ status: 403, type: "MissingAuthenticationTokenException" });
  });

  it("rejects a body changed after signing", async () => {
    const result = await answer(toFetch(await sign(good), '{"maxResults":4}'));
    expect(result).toMatchObject({ status: 403, type: "InvalidSignatureException" });
  });

  it("rejects clock skew over 15 minutes either way, accepts it under", async () => {
    const past = await answer(toFetch(await sign(good, { date: NOW - 16 * 60_000 })));
    expect(past).toMatchObject({ status: 403, type: "InvalidSignatureException" });
    expect(past.message).toBe(
      "Signature expired: 20240501T114400Z is now earlier than 20240501T114500Z (20240501T120000Z - 15 min.)",
    );
    const future = await answer(toFetch(await sign(good, { date: NOW + 16 * 60_000 })));
    expect(future).toMatchObject({ status: 403, type: "InvalidSignatureException" });
    expect(future.message).toMatch(
      /^Signature not yet current: 20240501T121600Z is still later than/,
    );
    expect((await handle(toFetch(await sign(good, { date: NOW - 14 * 60_000 })))).status).toBe(200);
  });

  it("rejects a scope for another service or region", async () => {
    const otherService = await answer(toFetch(await sign(good, { service: "s3" })));
    expect(otherService).toMatchObject({ status: 403, type: "InvalidSignatureException" });
    expect(otherService.message).toMatch(/scoped to correct service: 'things'/);
    const otherRegion = await answer(toFetch(await sign(good, { region: "eu-west-1" })));
    expect(otherRegion.message).toMatch(/valid region, not 'eu-west-1'/);
  });

  it("checks session tokens against the credentials lookup", async () => {
    const temp = { accessKeyId: "ASIATEMP", secretAccessKey: "temp-secret" };
    expect(
      (await handle(toFetch(await sign({ ...temp, sessionToken: "session-token-1" })))).status,
    ).toBe(200);
    const wrongToken = await answer(toFetch(await sign({ ...temp, sessionToken: "forged" })));
    expect(wrongToken).toMatchObject({ status: 403, type: "UnrecognizedClientException" });
    const noToken = await answer(toFetch(await sign(temp)));
    expect(noToken).toMatchObject({ status: 403, type: "UnrecognizedClientException" });
  });

  it("rejects a malformed Authorization header with IncompleteSignatureException", async () => {
    const signed = await sign(good);
    signed.headers.authorization =
      "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240501/us-east-1/things/aws4_request";
    expect(await answer(toFetch(signed))).toMatchObject({
      status: 400,
      type: "IncompleteSignatureException",
    });
    signed.headers.authorization = "Bearer abc";
    expect(await answer(toFetch(signed))).toMatchObject({
      status: 400,
      type: "IncompleteSignatureException",
    });
  });

  it("accepts a presigned request and rejects a tampered or expired one", async () => {
    principal = undefined;
    const presigned = await presign(good);
    const ok = await handle(toFetch(presigned));
    expect(ok.status).toBe(200);
    expect(principal).toBe("AKIDEXAMPLE");

    const tampered = await presign(good);
    tampered.query!.keep = "changed";
    expect(await answer(toFetch(tampered))).toMatchObject({
      status: 403,
      type: "InvalidSignatureException",
    });

    const wrongSecret = await presign({ ...good, secretAccessKey: "nope" });
    expect(await answer(toFetch(wrongSecret))).toMatchObject({
      status: 403,
      type: "InvalidSignatureException",
    });

    const unknown = await presign({ ...good, accessKeyId: "AKIDUNKNOWN" });
    expect(await answer(toFetch(unknown))).toMatchObject({
      status: 403,
      type: "UnrecognizedClientException",
    });

    const expired = await answer(
      toFetch(await presign(good, { date: NOW - 10 * 60_000, expiresIn: 60 })),
    );
    expect(expired).toMatchObject({ status: 403, type: "InvalidSignatureException" });
    expect(expired.message).toMatch(/^Signature expired/);
  });

  it("authenticates before routing: an unknown operation unsigned gets 403, signed 400", async () => {
    const unknown = unsigned();
    unknown.headers["x-amz-target"] = "ThingService_20240101.NoSuchOperation";
    expect(await answer(toFetch(unknown))).toMatchObject({
      status: 403,
      type: "MissingAuthenticationTokenException",
    });
    const signer = new SignatureV4({
      credentials: good,
      region: "us-east-1",
      service: "things",
      sha256: Sha256,
    });
    const signed = await signer.sign(unknown, { signingDate: new Date(NOW) });
    expect(await answer(toFetch(signed))).toMatchObject({
      status: 400,
      type: "UnknownOperationException",
    });
  });

  it("verifies auth before reading the operation's input: unsigned bad input still gets 403", async () => {
    const request = unsigned();
    const result = await answer(toFetch(request, "{not json"));
    expect(result).toMatchObject({ status: 403, type: "MissingAuthenticationTokenException" });
  });
});
