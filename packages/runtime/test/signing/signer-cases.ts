// The signer's tests, run once per crypto platform: signer.test.ts (node:crypto) and
// signer-browser.test.ts (Web Crypto, the browser build's module swapped in with vi.mock).
import { Readable } from "node:stream";
import { Sha256 } from "@aws-crypto/sha256-js";
import { SignatureV4 } from "@smithy/signature-v4";
import type { HttpRequest } from "@smithy/types";
import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SigV4Signer } from "../../src/signing/signer.js";
import { referenceSign, type SigningCase, signingCase, snapshot } from "./requests.js";

/** The AWS SigV4 test suite's credentials and time (aws-sig-v4-test-suite). */
const SUITE = {
  credentials: {
    accessKeyId: "AKIDEXAMPLE",
    secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
  },
  region: "us-east-1",
  service: "service",
  signingDate: new Date("2015-08-30T12:36:00Z"),
};

function suiteRequest(path: string, query: Record<string, string> = {}): HttpRequest {
  return {
    method: "GET",
    protocol: "https:",
    hostname: "example.amazonaws.com",
    path,
    query,
    headers: { Host: "example.amazonaws.com" },
  };
}

/** Ours, or the error it threw. */
async function outcome(c: SigningCase, sign: (c: SigningCase) => Promise<HttpRequest>) {
  try {
    return { ok: await sign(c) };
  } catch (error) {
    return { error: (error as Error).constructor.name };
  }
}

async function ours(c: SigningCase): Promise<HttpRequest> {
  const signer = new SigV4Signer({
    credentials: c.credentials,
    region: c.region,
    service: c.service,
  });
  return signer.sign(c.request, { signingDate: c.signingDate });
}

const JSON_POST: HttpRequest = {
  method: "POST",
  protocol: "https:",
  hostname: "inspector.us-west-2.amazonaws.com",
  path: "/",
  query: {},
  headers: {
    "content-type": "application/x-amz-json-1.1",
    "x-amz-target": "InspectorService.ListFindings",
    "content-length": "16",
    "user-agent": "docsmith",
  },
  body: '{"maxResults":5}',
};

