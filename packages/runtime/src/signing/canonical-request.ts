// The parts of a SigV4 canonical request, built as @smithy/signature-v4 (AWS SDK v3) builds them
// for services other than S3, so both produce the same signature for the same request:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html
import type { QueryParameterBag } from "@smithy/types";

/** RFC 3986 encoding: encodeURIComponent plus the sub-delims it leaves alone. */
export function escapeUri(value: string): string {
  let encoded: string;
  try {
    encoded = encodeURIComponent(value);
  } catch {
    throw new URIError(
      `SigV4: cannot encode ${JSON.stringify(value)} of the request: it holds a lone UTF-16 surrogate`,
    );
  }
  return encoded.replace(/[!'()*]/g, hexEscape);
}

function hexEscape(c: string): string {
  return `%${c.charCodeAt(0).toString(16).toUpperCase()}`;
}

/**
 * The canonical URI: `.`, `..` and empty segments resolved away, then each segment encoded again
 * (the path already travels encoded, so its `%` become `%25`), as the SDK does for every service
 * but S3. A leading slash and, when any segment remains, a trailing one are kept.
 */
export function canonicalPath(path: string): string {
  // Fast path: nothing to resolve and nothing to encode (e.g. "/" or "/v1/findings").
  if (/^(?:\/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)*\/?$/.test(path)) return path;
  const segments: string[] = [];
  for (const segment of path.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") segments.pop();
    else segments.push(escapeUri(segment));
  }
  const leading = path.startsWith("/") ? "/" : "";
  const trailing = segments.length > 0 && path.endsWith("/") ? "/" : "";
  return `${leading}${segments.join("/")}${trailing}`;
}

/**
 * The canonical query string: names and values RFC 3986-encoded, sorted by encoded name, a
 * repeated name's values sorted, `name=` for an empty value; null values and empty lists dropped,
 * and any `X-Amz-Signature` (which cannot sign itself).
 */
export function canonicalQuery(query: QueryParameterBag | undefined): string {
  if (!query) return "";
  const pairs: [string, string][] = [];
  for (const key in query) {
    if (!Object.hasOwn(query, key) || key.toLowerCase() === "x-amz-signature") continue;
    const value = query[key];
    const name = escapeUri(key);
    if (typeof value === "string") {
      pairs.push([name, `${name}=${escapeUri(value)}`]);
    } else if (Array.isArray(value) && value.length > 0) {
      const encoded = value.map((v) => `${name}=${escapeUri(v)}`).sort();
      pairs.push([name, encoded.join("&")]);
    }
  }
  if (pairs.length === 0) return "";
  pairs.sort(byName);
  let out = pairs[0]![1];
  for (let i = 1; i < pairs.length; i++) out += `&${pairs[i]![1]}`;
  return out;
}

function byName(a: [string, string], b: [string, string]): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}

/**
 * Headers the SDK never signs: hop-by-hop ones, those proxies or browsers may change, and its
 * own `authorization`, `user-agent` and `x-amzn-trace-id` (plus any `proxy-*` and `sec-*`).
 */
const UNSIGNABLE = new Set([
  "authorization",
  "cache-control",
  "connection",
  "expect",
  "from",
  "keep-alive",
  "max-forwards",
  "pragma",
  "referer",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
  "user-agent",
  "x-amzn-trace-id",
]);

export function isSignable(name: string): boolean {
  return !UNSIGNABLE.has(name) && !name.startsWith("proxy-") && !name.startsWith("sec-");
}

/** The canonical headers block (`name:value\n` each) and the signed-headers list (`a;b;c`). */
export interface CanonicalHeaders {
  readonly block: string;
  readonly signed: string;
}

/** Canonical headers from lower-cased names and their values, already `canonicalValue`d. */
export function canonicalHeaders(values: Map<string, string>): CanonicalHeaders {
  // Insertion sort: a request has a dozen headers, and this beats Array#sort at that size.
  const names: string[] = [];
  for (const name of values.keys()) {
    let i = names.length;
    names.push(name);
    while (i > 0 && names[i - 1]! > name) {
      names[i] = names[i - 1]!;
      i--;
    }
    names[i] = name;
  }
  let block = "";
  let signed = "";
  for (const name of names) {
    block += `${name}:${values.get(name)}\n`;
    signed = signed === "" ? name : `${signed};${name}`;
  }
  return { block, signed };
}

/**
 * A header value as signed: CR/LF turned to spaces, runs of spaces and tabs collapsed to one,
 * one space trimmed at either end (what the SDK's signer does; most values need none of it).
 */
export function canonicalValue(value: string): string {
  if (!/[\t\n\r]|^ | $| {2}/.test(value)) return value;
  return value
    .replace(/[\r\n]/g, " ")
    .replace(/[ \t]+/g, " ")
    .replace(/^ | $/g, "");
}

/** The canonical request, whose SHA-256 the string to sign carries. */
export function canonicalRequest(
  method: string,
  path: string,
  query: QueryParameterBag | undefined,
  headers: CanonicalHeaders,
  payloadHash: string,
): string {
  return `${method}\n${canonicalPath(path)}\n${canonicalQuery(query)}\n${headers.block}\n${headers.signed}\n${payloadHash}`;
}
