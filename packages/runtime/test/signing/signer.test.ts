import type { HttpRequest } from "@smithy/types";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createHandler } from "../../src/server/index.js";
import { SigV4Signer } from "../../src/signing/signer.js";
import { deriveSigningKey } from "../../src/signing/signing-key.js";
import { impl, operations, service } from "../server/thing-service.js";
import { headers as headerBag } from "./requests.js";
import { describeSigner } from "./signer-cases.js";

describeSigner("node:crypto", 400);

describe("signing keys", () => {
  it("derives the key AWS documents (secret wJalr..., 20120215, us-east-1, iam)", async () => {
    const key = await deriveSigningKey(
      "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
      "20120215",
      "us-east-1",
      "iam",
    );
    expect(Buffer.from(key as Uint8Array).toString("hex")).toBe(
      "f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d",
    );
  });
});

describe("our signatures against our server's verification (@smithy/signature-v4 there)", () => {
  const NOW = Date.UTC(2026, 10, 21, 12, 0, 0);
  const KEYS: Record<string, { secretAccessKey: string; sessionToken?: string }> = {
    AKIDEXAMPLE: { secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" },
    ASIATEMP: { secretAccessKey: "temp/secret+é", sessionToken: "session token/1=" },
  };
  const handle = createHandler(service, operations, impl, {
    auth: { sigv4: { credentials: async (id) => KEYS[id], region: "us-east-1", now: () => NOW } },
  });

  /** The signed request as a Fetch Request, the way it goes on the wire. */
  function toFetch(signed: HttpRequest): Request {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(signed.query ?? {})) {
      for (const item of Array.isArray(v) ? v : [v]) if (item != null) query.append(k, item);
    }
    const qs = query.toString().replace(/\+/g, "%20");
    return new Request(`http://127.0.0.1:8080${signed.path}${qs ? `?${qs}` : ""}`, {
      method: signed.method,
      headers: signed.headers,
      body: signed.body,
    });
  }

  // Headers a Fetch Request carries as given (no forbidden names, no CR/LF or NUL in values).
  const wireHeaders = headerBag.map((h) => {
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(h)) {
      const lower = name.toLowerCase();
      if (
        /^(host|connection|expect|transfer-encoding|content-length|content-type|x-amz-target|authorization|x-amz-.*|date|keep-alive|te|trailer|upgrade)$/.test(
          lower,
        ) ||
        Object.keys(out).some((n) => n.toLowerCase() === lower) ||
        // biome-ignore lint/suspicious/noControlCharactersInRegex: values a Fetch Request refuses
        /[\r\n\u0000]|[^\u0000-\u00ff]/.test(value)
      ) {
        continue;
      }
      out[name] = value;
    }
    return out;
  });

  it("accepts what we sign, for generated queries, headers and credentials", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("AKIDEXAMPLE", "ASIATEMP"),
        fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), fc.string({ maxLength: 8 }), {
          maxKeys: 4,
        }),
        wireHeaders,
        fc.integer({ min: -14 * 60, max: 14 * 60 }),
        async (id, query, extra, skewSeconds) => {
          const key = KEYS[id]!;
          const signer = new SigV4Signer({
            credentials: async () => ({ accessKeyId: id, ...key }),
            region: "us-east-1",
            service: "things",
          });
          const request: HttpRequest = {
            method: "POST",
            protocol: "http:",
            hostname: "127.0.0.1",
            port: 8080,
            path: "/",
            query,
            headers: {
              ...extra,
              "content-type": "application/x-amz-json-1.1",
              "x-amz-target": "ThingService_20240101.ListThings",
            },
            body: '{"maxResults":3}',
          };
          const signed = await signer.sign(request, {
            signingDate: new Date(NOW + skewSeconds * 1000),
          });
          const response = await handle(toFetch(signed));
          expect(response.status, await response.clone().text()).toBe(200);
        },
      ),
      { numRuns: 100 },
    );
  });

  it("is refused when the body or a signed header changes after signing", async () => {
    const signer = new SigV4Signer({
      credentials: { accessKeyId: "AKIDEXAMPLE", ...KEYS.AKIDEXAMPLE! },
      region: "us-east-1",
      service: "things",
    });
    const request: HttpRequest = {
      method: "POST",
      protocol: "http:",
      hostname: "127.0.0.1",
      port: 8080,
      path: "/",
      query: {},
      headers: {
        "content-type": "application/x-amz-json-1.1",
        "x-amz-target": "ThingService_20240101.ListThings",
        "x-custom": "one",
      },
      body: '{"maxResults":3}',
    };
    const signed = await signer.sign(request, { signingDate: new Date(NOW) });
    expect((await handle(toFetch(signed))).status).toBe(200);
    const otherBody = await handle(toFetch({ ...signed, body: '{"maxResults":4}' }));
    expect(otherBody.status).toBe(403);
    const otherHeader = await handle(
      toFetch({ ...signed, headers: { ...signed.headers, "x-custom": "two" } }),
    );
    expect(otherHeader.status).toBe(403);
  });
});
