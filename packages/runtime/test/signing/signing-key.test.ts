import { afterEach, describe, expect, it, vi } from "vitest";
import { hmac } from "../../src/platform/sha256.js";
import { SigningKeyMemo } from "../../src/signing/signing-key.js";

// The platform's HMAC, counted: each key derivation is four HMACs.
vi.mock("../../src/platform/sha256.js", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../src/platform/sha256.js")>();
  return { ...actual, hmac: vi.fn(actual.hmac) };
});

const derivations = () => vi.mocked(hmac).mock.calls.length / 4;

function get(memo: SigningKeyMemo, secret: string, date: string, region: string, service: string) {
  return memo.get(secret, `${date}/${region}/${service}/aws4_request`, date, region, service);
}

describe("signing key cache", () => {
  afterEach(() => {
    vi.mocked(hmac).mockClear();
  });

  it("derives once per secret, day, region and service, and shares keys between signers", async () => {
    const one = new SigningKeyMemo();
    const k1 = await get(one, "secret-a", "20260101", "us-east-1", "inspector");
    expect(derivations()).toBe(1);
    expect(get(one, "secret-a", "20260101", "us-east-1", "inspector")).toBe(k1); // not a promise
    const other = new SigningKeyMemo();
    expect(await get(other, "secret-a", "20260101", "us-east-1", "inspector")).toBe(k1);
    expect(derivations()).toBe(1);

    for (const [secret, date, region, service] of [
      ["secret-b", "20260101", "us-east-1", "inspector"],
      ["secret-a", "20260102", "us-east-1", "inspector"],
      ["secret-a", "20260101", "eu-west-1", "inspector"],
      ["secret-a", "20260101", "us-east-1", "securityhub"],
    ] as const) {
      expect(await get(one, secret, date, region, service)).not.toEqual(k1);
    }
    expect(derivations()).toBe(5);
  });

  it("keeps the 50 newest keys and drops the oldest", async () => {
    const memo = new SigningKeyMemo();
    await get(memo, "oldest", "20260101", "us-east-1", "s");
    for (let i = 0; i < 50; i++) await get(memo, `secret-${i}`, "20260101", "us-east-1", "s");
    expect(derivations()).toBe(51);
    await get(new SigningKeyMemo(), "secret-49", "20260101", "us-east-1", "s");
    expect(derivations()).toBe(51);
    await get(new SigningKeyMemo(), "oldest", "20260101", "us-east-1", "s");
    expect(derivations()).toBe(52);
  });

  it("derives again after a failed derivation", async () => {
    vi.mocked(hmac).mockImplementationOnce(() => {
      throw new Error("crypto unavailable");
    });
    const memo = new SigningKeyMemo();
    await expect(get(memo, "flaky", "20260101", "us-east-1", "s")).rejects.toThrow(
      "crypto unavailable",
    );
    await expect(get(memo, "flaky", "20260101", "us-east-1", "s")).resolves.toBeDefined();
  });
});
