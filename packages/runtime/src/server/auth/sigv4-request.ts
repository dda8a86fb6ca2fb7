import { amzDate } from "../../signing/amz-date.js";
import { reject } from "../error-answers.js";

/**
 * The SigV4 fields of a request, from its Authorization header or its presigned query
 * (`X-Amz-Algorithm`...), checked for shape only (the signature is checked by verify).
 */
export interface SigV4Fields {
  readonly mode: "header" | "query";
  readonly accessKeyId: string;
  readonly date: string; // yyyymmdd of the scope
  readonly region: string;
  readonly service: string;
  readonly signedHeaders: readonly string[];
  readonly signature: string;
  /** X-Amz-Date, `YYYYMMDDTHHMMSSZ`. */
  readonly amzDate: string;
  readonly signingDate: Date;
  /** Presigned only: X-Amz-Expires in seconds. */
  readonly expiresIn?: number;
  readonly sessionToken?: string;
}

export const ALGORITHM = "AWS4-HMAC-SHA256";
export const PRESIGN_PARAMS = [
  "X-Amz-Algorithm",
  "X-Amz-Credential",
  "X-Amz-Date",
  "X-Amz-Expires",
  "X-Amz-SignedHeaders",
  "X-Amz-Signature",
  "X-Amz-Security-Token",
] as const;
const MAX_PRESIGN_SECONDS = 7 * 24 * 60 * 60;

function incomplete(message: string) {
  return reject("IncompleteSignatureException", 400, message);
}

/** Reads the SigV4 fields; a request with neither form gets 403 MissingAuthenticationToken. */
export function readSigV4Fields(
  headers: Readonly<Record<string, string>>,
  query: Readonly<Record<string, string | string[]>>,
): SigV4Fields {
  const authorization = headers.authorization;
  if (authorization !== undefined) return fromHeader(authorization, headers);
  if (query["X-Amz-Algorithm"] !== undefined) return fromQuery(query);
  throw reject("MissingAuthenticationTokenException", 403, "Missing Authentication Token");
}

function fromHeader(authorization: string, headers: Readonly<Record<string, string>>): SigV4Fields {
  const space = authorization.indexOf(" ");
  const algorithm = space === -1 ? authorization : authorization.slice(0, space);
  if (algorithm !== ALGORITHM) {
    throw incomplete(`Unsupported Authorization algorithm; only ${ALGORITHM} is accepted.`);
  }
  const params = new Map<string, string>();
  for (const part of authorization.slice(space + 1).split(",")) {
    const eq = part.indexOf("=");
    if (eq > 0) params.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  for (const name of ["Credential", "SignedHeaders", "Signature"]) {
    if (!params.get(name)) {
      throw incomplete(
        `Authorization header requires '${name}' parameter. Authorization=${truncated(authorization)}`,
      );
    }
  }
  const amzDate = headers["x-amz-date"];
  if (amzDate === undefined) {
    throw incomplete("Authorization header requires existence of a 'X-Amz-Date' header.");
  }
  const token = headers["x-amz-security-token"];
  return {
    mode: "header",
    ...credentialScope(params.get("Credential")!),
    signedHeaders: signedHeaderList(params.get("SignedHeaders")!),
    signature: params.get("Signature")!,
    amzDate,
    signingDate: parseAmzDate(amzDate),
    ...(token !== undefined ? { sessionToken: token } : {}),
  };
}

function fromQuery(query: Readonly<Record<string, string | string[]>>): SigV4Fields {
  const one = (name: string): string | undefined => {
    const value = query[name];
    if (Array.isArray(value)) throw incomplete(`Query parameter ${name} appears more than once.`);
    return value;
  };
  const algorithm = one("X-Amz-Algorithm");
  if (algorithm !== ALGORITHM) {
    throw incomplete(`Unsupported X-Amz-Algorithm; only ${ALGORITHM} is accepted.`);
  }
  const get = (name: string): string => {
    const value = one(name);
    if (!value)
      throw incomplete(
        `AWS query-string parameters must include '${name}'. Re-examine the query-string parameters.`,
      );
    return value;
  };
  const credential = get("X-Amz-Credential");
  const amzDate = get("X-Amz-Date");
  const expires = get("X-Amz-Expires");
  const signedHeaders = get("X-Amz-SignedHeaders");
  const signature = get("X-Amz-Signature");
  if (!/^\d{1,7}$/.test(expires) || Number(expires) < 1 || Number(expires) > MAX_PRESIGN_SECONDS) {
    throw incomplete(`X-Amz-Expires must be between 1 and ${MAX_PRESIGN_SECONDS} seconds.`);
  }
  const token = one("X-Amz-Security-Token");
  return {
    mode: "query",
    ...credentialScope(credential),
    signedHeaders: signedHeaderList(signedHeaders),
    signature,
    amzDate,
    signingDate: parseAmzDate(amzDate),
    expiresIn: Number(expires),
    ...(token !== undefined ? { sessionToken: token } : {}),
  };
}

function credentialScope(credential: string) {
  const parts = credential.split("/");
  if (parts.length !== 5 || parts.some((p) => p === "") || parts[4] !== "aws4_request") {
    throw incomplete(
      `Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/aws4_request, got '${truncated(credential)}'.`,
    );
  }
  const [accessKeyId, date, region, service] = parts as [string, string, string, string];
  return { accessKeyId, date, region, service };
}

function signedHeaderList(list: string): string[] {
  const names = list.split(";").map((name) => name.trim().toLowerCase());
  if (names.some((name) => name === "")) throw incomplete("SignedHeaders is malformed.");
  if (!names.includes("host")) throw incomplete("'Host' must be a signed header.");
  return names;
}

function parseAmzDate(text: string): Date {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  const date = m
    ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!))
    : undefined;
  if (!date || Number.isNaN(date.getTime()) || amzDate(date) !== text) {
    throw incomplete(
      `Date must be in ISO-8601 'basic format'. Got '${truncated(text)}'. See http://en.wikipedia.org/wiki/ISO_8601`,
    );
  }
  return date;
}

function truncated(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
