// Generated requests for the signer's differential tests, and the reference they are checked
// against: @smithy/signature-v4 (the AWS SDK v3's signer) with the pure-JS SHA-256 of
// @aws-crypto/sha256-js, so neither the canonical forms nor the hashing are shared with ours.
import { Sha256 } from "@aws-crypto/sha256-js";
import { SignatureV4 } from "@smithy/signature-v4";
import type { AwsCredentialIdentity, HeaderBag, HttpRequest } from "@smithy/types";
import fc from "fast-check";

export interface SigningCase {
  request: HttpRequest;
  credentials: AwsCredentialIdentity;
  region: string;
  service: string;
  signingDate: Date;
}

/** What the SDK's signer answers; the host header is added first, as its host middleware does. */
export async function referenceSign(c: SigningCase): Promise<HttpRequest> {
  const signer = new SignatureV4({
    credentials: c.credentials,
    region: c.region,
    service: c.service,
    sha256: Sha256,
    uriEscapePath: true,
  });
  const { request } = c;
  const hasHost = Object.keys(request.headers).some(
    (n) => n.toLowerCase() === "host" && request.headers[n] != null,
  );
  const headers: HeaderBag = hasHost
    ? { ...request.headers }
    : {
        ...request.headers,
        host: request.port != null ? `${request.hostname}:${request.port}` : request.hostname,
      };
  return signer.sign({ ...request, headers }, { signingDate: c.signingDate });
}

/** Text units that stress encoding: reserved and sub-delim characters, `%`, spaces, unicode. */
const tricky = fc.constantFrom(
  ..."aZ09-_.~ %+=&?#!'()*:@$,;/[]|\\\"<>^`{}".split(""),
  "%2F",
  "%20",
  "é",
  "ሴ",
  "😀",
  "\u0000",
  "\u007f",
);
const text = (maxLength = 12) =>
  fc.oneof(
    fc.string({ unit: tricky, maxLength }),
    fc.string({ unit: "binary", maxLength }),
    fc.string({ maxLength }),
  );

const segment = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.string({ unit: tricky, maxLength: 8 }).filter((s) => !s.includes("/")),
  },
  { weight: 2, arbitrary: fc.constantFrom(".", "..", "") },
  {
    weight: 1,
    arbitrary: fc.string({ unit: "binary", maxLength: 6 }).filter((s) => !s.includes("/")),
  },
);

export const path = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom("/", "", "/v1/findings", "//", "/a/./b/../c/") },
  {
    weight: 6,
    arbitrary: fc
      .tuple(fc.boolean(), fc.array(segment, { maxLength: 6 }), fc.boolean())
      .map(
        ([leading, segments, trailing]) =>
          `${leading ? "/" : ""}${segments.join("/")}${trailing ? "/" : ""}`,
      ),
  },
);

export const query = fc.oneof(
  { weight: 1, arbitrary: fc.constant(undefined) },
  {
    weight: 4,
    arbitrary: fc.dictionary(
      fc.oneof(text(6), fc.constantFrom("X-Amz-Signature", "x-amz-signature", "a", "A", "b")),
      fc.oneof(
        text(),
        fc.constant(""),
        fc.array(fc.oneof(text(4), fc.constant(""), fc.constant("same")), { maxLength: 4 }),
        fc.constant(null),
      ),
      { maxKeys: 6 },
    ),
  },
);

/** Header names the signer treats specially, and ordinary ones, in any letter case. */
const headerName = fc
  .oneof(
    fc.constantFrom(
      "content-type",
      "content-length",
      "x-amz-target",
      "x-amz-user-agent",
      "amz-sdk-invocation-id",
      "user-agent",
      "x-amzn-trace-id",
      "expect",
      "connection",
      "authorization",
      "date",
      "x-amz-date",
      "x-amz-security-token",
      "host",
      "proxy-authorization",
      "sec-fetch-mode",
      "referer",
      "transfer-encoding",
      "x-amz-content-sha256",
    ),
    fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/),
  )
  .chain((name) =>
    fc
      .array(fc.boolean(), { minLength: name.length, maxLength: name.length })
      .map((upper) => [...name].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join("")),
  );

/** Values with odd spacing: leading/trailing/inner runs of spaces and tabs, CR/LF. */
const headerValue = fc.oneof(
  fc.string({
    unit: fc.constantFrom(" ", "\t", "a", "b", "é", ",", "=", "\r\n", "\n", "  "),
    maxLength: 10,
  }),
  text(10),
  fc.constantFrom(
    "application/x-amz-json-1.1",
    "UNSIGNED-PAYLOAD",
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
  ),
);

export const headers = fc
  .array(fc.tuple(headerName, headerValue), { maxLength: 10 })
  .map((pairs) => Object.fromEntries(pairs) as HeaderBag);

export const body = fc.oneof(
  fc.constant(undefined),
  fc.constant(""),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.json({ maxDepth: 2 }),
  fc.uint8Array({ maxLength: 40 }),
  // A view into a larger buffer: only its own bytes are hashed.
  fc
    .tuple(fc.uint8Array({ minLength: 4, maxLength: 40 }), fc.nat(3))
    .map(([b, skip]) => b.subarray(skip, b.length - 1)),
  fc.uint8Array({ maxLength: 16 }).map((b) => b.slice().buffer),
);

export const credentials = fc.record(
  {
    accessKeyId: fc.stringMatching(/^[A-Z0-9]{4,20}$/),
    secretAccessKey: fc.oneof(fc.string({ minLength: 1, maxLength: 40 }), text(20)),
    sessionToken: fc.oneof(fc.string({ minLength: 1, maxLength: 60 }), fc.constant("")),
  },
  { requiredKeys: ["accessKeyId", "secretAccessKey"] },
);

export const signingCase: fc.Arbitrary<SigningCase> = fc.record({
  request: fc.record({
    method: fc.constantFrom("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD"),
    protocol: fc.constantFrom("https:", "http:"),
    hostname: fc.constantFrom("inspector.us-west-2.amazonaws.com", "127.0.0.1", "localhost"),
    port: fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }),
    path,
    query,
    headers,
    body,
  }) as fc.Arbitrary<HttpRequest>,
  credentials,
  region: fc.oneof(
    fc.constantFrom("us-east-1", "eu-west-3", "cn-north-1"),
    fc.stringMatching(/^[a-z]{2}-[a-z]+-\d$/),
  ),
  service: fc.oneof(
    fc.constantFrom("inspector", "securityhub", "guardduty", "securitylake"),
    fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/),
  ),
  signingDate: fc.date({
    min: new Date("1970-01-01T00:00:00Z"),
    max: new Date("9999-12-31T23:59:59Z"),
    noInvalidDate: true,
  }),
});

/** A deep copy of a request (bodies included), to prove signing leaves the original alone. */
export function snapshot(request: HttpRequest): unknown {
  const { body } = request;
  return {
    ...request,
    headers: { ...request.headers },
    query: request.query && structuredClone(request.query),
    body:
      body instanceof ArrayBuffer
        ? new Uint8Array(body.slice(0))
        : ArrayBuffer.isView(body)
          ? new Uint8Array(body.buffer.slice(0), body.byteOffset, body.byteLength)
          : body,
  };
}
