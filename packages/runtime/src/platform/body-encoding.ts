// Node: gzip and MD5 from node:zlib and node:crypto, both loaded on first use. The browser
// build swaps in body-encoding.browser.ts (CompressionStream and a pure-JS MD5).

/**
 * The gzip encoding of `data`, on zlib's thread pool. node:zlib is loaded on first use: only
 * `@requestCompression` operations need it, and the client's import time is measured.
 */
export async function gzip(data: Uint8Array): Promise<Uint8Array> {
  const zlib = await import("node:zlib");
  const out = await new Promise<Buffer>((resolve, reject) =>
    zlib.gzip(data, (error, result) => (error ? reject(error) : resolve(result))),
  );
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

/** The MD5 digest of `data`. */
export function md5(data: Uint8Array): Uint8Array {
  const out = process.getBuiltinModule("node:crypto").createHash("md5").update(data).digest();
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
