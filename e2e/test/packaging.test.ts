/**
 * Release readiness without publishing: every public package is packed to a local tarball the
 * way `pnpm publish` would pack it (workspace: ranges replaced), and the tarball must pass
 * publint and @arethetypeswrong/cli (ESM-only profile: we ship no CommonJS).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const publicPackages = ["codegen", "packages/runtime", ...servicePackages()];
const out = mkdtempSync(path.join(tmpdir(), "docsmith-pack-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

function servicePackages(): string[] {
  return readdirSync(path.join(root, "packages"))
    .filter((d) => d !== "runtime")
    .map((d) => `packages/${d}`)
    .sort();
}

/** Runs pnpm the way this test was started (turbo -> pnpm), else the pinned pnpm via npx. */
function pnpm(args: string[], cwd: string): string {
  const execpath = process.env.npm_execpath;
  if (execpath && /pnpm/.test(execpath)) {
    return execFileSync(process.execPath, [execpath, ...args], { cwd, encoding: "utf8" });
  }
  return execFileSync("npx", ["--yes", "pnpm@10.34.8", ...args], { cwd, encoding: "utf8" });
}

function bin(name: string): string {
  return path.join(root, "e2e", "node_modules", ".bin", name);
}

describe.each(publicPackages)("%s packs cleanly", (dir) => {
  const manifest = JSON.parse(readFileSync(path.join(root, dir, "package.json"), "utf8"));
  let tarball = "";

  it("packs to a tarball with no workspace: ranges left", () => {
    const dest = mkdtempSync(path.join(out, "t-"));
    pnpm(["pack", "--pack-destination", dest], path.join(root, dir));
    const [file] = readdirSync(dest).filter((f) => f.endsWith(".tgz"));
    expect(file).toBeDefined();
    tarball = path.join(dest, file!);
    const packed = execFileSync("tar", ["-xzOf", tarball, "package/package.json"], {
      encoding: "utf8",
    });
    expect(packed).not.toContain("workspace:");
    expect(JSON.parse(packed).name).toBe(manifest.name);
  });

  // codegen's dist is tsc's file-for-file output, and its emitters hold import lines as text.
  it.skipIf(dir === "codegen")("ships every module its JavaScript imports by relative path", () => {
    // publint checks the export targets; the bundled dist also imports its chunks and lazily
    // loaded validators, which must be in the tarball too.
    const files = new Set(
      execFileSync("tar", ["-tzf", tarball], { encoding: "utf8", maxBuffer: 64 << 20 })
        .split("\n")
        .filter((f) => f.startsWith("package/"))
        .map((f) => f.slice("package/".length)),
    );
    const js = [...files].filter((f) => f.endsWith(".js") && f.startsWith("dist/"));
    expect(js.length).toBeGreaterThan(0);
    const missing: string[] = [];
    for (const file of js) {
      const text = execFileSync("tar", ["-xzOf", tarball, `package/${file}`], {
        encoding: "utf8",
        maxBuffer: 64 << 20,
      });
      // Static imports and exports (a line of its own, or the last line of a multi-line one)
      // and dynamic import() of a literal path; emitters' template text (`${...}`) is not code.
      const specifiers = [
        ...text.matchAll(/^(?:import|export|\})[^\n]*?from\s*"(\.{1,2}\/[^"]+)";/gm),
        ...text.matchAll(/\bimport\("(\.{1,2}\/[^"$]+)"\)/g),
      ];
      for (const m of specifiers) {
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), m[1]!));
        if (!files.has(target)) missing.push(`${file} -> ${m[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });

  // Both tools exit non-zero on a problem, which fails the test with their report.
  it("passes publint (strict: warnings are errors)", () => {
    const result = execFileSync(bin("publint"), ["run", tarball, "--strict"], { encoding: "utf8" });
    expect(result).not.toMatch(/error|warning/i);
  });

  it("passes @arethetypeswrong/cli (esm-only profile)", () => {
    const result = execFileSync(
      bin("attw"),
      [tarball, "--profile", "esm-only", "--format", "ascii"],
      {
        encoding: "utf8",
      },
    );
    // attw exits non-zero on a problem its profile counts. Beyond that, every entry point must
    // resolve for ESM consumers on Node and for bundlers (the only resolutions we support).
    const supported = result.split("\n").filter((l) => /^(node16 \(from ESM\)|bundler):/.test(l));
    expect(supported.length).toBeGreaterThan(0);
    for (const line of supported) expect(line).toContain("🟢");
  });
});
