// Browsers: SHA-256 and HMAC-SHA256 for the SigV4 signer from Web Crypto (crypto.subtle), which
// every browser has in secure contexts and Node 20 has too (so this file is tested there). Same
// functions as sha256.ts, asynchronous.
import type { HashInput, HmacKey } from "./sha256.js";

export type { HashInput, HmacKey } from "./sha256.js";

const utf8 = new TextEncoder();
const HMAC = { name: "HMAC", hash: "SHA-256" } as const;

function subtle(): SubtleCrypto {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new Error("SigV4 signing needs Web Crypto (crypto.subtle): use a secure context");
  return s;
}

function bytes(data: HashInput): BufferSource {
  return typeof data === "string" ? utf8.encode(data) : (data as BufferSource);
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

function hex(buffer: ArrayBuffer): string {
  const b = new Uint8Array(buffer);
  let out = "";
  for (let i = 0; i < b.length; i++) out += HEX[b[i]!];
  return out;
}

/** Lower-case hex SHA-256 of `data`. */
export async function sha256Hex(data: HashInput): Promise<string> {
  return hex(await subtle().digest("SHA-256", bytes(data)));
}

/** `raw` as a key for `hmacHex`: a non-extractable CryptoKey, imported once per signing key. */
export function hmacKey(raw: Uint8Array): Promise<HmacKey> {
  return subtle().importKey("raw", raw as BufferSource, HMAC, false, ["sign"]);
}

/** HMAC-SHA256 of the text `data` under a raw key (text as UTF-8, or bytes). */
export async function hmac(key: string | Uint8Array, data: string): Promise<Uint8Array> {
  const k = await subtle().importKey("raw", bytes(key), HMAC, false, ["sign"]);
  return new Uint8Array(await subtle().sign("HMAC", k, utf8.encode(data)));
}

/** Lower-case hex HMAC-SHA256 of the text `data` under `key`. */
export async function hmacHex(key: HmacKey, data: string): Promise<string> {
  return hex(await subtle().sign("HMAC", key as CryptoKey, utf8.encode(data)));
}
