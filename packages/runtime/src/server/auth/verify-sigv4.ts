import { timingSafeEqual } from "node:crypto";
import { SignatureV4 } from "@smithy/signature-v4";
import type { HttpRequest } from "@smithy/types";
import { sha256Hex } from "../../platform/sha256.js";
import { amzDate } from "../../signing/amz-date.js";
import { reject } from "../error-answers.js";
import type { SigV4Options } from "../options.js";
import { NodeSha256 } from "./sha256.js";
import { PRESIGN_PARAMS, readSigV4Fields, type SigV4Fields } from "./sigv4-request.js";

/** A received request, as SigV4 verification needs it. */
export interface ReceivedRequest {
  readonly method: string;
  readonly url: URL;
  /** Names lower-cased. */
  readonly headers: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string | string[]>>;
  readonly body: Uint8Array;
}

const FIFTEEN_MINUTES = 15 * 60 * 1000;
const INVALID_TOKEN = "The security token included in the request is invalid.";
const MISMATCH =
  "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

/** Throws 403 MissingAuthenticationToken early, before the body is read. */
export function requireSigV4(
  headers: Readonly<Record<string, string>>,
  query: Readonly<Record<string, string | string[]>>,
): SigV4Fields {
  return readSigV4Fields(headers, query);
}

/**
 * Verifies a request's SigV4 signature (Authorization header or presigned query) by signing
 * the received request again with @smithy/signature-v4 and the looked-up secret, and comparing
 * in constant time. Returns the access key id; throws a Rejection with AWS's error otherwise.
 */
export async function verifySigV4(
  request: ReceivedRequest,
  fields: SigV4Fields,
  options: SigV4Options,
  signingName: string,
): Promise<string> {
  const expectedService = options.service ?? signingName;
  if (fields.service !== expectedService) {
    throw invalidSignature(
      `Credential should be scoped to correct service: '${expectedService}'. `,
    );
  }
  if (options.region !== undefined && fields.region !== options.region) {
    throw invalidSignature(
      `Credential should be scoped to a valid region, not '${fields.region}'. `,
    );
  }
  if (fields.date !== fields.amzDate.slice(0, 8)) {
    throw invalidSignature(
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${fields.date}' != '${fields.amzDate.slice(0, 8)}', from '${fields.amzDate}'.`,
    );
  }
  const secret = await options.credentials(fields.accessKeyId);
  if (!secret) throw reject("UnrecognizedClientException", 403, INVALID_TOKEN);
  if ((secret.sessionToken ?? undefined) !== fields.sessionToken) {
    throw reject("UnrecognizedClientException", 403, INVALID_TOKEN);
  }
  checkTime(fields, options);
  const contentSha = request.headers["x-amz-content-sha256"];
  if (
    contentSha !== undefined &&
    contentSha !== "UNSIGNED-PAYLOAD" &&
    fields.signedHeaders.includes("x-amz-content-sha256") &&
    contentSha !== sha256Hex(request.body)
  ) {
    throw invalidSignature(
      "The provided 'x-amz-content-sha256' header does not match what was computed.",
    );
  }
  const expected = await recompute(request, fields, secret.secretAccessKey);
  if (!constantTimeEqual(expected, fields.signature)) throw invalidSignature(MISMATCH);
  return fields.accessKeyId;
}

function invalidSignature(message: string) {
  return reject("InvalidSignatureException", 403, message);
}

/** AWS's clock-skew answers: "Signature expired" / "Signature not yet current". */
function checkTime(fields: SigV4Fields, options: SigV4Options): void {
  const now = (options.now ?? Date.now)();
  const skew = options.clockSkewMs ?? FIFTEEN_MINUTES;
  const minutes = `${Math.round(skew / 60000)} min.`;
  const signed = fields.signingDate.getTime();
  const stamp = (ms: number) => amzDate(new Date(ms));
  if (signed > now + skew) {
    throw invalidSignature(
      `Signature not yet current: ${fields.amzDate} is still later than ${stamp(now + skew)} (${stamp(now)} + ${minutes})`,
    );
  }
  if (fields.mode === "query") {
    const expires = signed + fields.expiresIn! * 1000;
    if (now > expires) {
      throw invalidSignature(
        `Signature expired: ${stamp(expires)} is now earlier than ${stamp(now)}`,
      );
    }
  } else if (signed < now - skew) {
    throw invalidSignature(
      `Signature expired: ${fields.amzDate} is now earlier than ${stamp(now - skew)} (${stamp(now)} - ${minutes})`,
    );
  }
}

/** The signature the sender should have computed, from the received request's signed parts. */
async function recompute(request: ReceivedRequest, fields: SigV4Fields, secretAccessKey: string) {
  const signed = new Set(fields.signedHeaders);
  const headers: Record<string, string> = {};
  for (const name of fields.signedHeaders) {
    const value =
      name === "host" ? (request.headers.host ?? request.url.host) : request.headers[name];
    if (value !== undefined) headers[name] = value;
  }
  const query: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(request.query)) {
    if (fields.mode === "query" && (PRESIGN_PARAMS as readonly string[]).includes(key)) continue;
    query[key] = value;
  }
  const toSign: HttpRequest = {
    method: request.method,
    protocol: request.url.protocol,
    hostname: request.url.hostname,
    path: request.url.pathname,
    query,
    headers,
    body: request.body,
  };
  const signer = new SignatureV4({
    credentials: {
      accessKeyId: fields.accessKeyId,
      secretAccessKey,
      ...(fields.mode === "query" && fields.sessionToken !== undefined
        ? { sessionToken: fields.sessionToken }
        : {}),
    },
    region: fields.region,
    service: fields.service,
    sha256: NodeSha256,
    applyChecksum: false,
    uriEscapePath: true,
  });
  const options = {
    signingDate: fields.signingDate,
    signingRegion: fields.region,
    signingService: fields.service,
    signableHeaders: signed,
  };
  if (fields.mode === "query") {
    const presigned = await signer.presign(toSign, {
      ...options,
      expiresIn: fields.expiresIn!,
      unhoistableHeaders: signed,
    });
    return String(presigned.query?.["X-Amz-Signature"] ?? "");
  }
  const result = await signer.sign(toSign, options);
  const authorization = String(result.headers.authorization ?? "");
  return authorization.slice(authorization.lastIndexOf("Signature=") + "Signature=".length);
}

function constantTimeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, "utf8");
  const y = Buffer.from(b, "utf8");
  return x.length === y.length && timingSafeEqual(x, y);
}
