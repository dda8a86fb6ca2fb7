import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundlePackage } from "../../src/bundle/package.js";
import { run as bundleCommand } from "../../src/cli/commands/bundle.js";
import { generate } from "../generate/run-cli.js";

const FIXTURE = new URL("../emit/fixtures/things.json", import.meta.url);

/** Runs `docsmith bundle ARGS`, capturing what it writes to stderr. */
async function bundleCli(args: string[]): Promise<{ code: number; stderr: string }> {
  const err: string[] = [];
  const write = process.stderr.write;
  process.stderr.write = ((s: string) => err.push(String(s)) > 0) as typeof write;
  try {
    return { code: await bundleCommand(args), stderr: err.join("") };
  } finally {
    process.stderr.write = write;
  }
}

describe("docsmith bundle", () => {
  let root: string;
  const pkg = (...parts: string[]) => join(root, "packages", "things", ...parts);

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), "docsmith-bundle-"));
    writeFileSync(join(root, "pnpm-workspace.yaml"), "packages:\n  - packages/*\n");
    mkdirSync(join(root, "models", "things"), { recursive: true });
    cpSync(FIXTURE, join(root, "models", "things", "things.json"));
    expect((await generate(root, [])).code).toBe(0);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("writes the entry points, one shared chunk and a chunk per validator, into a fresh dist/bundle", async () => {
    mkdirSync(pkg("dist", "stale"), { recursive: true });
    writeFileSync(pkg("dist", "stale", "old.js"), "export {};\n");
    const files = (await bundlePackage(pkg())).filter((f) => f.endsWith(".js"));
    expect(existsSync(pkg("dist", "stale"))).toBe(false);
    expect(files).toContain("dist/bundle/index.js");
    expect(files).toContain("dist/bundle/server.js");
    const chunks = readdirSync(pkg("dist", "bundle", "chunks")).filter((f) => f.endsWith(".js"));
    for (const side of ["input", "output"]) {
      expect(chunks.some((f) => f.startsWith(`ListThings.${side}-`))).toBe(true);
    }
    // Validators stay out of what `import` loads: the entry points and their shared chunk load
    // them with import(); output validators are the server's alone.
    const read = (f: string) => readFileSync(pkg(f), "utf8");
    const loaded = files.filter((f) => !/\.(input|output)-\w+\.js$/.test(f));
    for (const f of loaded) expect(read(f), f).not.toMatch(/function validate\d+\(/);
    const text = loaded.map(read).join("\n");
    expect(text).toMatch(/import\("\.\/(chunks\/)?ListThings\.input-\w+\.js"\)/);
    for (const f of loaded.filter((f) => !f.endsWith("server.js"))) {
      expect(read(f), f).not.toContain(".output-");
    }
    expect(read("dist/bundle/server.js")).toMatch(
      /import\("\.\/chunks\/ListThings\.output-\w+\.js"\)/,
    );
    // The runtime stays a dependency, imported, not copied in.
    const all = files.map((f) => readFileSync(pkg(f), "utf8")).join("\n");
    expect(all).toMatch(/from "@docsmith\/runtime"/);
    expect(all).not.toMatch(/class AwsClient\b/);
    // No class renamed by the bundler (its `name` would change).
    expect(all).not.toMatch(/= class _\w+/);
  });

  it("refuses a folder without entry points, and the command says so", async () => {
    const empty = mkdtempSync(join(tmpdir(), "docsmith-bundle-empty-"));
    try {
      await expect(bundlePackage(empty)).rejects.toThrow("no src/index.ts or src/server.ts");
      const { code, stderr } = await bundleCli([empty]);
      expect(code).toBe(1);
      expect(stderr).toContain("docsmith bundle:");
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it("names the file, line and column of a syntax error", async () => {
    const broken = mkdtempSync(join(tmpdir(), "docsmith-bundle-broken-"));
    try {
      mkdirSync(join(broken, "src"));
      writeFileSync(join(broken, "src", "index.ts"), "export const x = ;\n");
      const { code, stderr } = await bundleCli([broken]);
      expect(code).toBe(1);
      expect(stderr).toMatch(/src\/index\.ts:1:\d+: /);
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  });
});
