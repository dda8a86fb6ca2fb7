import { execFileSync } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { Agent, createServer } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { NodeHttpHandler } from "../../src/platform/node-http-handler.js";

describe("NodeHttpHandler over https", () => {
  it("loads node:https on demand and talks TLS with keep-alive", async () => {
    const dir = mkdtempSync(join(tmpdir(), "docsmith-tls-"));
    try {
      execFileSync(
        "openssl",
        [
          "req",
          "-x509",
          "-newkey",
          "rsa:2048",
          "-nodes",
          "-days",
          "1",
          "-subj",
          "/CN=127.0.0.1",
          "-addext",
          "subjectAltName=IP:127.0.0.1",
          "-keyout",
          join(dir, "key.pem"),
          "-out",
          join(dir, "cert.pem"),
        ],
        { stdio: "ignore" },
      );
      const cert = readFileSync(join(dir, "cert.pem"));
      const server = createServer({ key: readFileSync(join(dir, "key.pem")), cert }, (req, res) => {
        req.resume();
        req.on("end", () => {
          res.writeHead(200, { "content-type": "application/json", "X-Echo": req.url ?? "" });
          res.end('{"ok":true}');
        });
      });
      server.listen(0, "127.0.0.1");
      await once(server, "listening");
      const { port } = server.address() as AddressInfo;
      const handler = new NodeHttpHandler({ httpsAgent: new Agent({ ca: cert, keepAlive: true }) });
      try {
        for (let i = 0; i < 2; i++) {
          const { response } = await handler.handle({
            protocol: "https:",
            hostname: "127.0.0.1",
            port,
            method: "POST",
            path: "/a%20b",
            query: { q: ["1", "x y"] },
            headers: { "content-type": "application/json" },
            body: "{}",
          });
          expect(response.statusCode).toBe(200);
          expect(response.headers["x-echo"]).toBe("/a%20b?q=1&q=x%20y");
          expect(new TextDecoder().decode(response.body as Uint8Array)).toBe('{"ok":true}');
        }
      } finally {
        handler.destroy();
        server.closeAllConnections();
        server.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
