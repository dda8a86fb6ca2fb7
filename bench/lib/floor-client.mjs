// The floor of a signed AWS call in Node, with no SDK: JSON.stringify the input, sign with
// @smithy/signature-v4 (SHA-256 from node:crypto, as our runtime and the SDK use in Node), send
// on a node:http keep-alive agent, collect the body, JSON.parse it. Anything a client does beyond
// this is its overhead.
import { createHash, createHmac } from "node:crypto";
import { Agent, request } from "node:http";
import { SignatureV4 } from "@smithy/signature-v4";

class Sha256 {
  constructor(secret) {
    this.secret = secret;
    this.reset();
  }
  update(data) {
    this.hash.update(
      typeof data === "string" ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength),
    );
  }
  async digest() {
    return new Uint8Array(this.hash.digest());
  }
  reset() {
    this.hash =
      this.secret === undefined
        ? createHash("sha256")
        : createHmac(
            "sha256",
            typeof this.secret === "string" ? this.secret : Buffer.from(this.secret),
          );
  }
}

/**
 * `call(input) -> Promise<output>` for one operation. `wire` says how it goes on the wire:
 * `{ method, path, headers }` (awsJson: POST / with X-Amz-Target; restJson: the @http route).
 */
export function floorCall({ port, region, credentials, signingName, wire }) {
  const agent = new Agent({ keepAlive: true, maxSockets: 50 });
  const signer = new SignatureV4({ credentials, region, service: signingName, sha256: Sha256 });
  const host = `127.0.0.1:${port}`;
  return async (input) => {
    const body = JSON.stringify(input);
    const signed = await signer.sign({
      method: wire.method,
      protocol: "http:",
      hostname: "127.0.0.1",
      port,
      path: wire.path,
      query: {},
      headers: { ...wire.headers, host, "content-length": String(Buffer.byteLength(body)) },
      body,
    });
    return new Promise((resolve, reject) => {
      const req = request(
        {
          agent,
          method: wire.method,
          host: "127.0.0.1",
          port,
          path: wire.path,
          headers: signed.headers,
        },
        (res) => {
          const chunks = [];
          res.on("data", (c) => chunks.push(c));
          res.on("error", reject);
          res.on("end", () => {
            const text = Buffer.concat(chunks).toString("utf8");
            if (res.statusCode !== 200) reject(new Error(`HTTP ${res.statusCode}: ${text}`));
            else resolve(JSON.parse(text));
          });
        },
      );
      req.on("error", reject);
      req.end(body);
    });
  };
}
