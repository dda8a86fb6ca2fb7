import { createHash } from "node:crypto";
import { gunzipSync } from "node:zlib";
import type { HttpRequest } from "@smithy/types";
import { describe, expect, it } from "vitest";
import { encodeBody } from "../../src/client/body-encoding.js";
import * as browser from "../../src/platform/body-encoding.browser.js";
import * as node from "../../src/platform/body-encoding.js";
import type { OperationSchema } from "../../src/schema.js";

const empty = { type: "structure", id: "t#E", members: {} } as const;
const op = (extra: Partial<OperationSchema>): OperationSchema => ({
  name: "Put",
  input: empty,
  output: empty,
  errors: [],
  ...extra,
});
const request = (body: string, headers: Record<string, string> = {}): HttpRequest => ({
  protocol: "https:",
  hostname: "example.com",
  method: "POST",
  path: "/",
  query: {},
  headers: { "content-length": String(body.length), ...headers },
  body,
});
const defaults = { disableRequestCompression: false, requestMinCompressionSizeBytes: 10240 };
const big = JSON.stringify({ data: "x".repeat(10240) });

describe("MD5 and gzip, on both platforms", () => {
  it("computes MD5 as RFC 1321 does, at every padding boundary", () => {
    for (const n of [0, 1, 55, 56, 63, 64, 65, 119, 120, 1000]) {
      const data = Uint8Array.from({ length: n }, (_, i) => (i * 31 + 7) & 255);
      const expected = createHash("md5").update(data).digest("hex");
      expect(Buffer.from(browser.md5(data)).toString("hex")).toBe(expected);
      expect(Buffer.from(node.md5(data)).toString("hex")).toBe(expected);
    }
  });

  it("gzips into bytes that gunzip back", async () => {
    const data = new TextEncoder().encode(big);
    for (const gzip of [node.gzip, browser.gzip]) {
      const out = await gzip(data);
      expect(out[0]).toBe(0x1f);
      expect(new Uint8Array(gunzipSync(out))).toEqual(data);
    }
  });
});

describe("encodeBody", () => {
  it("sends Content-MD5 for @httpChecksumRequired (RestJsonHttpChecksumRequired)", async () => {
    // The body the client sends for the case's input {foo: "base64 encoded md5 checksum"}.
    const req = request('{"foo":"base64 encoded md5 checksum"}');
    await encodeBody(op({ checksumRequired: true }), req, defaults);
    expect(req.headers["content-md5"]).toBe("iB0/3YSo7maijL0IGOgA9g==");
  });

  it("gzips a large enough body and appends gzip to a modeled Content-Encoding", async () => {
    const req = request(big, { "Content-Encoding": "custom" });
    await encodeBody(op({ requestCompression: ["gzip"] }), req, defaults);
    expect(req.headers["Content-Encoding"]).toBe("custom, gzip");
    const body = req.body as Uint8Array;
    expect(req.headers["content-length"]).toBe(String(body.byteLength));
    expect(gunzipSync(body).toString()).toBe(big);

    const plain = request(big);
    await encodeBody(op({ requestCompression: ["gzip"] }), plain, defaults);
    expect(plain.headers["content-encoding"]).toBe("gzip");
  });

  it("leaves small bodies, disabled compression and unknown encodings alone", async () => {
    for (const [schema, options] of [
      [
        op({ requestCompression: ["gzip"] }),
        { ...defaults, requestMinCompressionSizeBytes: big.length + 1 },
      ],
      [op({ requestCompression: ["gzip"] }), { ...defaults, disableRequestCompression: true }],
      [op({ requestCompression: ["br"] }), defaults],
    ] as const) {
      const req = request(big);
      await encodeBody(schema, req, options);
      expect(req.body).toBe(big);
      expect(req.headers["content-encoding"]).toBeUndefined();
    }
  });

  it("hashes the bytes sent: the compressed body when both traits apply", async () => {
    const req = request(big);
    await encodeBody(op({ requestCompression: ["gzip"], checksumRequired: true }), req, defaults);
    const sent = req.body as Uint8Array;
    expect(req.headers["content-md5"]).toBe(createHash("md5").update(sent).digest("base64"));
  });
});
