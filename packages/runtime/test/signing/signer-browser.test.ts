// The browser build's crypto (Web Crypto, which Node 20 has as globalThis.crypto.subtle) under
// the same signer tests as node:crypto, and both crypto modules against each other.
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import * as browser from "../../src/platform/sha256.browser.js";
import * as platform from "../../src/platform/sha256.js";
import { describeSigner } from "./signer-cases.js";

vi.mock("../../src/platform/sha256.js", () => import("../../src/platform/sha256.browser.js"));

const node = await vi.importActual<typeof import("../../src/platform/sha256.js")>(
  "../../src/platform/sha256.js",
);

it("runs the signer on the browser module", () => {
  expect(platform.sha256Hex("")).toBeInstanceOf(Promise);
  expect(node.sha256Hex("")).toBe(
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
  );
});

describeSigner("Web Crypto", 200);

describe("Web Crypto and node:crypto agree", () => {
  const data = fc.oneof(
    fc.string({ unit: "binary", maxLength: 200 }),
    fc.uint8Array({ maxLength: 200 }),
    fc.uint8Array({ minLength: 2, maxLength: 50 }).map((b) => b.subarray(1)),
    fc.uint8Array({ maxLength: 50 }).map((b) => b.slice().buffer),
  );
  // Web Crypto refuses zero-length HMAC keys; a SigV4 key never is ("AWS4" + secret, then 32 bytes).
  const key = fc.oneof(
    fc.string({ unit: "binary", minLength: 1, maxLength: 80 }),
    fc.uint8Array({ minLength: 1, maxLength: 80 }),
  );

  it("on SHA-256", async () => {
    await fc.assert(
      fc.asyncProperty(data, async (d) => {
        expect(await browser.sha256Hex(d)).toBe(node.sha256Hex(d));
      }),
    );
  });

  it("on HMAC-SHA256, raw and through a prepared key", async () => {
    await fc.assert(
      fc.asyncProperty(key, fc.string({ unit: "binary", maxLength: 200 }), async (k, d) => {
        const expected = node.hmac(k, d);
        expect(await browser.hmac(k, d)).toEqual(new Uint8Array(expected));
        const raw = typeof k === "string" ? new TextEncoder().encode(k) : k;
        expect(await browser.hmacHex(await browser.hmacKey(raw), d)).toBe(
          node.hmacHex(node.hmacKey(raw), d),
        );
      }),
    );
  });
});
