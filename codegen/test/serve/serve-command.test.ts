import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { serveCommand } from "../../src/cli/commands/serve.js";
import { DEFAULT_HOST, DEFAULT_PORT, parseServeArgs } from "../../src/serve/args.js";

describe("parseServeArgs", () => {
  test("defaults: port 8080 on 127.0.0.1, no authentication", () => {
    expect(parseServeArgs(["inspector"])).toEqual({
      target: "inspector",
      port: DEFAULT_PORT,
      host: DEFAULT_HOST,
    });
    expect(DEFAULT_HOST).toBe("127.0.0.1");
  });

  test("every option, in both spellings", () => {
    expect(
      parseServeArgs([
        "all",
        "--port",
        "0",
        "--host",
        "::1",
        "--auth",
        "sigv4",
        "--credentials",
        "c.ini",
      ]),
    ).toEqual({ target: "all", port: 0, host: "::1", credentials: "c.ini" });
    expect(parseServeArgs(["--port=9000", "guardduty", "--auth=sigv4", "--credentials=x"])).toEqual(
      {
        target: "guardduty",
        port: 9000,
        host: "127.0.0.1",
        credentials: "x",
      },
    );
    expect(parseServeArgs(["--help"])).toEqual({ help: true });
    expect(parseServeArgs(["all", "--no-cors"])).toEqual({
      target: "all",
      port: DEFAULT_PORT,
      host: DEFAULT_HOST,
      noCors: true,
    });
  });

  test.each([
    [[], "name a service, or all"],
    [["a", "b"], "one service (or all), got 'a' and 'b'"],
    [["all", "--port"], "--port needs a value"],
    [["all", "--port", "--host", "h"], "--port needs a value"],
    [
      ["all", "--port", "65536"],
      "--port must be a port number (0-65535; 0 picks a free one), got '65536'",
    ],
    [
      ["all", "--port", "80x"],
      "--port must be a port number (0-65535; 0 picks a free one), got '80x'",
    ],
    [["all", "--auth", "basic", "--credentials", "f"], "--auth must be sigv4, got 'basic'"],
    [["all", "--auth", "sigv4"], "--auth sigv4 needs --credentials FILE"],
    [["all", "--credentials", "f"], "--credentials needs --auth sigv4"],
    [["all", "--verbose"], "unknown option '--verbose'"],
  ])("%j is bad usage: %s", (args, message) => {
    expect(parseServeArgs(args)).toBe(message);
  });
});

describe("serveCommand", () => {
  const root = mkdtempSync(join(tmpdir(), "docsmith-serve-cmd-"));
  mkdirSync(join(root, "models"));
  mkdirSync(join(root, "packages", "forecasts"), { recursive: true });
  writeFileSync(join(root, "packages", "forecasts", "model.json"), '{"smithy":"2.0","shapes":{}}');
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const io = () => {
    const out: string[] = [];
    const err: string[] = [];
    return {
      out,
      err,
      io: { root, out: (t: string) => void out.push(t), err: (t: string) => void err.push(t) },
    };
  };

  test("bad usage exits 2 and prints the usage", async () => {
    const { io: streams, err } = io();
    expect(await serveCommand(["--port", "x", "all"], streams)).toBe(2);
    expect(err.join("")).toMatch(
      /^docsmith serve: --port must be a port number .*\nusage: docsmith serve <svc>\|all/,
    );
  });

  test("--help prints the help, routing rules included, and exits 0", async () => {
    const { io: streams, out } = io();
    expect(await serveCommand(["--help"], streams)).toBe(0);
    expect(out.join("")).toContain("X-Amz-Target");
  });

  test("an unknown service exits 2 naming the services there are", async () => {
    const { io: streams, err } = io();
    expect(await serveCommand(["nosuch"], streams)).toBe(2);
    expect(err.join("")).toBe(
      "docsmith serve: unknown service 'nosuch' (services: forecasts; or all)\n",
    );
  });

  test("a package that is not built exits 1 saying to build it", async () => {
    const { io: streams, err } = io();
    expect(await serveCommand(["forecasts"], streams)).toBe(1);
    expect(err.join("")).toBe(
      "docsmith serve: packages/forecasts/dist/bundle/server.js is missing: build the packages first (pnpm run build)\n",
    );
  });

  test("a model.json without a service exits 1 naming the file", async () => {
    const { io: streams, err } = io();
    const dist = join(root, "packages", "forecasts", "dist");
    mkdirSync(join(dist, "bundle"), { recursive: true });
    writeFileSync(
      join(dist, "bundle", "server.js"),
      "export function createForecastsHandler() {}\n",
    );
    try {
      expect(await serveCommand(["forecasts"], streams)).toBe(1);
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
    expect(err.join("")).toBe(
      "docsmith serve: packages/forecasts/model.json: expected one service shape in the model, found 0\n",
    );
  });

  test("an unreadable or bad credentials file exits 1 before anything listens", async () => {
    const { io: streams, err, out } = io();
    const missing = join(root, "missing.ini");
    expect(
      await serveCommand(["forecasts", "--auth", "sigv4", "--credentials", missing], streams),
    ).toBe(1);
    expect(err.join("")).toBe(`docsmith serve: cannot read credentials file ${missing}: ENOENT\n`);
    const bad = join(root, "bad.ini");
    writeFileSync(bad, "[p]\naws_access_key_id = A\n");
    expect(
      await serveCommand(["forecasts", "--auth", "sigv4", "--credentials", bad], streams),
    ).toBe(1);
    expect(err.join("")).toContain(
      `docsmith serve: ${bad}:1:1: profile [p] has no aws_secret_access_key\n`,
    );
    expect(out).toEqual([]);
  });
});

describe("docsmith serve from outside any checkout", () => {
  test("serves the packages of the checkout the CLI belongs to", async () => {
    const { spawnSync } = await import("node:child_process");
    const cli = join(import.meta.dirname, "..", "..", "bin", "docsmith.js");
    const outside = mkdtempSync(join(tmpdir(), "docsmith-outside-"));
    try {
      // An unknown service fails before listening, naming the services it found.
      const r = spawnSync(process.execPath, [cli, "serve", "nosuch", "--port", "0"], {
        cwd: outside,
        encoding: "utf8",
        timeout: 30_000,
      });
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/unknown service 'nosuch' \(services: [^)]*inspector/);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
