import type { HttpRequest } from "@smithy/types";
import { gzip, md5 } from "../platform/body-encoding.js";
import { encodeBase64 } from "../protocol/serde/base64.js";
import type { OperationSchema } from "../schema.js";

/** AWS SDKs' defaults: compress bodies of at least 10 KiB. */
export const DEFAULT_MIN_COMPRESSION_BYTES = 10240;

export interface BodyEncodingOptions {
  /** AWS SDK `disableRequestCompression`. */
  readonly disableRequestCompression: boolean;
  /** AWS SDK `requestMinCompressionSizeBytes` (0 to 10485760). */
  readonly requestMinCompressionSizeBytes: number;
}

const utf8 = new TextEncoder();

/**
 * What an operation's traits ask of its request body, applied in the order the bytes travel:
 * `@requestCompression` gzips it (its encoding appended to any modeled Content-Encoding), then
 * `@httpChecksumRequired` puts the MD5 of the bytes sent in Content-MD5. Only operations with
 * either trait come here, so other calls pay nothing.
 */
export async function encodeBody(
  op: OperationSchema,
  request: HttpRequest,
  options: BodyEncodingOptions,
): Promise<void> {
  if (request.body === undefined || request.body === null) return;
  let bytes: Uint8Array =
    typeof request.body === "string" ? utf8.encode(request.body) : (request.body as Uint8Array);
  if (
    op.requestCompression?.includes("gzip") &&
    !options.disableRequestCompression &&
    bytes.byteLength >= options.requestMinCompressionSizeBytes
  ) {
    bytes = await gzip(bytes);
    const headers = request.headers;
    const existing = Object.keys(headers).find((h) => h.toLowerCase() === "content-encoding");
    if (existing === undefined) headers["content-encoding"] = "gzip";
    else headers[existing] = `${headers[existing]}, gzip`;
    request.body = bytes;
    for (const h of Object.keys(headers)) {
      if (h.toLowerCase() === "content-length") delete headers[h];
    }
    headers["content-length"] = String(bytes.byteLength);
  }
  if (op.checksumRequired) request.headers["content-md5"] = encodeBase64(md5(bytes));
}
