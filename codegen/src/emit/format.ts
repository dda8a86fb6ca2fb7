import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Configuration } from "@biomejs/js-api";

/**
 * Formats generated TypeScript and JavaScript with biome, under the repository's biome.json
 * formatter settings, so that `biome check` passes on what `docsmith generate` writes. Imports
 * of TypeScript modules are organized too (biome's organizeImports assist); validator modules
 * (.js, ajv's output) are only formatted.
 *
 * `formatSources` formats a batch of files in one run of biome's native binary over a temporary
 * folder, many times faster than its wasm build file by file; the wasm build (`createFormatter`)
 * stands in when no native binary is installed for this platform, or it cannot run.
 */
export interface Formatter {
  format(path: string, content: string): string;
  /** Lint diagnostics of a file (empty when clean); used by tests. */
  lint(path: string, content: string): string[];
}

/** A source file to format: its path in the package (which says its language) and its text. */
export interface SourceFile {
  path: string;
  content: string;
}

/** The repository's biome.json (codegen/src/emit and codegen/dist/emit are three levels down). */
function repoConfiguration(): Configuration {
  const file = fileURLToPath(new URL("../../../biome.json", import.meta.url));
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  } catch {
    raw = {
      formatter: { enabled: true, indentStyle: "space", indentWidth: 2, lineWidth: 100 },
      javascript: { formatter: { quoteStyle: "double", semicolons: "always" } },
    };
  }
  const { formatter, javascript, linter } = raw;
  return { formatter, javascript, linter } as Configuration;
}

/**
 * Formats `files` (paths relative to a package, `/`-separated, without `..`) and returns their
 * formatted texts in the same order. Throws naming the file when one cannot be formatted.
 */
export async function formatSources(files: readonly SourceFile[]): Promise<string[]> {
  if (files.length === 0) return [];
  const seen = new Set<string>();
  for (const f of files) {
    if (seen.has(f.path) || f.path.startsWith("/") || f.path.split("/").includes("..")) {
      throw new Error(`cannot format generated ${f.path}: a duplicate, or outside the package`);
    }
    seen.add(f.path);
  }
  const binary = nativeBiome();
  if (binary) {
    try {
      return await formatNative(binary, files);
    } catch (e) {
      if (!(e instanceof NativeUnavailable)) throw e;
      // A binary for another libc, say: the wasm build formats from now on.
      native = null;
    }
  }
  const formatter = await createFormatter();
  return files.map((f) => formatter.format(f.path, f.content));
}

/**
 * The sources biome's own `biome check` would skip (with a warning) for their size: over its
 * default files.maxSize, which the checkout keeps. Formatting here has no such limit.
 */
export function overBiomeLimit(
  files: readonly { path: string; content: string }[],
): { path: string; bytes: number }[] {
  return files
    .filter((f) => /\.[cm]?[jt]sx?$/.test(f.path))
    .map((f) => ({ path: f.path, bytes: Buffer.byteLength(f.content) }))
    .filter((f) => f.bytes > BIOME_MAX_SIZE);
}

/** biome's default files.maxSize, which the checkout's `biome check` keeps. */
export const BIOME_MAX_SIZE = 1024 * 1024;

// ---------------------------------------------------------------------------------------------
// Native: one `biome check --write` over a temporary folder.

/** Where each platform's biome binary is, as @biomejs/biome's own launcher finds it. */
const NATIVE_PACKAGES: Record<string, string[]> = {
  "linux-x64": ["@biomejs/cli-linux-x64/biome", "@biomejs/cli-linux-x64-musl/biome"],
  "linux-arm64": ["@biomejs/cli-linux-arm64/biome", "@biomejs/cli-linux-arm64-musl/biome"],
  "darwin-x64": ["@biomejs/cli-darwin-x64/biome"],
  "darwin-arm64": ["@biomejs/cli-darwin-arm64/biome"],
  "win32-x64": ["@biomejs/cli-win32-x64/biome.exe"],
  "win32-arm64": ["@biomejs/cli-win32-arm64/biome.exe"],
};

