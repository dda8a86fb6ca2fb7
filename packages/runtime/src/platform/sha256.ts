// Node: SHA-256 and HMAC-SHA256 for the SigV4 signer, from node:crypto (native and synchronous).
// The browser build swaps in sha256.browser.ts (Web Crypto, asynchronous); both
// export the same functions, and the signer awaits their results either way.

/** node:crypto, loaded by the first signature rather than at import (it costs ~7 ms to load). */
const crypto = (): typeof import("node:crypto") => process.getBuiltinModule("node:crypto");

/** What the signer hashes: text (as UTF-8) or bytes. */
export type HashInput = string | ArrayBufferView | ArrayBuffer;

/** A key prepared for repeated HMACs: here its bytes; a CryptoKey in browsers. */
export type HmacKey = object;

// Any TypedArray or DataView goes to node:crypto as it is (its types say Uint8Array | DataView).
function bytes(data: ArrayBufferView | ArrayBuffer): Uint8Array {
  return ArrayBuffer.isView(data) ? (data as Uint8Array) : new Uint8Array(data);
}

/** Lower-case hex SHA-256 of `data` (one-shot `hash`, Node 20.12+: half the cost of createHash). */
export function sha256Hex(data: HashInput): string {
  return crypto().hash("sha256", typeof data === "string" ? data : bytes(data), "hex");
}

/** HMAC-SHA256 of the text `data` under a raw key (text as UTF-8, or bytes). */
export function hmac(key: string | Uint8Array, data: string): Uint8Array {
  return crypto().createHmac("sha256", key).update(data).digest();
}

/** `raw` as a key for `hmacHex` (Node takes the bytes as they are). */
export function hmacKey(raw: Uint8Array): HmacKey {
  return raw;
}

/** Lower-case hex HMAC-SHA256 of the text `data` under `key`. */
export function hmacHex(key: HmacKey, data: string): string {
  return crypto()
    .createHmac("sha256", key as Uint8Array)
    .update(data)
    .digest("hex");
}