export function describeSigner(platform: string, runs: number): void {
  describe(`SigV4Signer on ${platform}`, () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    describe("AWS SigV4 test suite (known answers)", () => {
      it.each([
        [
          "get-vanilla",
          "/",
          {},
          "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
        ],
        [
          "get-vanilla-query-order-key-case",
          "/",
          { Param2: "value2", Param1: "value1" },
          "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500",
        ],
        ["get-utf8", "/ሴ", {}, "8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85"],
      ])("%s", async (_name, path, query, signature) => {
        const signer = new SigV4Signer({ ...SUITE, applyChecksum: false });
        const signed = await signer.sign(suiteRequest(path, query), {
          signingDate: SUITE.signingDate,
        });
        expect(signed.headers.authorization).toBe(
          `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=${signature}`,
        );
        expect(signed.headers["x-amz-date"]).toBe("20150830T123600Z");
      });
    });

    it("signs a JSON POST with a session token as the SDK does, header for header", async () => {
      const c: SigningCase = {
        request: JSON_POST,
        credentials: { ...SUITE.credentials, sessionToken: "token/with+chars=" },
        region: "us-west-2",
        service: "inspector",
        signingDate: new Date("2026-11-21T10:48:18.456Z"),
      };
      const signed = await ours(c);
      expect(signed.headers).toEqual((await referenceSign(c)).headers);
      expect(signed.headers).toMatchObject({
        host: "inspector.us-west-2.amazonaws.com",
        "user-agent": "docsmith",
        "x-amz-date": "20261121T104818Z",
        "x-amz-security-token": "token/with+chars=",
        "x-amz-content-sha256": "66f5fdbbd39a57504f5b26bd31c5decb10d5bd7dcca977c4a59026f6076fbcbb",
      });
      expect(signed.headers.authorization).toMatch(
        /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/20261121\/us-west-2\/inspector\/aws4_request, SignedHeaders=content-length;content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token;x-amz-target, Signature=[0-9a-f]{64}$/,
      );
    });

    it("gives the SDK's headers for generated requests (paths, queries, headers, bodies, tokens)", async () => {
      await fc.assert(
        fc.asyncProperty(signingCase, async (c) => {
          const before = snapshot(c.request);
          const [mine, theirs] = [await outcome(c, ours), await outcome(c, referenceSign)];
          expect(mine.error).toBe(theirs.error); // both sign, or both refuse (lone surrogates)
          if (mine.ok) {
            expect(mine.ok.headers).toEqual(theirs.ok!.headers);
            expect(mine.ok.path).toBe(theirs.ok!.path);
            const { headers: _h, path: _p, ...rest } = mine.ok;
            const { headers: _i, path: _q, ...input } = c.request;
            expect(rest).toEqual(input);
          }
          expect(snapshot(c.request)).toEqual(before); // the request itself is left alone
        }),
        { numRuns: runs },
      );
    });

    it("hashes no stream: UNSIGNED-PAYLOAD, as the SDK", async () => {
      const c: SigningCase = {
        ...SUITE,
        region: "eu-west-1",
        request: { ...JSON_POST, body: Readable.from(["{}"]) },
      };
      const signed = await ours(c);
      expect(signed.headers["x-amz-content-sha256"]).toBe("UNSIGNED-PAYLOAD");
      expect(signed.headers).toEqual((await referenceSign(c)).headers);
    });

    it("without applyChecksum sends no x-amz-content-sha256, as the SDK's signer then", async () => {
      const signingDate = new Date("2024-02-29T23:59:59Z");
      const signer = new SigV4Signer({ ...SUITE, applyChecksum: false });
      const signed = await signer.sign(JSON_POST, { signingDate });
      const reference = await new SignatureV4({
        ...SUITE,
        sha256: Sha256,
        applyChecksum: false,
      }).sign(
        { ...JSON_POST, headers: { ...JSON_POST.headers, host: JSON_POST.hostname } },
        { signingDate },
      );
      expect(signed.headers["x-amz-content-sha256"]).toBeUndefined();
      expect(signed.headers).toEqual(reference.headers);
    });

    it("signs with now plus the clock offset when no date is given", async () => {
      vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-03-01T23:59:30Z") });
      const signer = new SigV4Signer(SUITE);
      expect((await signer.sign(JSON_POST)).headers["x-amz-date"]).toBe("20260301T235930Z");
      const ahead = await signer.sign(JSON_POST, { clockOffset: 45_000 });
      expect(ahead.headers["x-amz-date"]).toBe("20260302T000015Z");
      // The next day's scope, and its key (not the one remembered from the day before).
      const nextDay = await referenceSign({
        ...SUITE,
        request: JSON_POST,
        signingDate: new Date("2026-03-02T00:00:15Z"),
      });
      expect(ahead.headers).toEqual(nextDay.headers);
      const behind = await signer.sign(JSON_POST, { clockOffset: -3_600_000 });
      expect(behind.headers["x-amz-date"]).toBe("20260301T225930Z");
    });

    it("asks the providers on every call, so rotated credentials sign at once", async () => {
      const keys = [
        { accessKeyId: "AKIDONE", secretAccessKey: "first-secret" },
        { accessKeyId: "ASIATWO", secretAccessKey: "second-secret", sessionToken: "t2" },
        { accessKeyId: "AKIDONE", secretAccessKey: "first-secret" },
      ];
      let call = 0;
      const credentials = vi.fn(async () => keys[call++]!);
      const region = vi.fn(async () => "ap-south-1");
      const signer = new SigV4Signer({ credentials, region, service: "securityhub" });
      const signingDate = new Date("2025-06-01T00:00:00Z");
      for (const key of keys) {
        const signed = await signer.sign(JSON_POST, { signingDate });
        const reference = await referenceSign({
          request: JSON_POST,
          credentials: key,
          region: "ap-south-1",
          service: "securityhub",
          signingDate,
        });
        expect(signed.headers).toEqual(reference.headers);
      }
      expect(credentials).toHaveBeenCalledTimes(3);
      expect(region).toHaveBeenCalledTimes(3);
    });

    it("keeps a host header it is given, in any case, and adds hostname:port otherwise", async () => {
      const signer = new SigV4Signer(SUITE);
      const given = await signer.sign({ ...JSON_POST, headers: { Host: "proxy.example:8443" } });
      expect(given.headers.Host).toBe("proxy.example:8443");
      expect(given.headers.host).toBeUndefined();
      const added = await signer.sign({ ...JSON_POST, hostname: "127.0.0.1", port: 4010 });
      expect(added.headers.host).toBe("127.0.0.1:4010");
    });

    it("refuses credentials without key id and secret, and passes a provider's error on", async () => {
      const empty = new SigV4Signer({ ...SUITE, credentials: async () => ({}) as never });
      await expect(empty.sign(JSON_POST)).rejects.toThrow(
        "SigV4: the credentials resolved have no accessKeyId and secretAccessKey",
      );
      const failing = new SigV4Signer({
        ...SUITE,
        credentials: async () => {
          throw new Error("no credentials in the environment");
        },
      });
      await expect(failing.sign(JSON_POST)).rejects.toThrow("no credentials in the environment");
    });

    it("refuses a path or query with a lone surrogate (URIError), as the SDK does", async () => {
      for (const request of [
        { ...JSON_POST, path: "/x\udc00" },
        { ...JSON_POST, query: { q: ["ok", "\ud800"] } },
      ]) {
        const c: SigningCase = { ...SUITE, request };
        await expect(ours(c)).rejects.toThrow(URIError);
        await expect(referenceSign(c)).rejects.toThrow(URIError);
      }
    });

    it("refuses an invalid signing date", async () => {
      const signer = new SigV4Signer(SUITE);
      await expect(signer.sign(JSON_POST, { signingDate: new Date(Number.NaN) })).rejects.toThrow(
        RangeError,
      );
    });
  });
}
