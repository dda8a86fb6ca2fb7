// Node: SHA-256 and HMAC from node:crypto, several times faster than the pure-JS hash. The
// "browser" field maps this module to sha256.browser.js (@aws-crypto/sha256-js).
import { createHash, createHmac, type Hash, type Hmac } from "node:crypto";
import type { Checksum, SourceData } from "@smithy/types";

function toBuffer(data: SourceData): Buffer | string {
  if (typeof data === "string") return data;
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return Buffer.from(data as ArrayBuffer);
}

export class Sha256 implements Checksum {
  private hash: Hash | Hmac;
  constructor(private readonly secret?: SourceData) {
    this.hash = this.create();
  }
  private create(): Hash | Hmac {
    return this.secret === undefined
      ? createHash("sha256")
      : createHmac("sha256", toBuffer(this.secret));
  }
  update(data: SourceData): void {
    this.hash.update(toBuffer(data));
  }
  async digest(): Promise<Uint8Array> {
    const buf = this.hash.digest();
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  }
  reset(): void {
    this.hash = this.create();
  }
}
