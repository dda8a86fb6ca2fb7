// Browsers: SHA-256 and HMAC-SHA256 for the SigV4 signer from Web Crypto (crypto.subtle), which
// every browser has in secure contexts and Node 20 has too (so this file is tested there). Where
// it is missing (a page on plain http from another host than localhost, a runtime without it),
// the plain-JavaScript sha256-portable.ts, loaded then and only then. Same functions as
// sha256.ts, asynchronous.
import type { HashInput, HmacKey } from "./sha256.js";

export type { HashInput, HmacKey } from "./sha256.js";

const utf8 = new TextEncoder();
const HMAC = { name: "HMAC", hash: "SHA-256" } as const;

type Portable = typeof import("./sha256-portable.js");
let portableModule: Promise<Portable> | undefined;

/** Web Crypto, or undefined where this context has none. */
function subtle(): SubtleCrypto | undefined {
  return globalThis.crypto?.subtle;
}

function portable(): Promise<Portable> {
  portableModule ??= import("./sha256-portable.js");
  return portableModule;
}

function bytes(data: HashInput): Uint8Array {
  if (typeof data === "string") return utf8.encode(data);
  return ArrayBuffer.isView(data)
    ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
    : new Uint8Array(data);
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

function hex(buffer: ArrayBuffer | Uint8Array): string {
  const b = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
  let out = "";
  for (let i = 0; i < b.length; i++) out += HEX[b[i]!];
  return out;
}

/** Lower-case hex SHA-256 of `data`. */
export async function sha256Hex(data: HashInput): Promise<string> {
  const s = subtle();
  if (s) return hex(await s.digest("SHA-256", bytes(data) as BufferSource));
  return hex((await portable()).sha256(bytes(data)));
}

/**
 * `raw` as a key for `hmacHex`: a non-extractable CryptoKey, imported once per signing key, or
 * the bytes themselves without Web Crypto.
 */
export async function hmacKey(raw: Uint8Array): Promise<HmacKey> {
  const s = subtle();
  return s ? s.importKey("raw", raw as BufferSource, HMAC, false, ["sign"]) : raw.slice();
}

/** HMAC-SHA256 of the text `data` under a raw key (text as UTF-8, or bytes). */
export async function hmac(key: string | Uint8Array, data: string): Promise<Uint8Array> {
  const s = subtle();
  if (!s) return (await portable()).hmacSha256(bytes(key), utf8.encode(data));
  const k = await s.importKey("raw", bytes(key) as BufferSource, HMAC, false, ["sign"]);
  return new Uint8Array(await s.sign("HMAC", k, utf8.encode(data)));
}

/** Lower-case hex HMAC-SHA256 of the text `data` under `key` (from `hmacKey`). */
export async function hmacHex(key: HmacKey, data: string): Promise<string> {
  if (key instanceof Uint8Array) {
    return hex((await portable()).hmacSha256(key, utf8.encode(data)));
  }
  return hex(await subtle()!.sign("HMAC", key as CryptoKey, utf8.encode(data)));
}
