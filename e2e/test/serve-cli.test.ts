/** `docsmith serve` as a process: the listening line, one log line per request, clean stops, usage errors. */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { expect, test } from "vitest";
import { REPO_ROOT, startServe } from "../src/serve-process.js";

const DOCSMITH = join(REPO_ROOT, "codegen", "bin", "docsmith.js");

test.each(["SIGINT", "SIGTERM"] as const)(
  "serve one service on 127.0.0.1 with a free port; %s stops it with exit 0",
  async (signal) => {
    const serve = await startServe(["securityhub", "--port", "0"]);
    try {
      expect(serve.url).toMatch(/^http:\/\/127\.0\.0\.1:[1-9]\d*$/);
      const response = await fetch(`${serve.url}/actionTargets`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ Description: "string", Id: "string", Name: "string" }),
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ ActionTargetArn: "string" });
      const bad = await fetch(`${serve.url}/actionTargets`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ Description: "string", Id: "x".repeat(21), Name: "string" }),
      });
      expect(bad.status).toBe(400);
      expect(bad.headers.get("x-amzn-errortype")).toBe("InvalidInputException");
      await bad.arrayBuffer();
    } finally {
      expect(await serve.stop(signal)).toBe(0);
    }
    const log = serve
      .stdout()
      .split("\n")
      .filter((l) => l.startsWith("securityhub "));
    expect(log).toHaveLength(2);
    expect(log[0]).toMatch(/ POST "\/actionTargets" CreateActionTarget 200 - [\d.]+ms$/);
    expect(log[1]).toMatch(
      / POST "\/actionTargets" CreateActionTarget 400 InvalidInputException [\d.]+ms$/,
    );
  },
);

test.each([
  [[] as string[], 204],
  [["--no-cors"], 405],
])("serve all %j answers a browser's CORS preflight with %i", async (flags, status) => {
  const serve = await startServe(["all", "--port", "0", ...flags]);
  try {
    const preflight = await fetch(`${serve.url}/actionTargets`, {
      method: "OPTIONS",
      headers: {
        origin: "http://localhost:5173",
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type,authorization,x-amz-date",
      },
    });
    await preflight.arrayBuffer();
    expect(preflight.status).toBe(status);
    expect(preflight.headers.get("access-control-allow-origin")).toBe(status === 204 ? "*" : null);
    const call = await fetch(`${serve.url}/actionTargets`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: "http://localhost:5173" },
      body: JSON.stringify({ Description: "string", Id: "string", Name: "string" }),
    });
    await call.arrayBuffer();
    expect(call.status).toBe(200);
    expect(call.headers.get("access-control-expose-headers")).toBe(status === 204 ? "*" : null);
  } finally {
    expect(await serve.stop("SIGTERM")).toBe(0);
  }
});

test("bad usage exits 2 with the usage", () => {
  const result = spawnSync(process.execPath, [DOCSMITH, "serve", "--port", "abc", "all"], {
    cwd: REPO_ROOT,
    encoding: "utf8",
  });
  expect(result.status).toBe(2);
  expect(result.stderr).toContain("usage: docsmith serve <svc>|all");
  expect(result.stdout).toBe("");
});

test("an unknown service exits 2 and names the services there are", () => {
  const result = spawnSync(process.execPath, [DOCSMITH, "serve", "nosuch"], {
    cwd: REPO_ROOT,
    encoding: "utf8",
  });
  expect(result.status).toBe(2);
  expect(result.stderr).toMatch(/unknown service 'nosuch' \(services: .*inspector.*; or all\)/);
});

test("an address already in use is a clear error, exit 1", async () => {
  const first = await startServe(["guardduty", "--port", "0"]);
  try {
    const port = new URL(first.url).port;
    const result = spawnSync(process.execPath, [DOCSMITH, "serve", "guardduty", "--port", port], {
      cwd: REPO_ROOT,
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`cannot listen on 127.0.0.1:${port}: EADDRINUSE`);
  } finally {
    expect(await first.stop()).toBe(0);
  }
});