let native: string | null | undefined;

/**
 * The native biome binary of @biomejs/biome (the same version as the wasm build, pinned in
 * package.json), or null when this platform has none installed. `DOCSMITH_BIOME=wasm` forces
 * the wasm build (tests compare the two).
 */
function nativeBiome(): string | null {
  if (native !== undefined) return native;
  native = null;
  if (process.env.DOCSMITH_BIOME === "wasm") return native;
  try {
    const launcher = createRequire(import.meta.url).resolve("@biomejs/biome/package.json");
    const require = createRequire(launcher);
    for (const candidate of NATIVE_PACKAGES[`${process.platform}-${process.arch}`] ?? []) {
      try {
        native = require.resolve(candidate);
        break;
      } catch {
        // Not this one (a musl build on glibc, or the reverse): try the next.
      }
    }
  } catch {
    // @biomejs/biome itself is missing: the wasm build formats.
  }
  return native;
}

/** biome.json of the temporary folder: the repository's formatter, imports organized in .ts. */
function nativeConfiguration(): object {
  const { formatter, javascript } = repoConfiguration();
  return {
    vcs: { enabled: false },
    // The checkout's `biome check` keeps the 1 MiB default (generate warns of files over it);
    // here a larger one still gets formatted.
    files: { includes: ["**"], maxSize: 64 * 1024 * 1024 },
    formatter,
    javascript,
    linter: { enabled: false },
    assist: { enabled: true, actions: { recommended: true } },
    overrides: [{ includes: ["**/*.js"], assist: { enabled: false } }],
  };
}

/** A fresh temporary folder, in memory (/dev/shm) where there is one: thousands of files go there. */
function scratchFolder(): string {
  if (process.platform === "linux") {
    try {
      return mkdtempSync("/dev/shm/docsmith-format-");
    } catch {
      // No /dev/shm, or not writable: the system's temporary folder.
    }
  }
  return mkdtempSync(join(tmpdir(), "docsmith-format-"));
}

/**
 * biome runs at once: one per core (a run formats its files one after another), so that the
 * formatting left when emission ends has every core. Further batches wait their turn, in order.
 */
const RUNS = availableParallelism();
let running = 0;
const waiting: (() => void)[] = [];

