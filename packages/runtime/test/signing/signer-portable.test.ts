// The browser build where Web Crypto is missing (crypto.subtle exists only in secure contexts):
// the plain-JavaScript SHA-256 and HMAC under the same signer tests, against node:crypto and
// FIPS 180-4 / RFC 4231 vectors.
import { createHash, createHmac } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as browser from "../../src/platform/sha256.browser.js";
import { hmacSha256, sha256 } from "../../src/platform/sha256-portable.js";
import { describeSigner } from "./signer-cases.js";

vi.mock("../../src/platform/sha256.js", () => import("../../src/platform/sha256.browser.js"));

const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");
const text = (s: string) => new TextEncoder().encode(s);

describe("SHA-256 and HMAC-SHA256 in plain JavaScript", () => {
  it("give the published test vectors", () => {
    expect(hex(sha256(text("")))).toBe(
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    );
    expect(hex(sha256(text("abc")))).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
    expect(hex(sha256(text("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")))).toBe(
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    );
    // RFC 4231 test case 2, and case 6 (a key longer than a block is hashed first).
    expect(hex(hmacSha256(text("Jefe"), text("what do ya want for nothing?")))).toBe(
      "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
    );
    expect(
      hex(
        hmacSha256(
          new Uint8Array(131).fill(0xaa),
          text("Test Using Larger Than Block-Size Key - Hash Key First"),
        ),
      ),
    ).toBe("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
  });

  it("agree with node:crypto on any length, across the padding boundaries", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.uint8Array({ maxLength: 150 }), (d, k) => {
        expect(hex(sha256(d))).toBe(createHash("sha256").update(d).digest("hex"));
        expect(hex(hmacSha256(k, d))).toBe(createHmac("sha256", k).update(d).digest("hex"));
      }),
      { numRuns: 500 },
    );
    for (const n of [55, 56, 63, 64, 65, 119, 120, 128, 1000]) {
      const d = new Uint8Array(n).map((_, i) => i * 7);
      expect(hex(sha256(d)), `${n} bytes`).toBe(createHash("sha256").update(d).digest("hex"));
    }
  });
});

describe("without Web Crypto", () => {
  beforeAll(() => {
    vi.stubGlobal("crypto", undefined);
  });
  afterAll(() => {
    vi.unstubAllGlobals();
  });

  it("the browser module hashes and signs in plain JavaScript", async () => {
    expect(globalThis.crypto).toBeUndefined();
    expect(await browser.sha256Hex("abc")).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
    const key = await browser.hmacKey(text("Jefe"));
    expect(key).toBeInstanceOf(Uint8Array);
    expect(await browser.hmacHex(key, "what do ya want for nothing?")).toBe(
      "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
    );
    expect(hex(await browser.hmac("Jefe", "what do ya want for nothing?"))).toBe(
      "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
    );
  });

  describeSigner("plain-JavaScript SHA-256", 100);
});
