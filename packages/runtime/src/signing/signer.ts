// SigV4 header signing of an HTTP request (AWS4-HMAC-SHA256 in the Authorization header), giving
// the headers and signature @smithy/signature-v4 gives (the AWS SDK v3's signer, uriEscapePath
// on), at a fraction of its CPU and size. The server keeps @smithy/signature-v4 to verify, so
// the end-to-end tests check one against the other.
import type {
  AwsCredentialIdentity,
  AwsCredentialIdentityProvider,
  HeaderBag,
  HttpRequest,
  Provider,
} from "@smithy/types";
import { hmacHex, sha256Hex } from "../platform/sha256.js";
import { amzDate } from "./amz-date.js";
import {
  canonicalHeaders,
  canonicalRequest,
  canonicalValue,
  isSignable,
} from "./canonical-request.js";
import { SigningKeyMemo } from "./signing-key.js";

export interface SigV4SignerOptions {
  /** The signing name (the service's `aws.auth#sigv4` name), e.g. "inspector". */
  readonly service: string;
  readonly region: string | Provider<string>;
  readonly credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /**
   * Send the payload hash as `x-amz-content-sha256` (and sign it). On by default, as in the
   * SDK's signer, which sends it to every service.
   */
  readonly applyChecksum?: boolean;
}

export interface SignOptions {
  /** The time to sign with; default: now plus `clockOffset`. */
  readonly signingDate?: Date;
  /** Milliseconds the service's clock is ahead of ours (the SDK's systemClockOffset). */
  readonly clockOffset?: number;
}

const ALGORITHM = "AWS4-HMAC-SHA256";
const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

export class SigV4Signer {
  private readonly credentials: AwsCredentialIdentityProvider;
  private readonly region: string | Provider<string>;
  private readonly service: string;
  private readonly applyChecksum: boolean;
  private readonly keys = new SigningKeyMemo();

  constructor(options: SigV4SignerOptions) {
    const { credentials } = options;
    this.credentials = typeof credentials === "function" ? credentials : async () => credentials;
    this.region = options.region;
    this.service = options.service;
    this.applyChecksum = options.applyChecksum ?? true;
  }

  /**
   * A copy of `request` with `x-amz-date`, `x-amz-security-token` (with a session token),
   * `x-amz-content-sha256`, `host` (when absent: hostname[:port]) and `authorization`; any
   * `authorization`, `x-amz-date` or `date` it had are dropped, and an empty or relative path
   * gets its leading "/". The request is not changed.
   */
  async sign(request: HttpRequest, options?: SignOptions): Promise<HttpRequest> {
    const credentials = await this.credentials();
    if (
      typeof credentials?.accessKeyId !== "string" ||
      typeof credentials.secretAccessKey !== "string"
    ) {
      throw new Error("SigV4: the credentials resolved have no accessKeyId and secretAccessKey");
    }
    const region = typeof this.region === "string" ? this.region : await this.region();
    const longDate = amzDate(
      options?.signingDate ?? new Date(Date.now() + (options?.clockOffset ?? 0)),
    );
    const shortDate = longDate.slice(0, 8);
    const scope = `${shortDate}/${region}/${this.service}/aws4_request`;
    const key = this.keys.get(credentials.secretAccessKey, scope, shortDate, region, this.service);

    // One pass over the headers: copy all but those the signer writes, collect the signable
    // ones by lower-case name, note a host and a caller's payload hash.
    const source = request.headers;
    const headers: HeaderBag = {};
    const signable = new Map<string, string>();
    let hasHost = false;
    let payloadHash: string | undefined;
    for (const name of Object.keys(source)) {
      const lower = name.toLowerCase();
      if (lower === "authorization" || lower === "x-amz-date" || lower === "date") continue;
      const value = source[name]!;
      headers[name] = value;
      if (value == null) continue;
      if (lower === "host") hasHost = true;
      else if (lower === "x-amz-content-sha256") payloadHash ??= value; // the first, as the SDK
      if (!isSignable(lower)) continue;
      signable.set(lower, canonicalValue(signable.has(lower) ? lastOfCase(source, lower) : value));
    }
    if (!hasHost) {
      const host = request.port != null ? `${request.hostname}:${request.port}` : request.hostname;
      headers.host = host;
      signable.set("host", canonicalValue(host));
    }
    // The signer's own headers are lower-case, so they win over any other spelling, as in the SDK.
    headers["x-amz-date"] = longDate;
    signable.set("x-amz-date", longDate);
    if (credentials.sessionToken) {
      headers["x-amz-security-token"] = credentials.sessionToken;
      signable.set("x-amz-security-token", canonicalValue(credentials.sessionToken));
    }
    if (payloadHash === undefined) {
      // (Node's hashes are synchronous: awaiting only promises saves a microtask each.)
      const hash = payloadSha256(request.body);
      payloadHash = typeof hash === "string" ? hash : await hash;
      if (this.applyChecksum) {
        headers["x-amz-content-sha256"] = payloadHash;
        signable.set("x-amz-content-sha256", payloadHash);
      }
    }

    // The SDK's HttpRequest turns "" into "/" and prefixes a relative path with "/"; so do we.
    let { path } = request;
    if (!path) path = "/";
    else if (path.charCodeAt(0) !== 47) path = `/${path}`;
    const canonical = canonicalHeaders(signable);
    let hashed = sha256Hex(
      canonicalRequest(request.method, path, request.query, canonical, payloadHash),
    );
    if (typeof hashed !== "string") hashed = await hashed;
    const toSign = `${ALGORITHM}\n${longDate}\n${scope}\n${hashed}`;
    let signature = hmacHex(key instanceof Promise ? await key : key, toSign);
    if (typeof signature !== "string") signature = await signature;
    headers.authorization = `${ALGORITHM} Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${canonical.signed}, Signature=${signature}`;
    return { ...request, path, headers };
  }
}

/**
 * Of headers spelt differently but equal in lower case, the value the SDK signs: that of the
 * name sorting last (it walks the names sorted and keeps the last), skipping null values.
 */
function lastOfCase(headers: HeaderBag, lower: string): string {
  let last: string | undefined;
  for (const name in headers) {
    if (!Object.hasOwn(headers, name) || headers[name] == null) continue;
    if (name.toLowerCase() === lower && (last === undefined || name > last)) last = name;
  }
  return headers[last!]!;
}

/** The hex SHA-256 of a string or byte body; UNSIGNED-PAYLOAD for a stream or other body. */
function payloadSha256(body: unknown): string | Promise<string> {
  if (body === undefined || body === null) return EMPTY_SHA256;
  if (typeof body === "string" || ArrayBuffer.isView(body) || body instanceof ArrayBuffer) {
    return sha256Hex(body);
  }
  return "UNSIGNED-PAYLOAD";
}