async function inTurn<T>(work: () => Promise<T>): Promise<T> {
  // A finished run hands its turn to the next waiting one, so `running` never overshoots.
  if (running >= RUNS) await new Promise<void>((resolve) => waiting.push(resolve));
  else running++;
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

/**
 * TypeScript through `biome check --write` (formatter and organizeImports), JavaScript (ajv's
 * validators, most of the bytes) through `biome format --write`, which does less work per file:
 * two runs, side by side.
 */
async function formatNative(binary: string, files: readonly SourceFile[]): Promise<string[]> {
  const js = (f: SourceFile) => f.path.endsWith(".js");
  const groups = [
    { command: "format", files: files.filter(js) },
    { command: "check", files: files.filter((f) => !js(f)) },
  ].filter((g) => g.files.length > 0);
  const done = await Promise.all(
    groups.map((g) => inTurn(() => formatInFolder(binary, g.command, g.files))),
  );
  const byPath = new Map<string, string>();
  groups.forEach((g, i) => {
    for (const [j, f] of g.files.entries()) byPath.set(f.path, done[i]![j]!);
  });
  return files.map((f) => byPath.get(f.path)!);
}

async function formatInFolder(
  binary: string,
  command: string,
  files: readonly SourceFile[],
): Promise<string[]> {
  const dir = scratchFolder();
  try {
    const root = join(dir, "package");
    writeFileSync(join(dir, "biome.json"), JSON.stringify(nativeConfiguration()));
    for (const f of files) {
      const path = join(root, f.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, f.content);
    }
    const { code, output } = await run(binary, [
      command,
      "--write",
      "--colors=off",
      "--no-errors-on-unmatched",
      "--max-diagnostics=20",
      `--config-path=${join(dir, "biome.json")}`,
      root,
    ]);
    if (code !== 0) {
      const named = files.filter((f) => output.includes(f.path)).map((f) => f.path);
      throw new Error(
        `cannot format generated ${named.length > 0 ? named.join(", ") : "files"}:\n${output.split(root).join("").trim()}`,
      );
    }
    return files.map((f) => readFileSync(join(root, f.path), "utf8"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The native binary could not be started (as opposed to biome refusing the code). */
class NativeUnavailable extends Error {}

function run(binary: string, args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    execFile(binary, args, { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error && typeof error.code === "string") {
        // ENOENT, EACCES, ENOEXEC: not started at all.
        reject(new NativeUnavailable(`cannot run biome (${binary}): ${error.message}`));
        return;
      }
      if (error && typeof error.code !== "number") {
        reject(new Error(`biome (${binary}) stopped: ${error.signal ?? error.message}`));
        return;
      }
      resolve({ code: error ? (error.code as number) : 0, output: `${stdout}${stderr}` });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// wasm: in memory, file by file.

let shared: Promise<Formatter> | undefined;

export function createFormatter(): Promise<Formatter> {
  shared ??= (async () => {
    // Loaded only when used: generation goes through the native binary where there is one.
    const { Biome, Distribution } = await import("@biomejs/js-api");
    const biome = await Biome.create({ distribution: Distribution.NODE });
    const { projectKey } = biome.openProject("/");
    biome.applyConfiguration(projectKey, repoConfiguration());
    return {
      format(path, content) {
        try {
          return formatOnce(path, content);
        } catch (e) {
          // biome's wasm throws bare errors (a WasmError with an empty message on huge files).
          const detail = (e as Error).message || String(e) || "no message";
          if (detail.startsWith("cannot format generated")) throw e;
          throw new Error(
            `cannot format generated ${path} (${content.length} characters): ${detail}`,
          );
        }
      },
      lint(path, content) {
        const result = biome.lintContent(projectKey, content, { filePath: path });
        return result.diagnostics.map((d) =>
          biome.printDiagnostics([d], { filePath: path, fileSource: content }),
        );
      },
    };
    function formatOnce(path: string, content: string): string {
      // Safe fixes first (import order, as `biome check` wants it), then the formatter. The
      // linter is slow (most of generation's time when it ran on whole files), and only the
      // import block needs it.
      const fix = (text: string) =>
        biome.lintContent(projectKey, text, { filePath: path, fixFileMode: "safeFixes" }).content;
      let fixed = content;
      if (!path.endsWith(".js")) {
        const split = importBlockEnd(content);
        if (split > 0) fixed = fix(content.slice(0, split)) + content.slice(split);
      }
      const result = biome.formatContent(projectKey, fixed, { filePath: path });
      const errors = result.diagnostics.filter(
        (d) => d.severity === "error" || d.severity === "fatal",
      );
      if (errors.length > 0) {
        const detail = biome.printDiagnostics(errors, { filePath: path, fileSource: content });
        throw new Error(`cannot format generated ${path}:\n${detail}`);
      }
      return result.content;
    }
  })();
  return shared;
}

/**
 * Where the leading comments, import declarations and re-exports (`export * from`, which
 * organizeImports sorts too) of a module end.
 */
function importBlockEnd(text: string): number {
  const lines = text.split("\n");
  let offset = 0;
  let inImport = false;
  for (const line of lines) {
    const starts = line.startsWith("import ") || /^export (type )?(\*|\{)/.test(line);
    if (!inImport && !starts && !line.startsWith("//") && line.trim() !== "") break;
    if (starts) inImport = true;
    if (inImport && line.trimEnd().endsWith(";")) inImport = false;
    offset += line.length + 1;
  }
  return offset;
}
