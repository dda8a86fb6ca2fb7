import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import type { SuiteService } from "./model.js";
import { generatedDir } from "./paths.js";

/** What the harness uses of a generated package. */
export interface GeneratedService {
  readonly service: SuiteService;
  readonly dir: string;
  /** src/index.ts: the client class, `<Op>Command` classes, exception classes. */
  readonly client: Record<string, unknown>;
  /** src/server.ts: `create<Svc>Handler`. */
  readonly server: Record<string, unknown>;
  /** src/schemas.ts: `service` and `operations`. */
  readonly schemas: Record<string, unknown>;
}

/** A service the generator could not make (or whose package does not load), and why. */
export interface FailedService {
  readonly service: SuiteService;
  readonly reason: string;
}

const require = createRequire(import.meta.url);
const codegenDir = dirname(require.resolve("@docsmith/codegen/package.json"));
const docsmithBin = join(codegenDir, "bin/docsmith.js");

/**
 * Generates every suite service into e2e/.generated/<name> with `docsmith generate --model`, at
 * most two at a time. A package is regenerated when the model or the generator (codegen/dist,
 * codegen/prelude) changed since it was last generated; otherwise the one on disk is current.
 * DOCSMITH_PROTOCOL_TESTS_REUSE=1 keeps any package already on disk (for working on the harness
 * while the generator is being rebuilt); so does `generate: false` (a child process running one
 * case, after its parent generated the packages).
 */
export async function generateServices(
  services: readonly SuiteService[],
  astJson: string,
  options: { generate?: boolean } = {},
): Promise<(GeneratedService | FailedService)[]> {
  mkdirSync(join(generatedDir, "stamps"), { recursive: true });
  // Packages sit at .generated/packages/<name>, as packages/<svc> sit in the checkout: their
  // tsconfig extends ../../tsconfig.base.json, which here forwards to the checkout's.
  const base = join(generatedDir, "tsconfig.base.json");
  const baseText = '{ "extends": "../../tsconfig.base.json" }\n';
  if (readOrEmpty(base) !== baseText) writeFileSync(base, baseText);
  const modelFile = join(generatedDir, "protocol-tests.model.json");
  if (readOrEmpty(modelFile) !== astJson) writeFileSync(modelFile, astJson);
  const generator = treeHash([join(codegenDir, "dist"), join(codegenDir, "prelude")]);
  const pending = services.map((service) => async () => {
    const dir = join(generatedDir, "packages", service.dirName);
    const stampFile = join(generatedDir, "stamps", `${service.dirName}.sha256`);
    const stamp = sha256(`${generator}\n${service.id}\n${astJson}`);
    const reuse =
      options.generate === false ||
      (process.env.DOCSMITH_PROTOCOL_TESTS_REUSE === "1" && readOrEmpty(stampFile) !== "");
    if (!reuse && readOrEmpty(stampFile) !== stamp) {
      await run(process.execPath, [
        docsmithBin,
        "generate",
        "--model",
        modelFile,
        "--service",
        service.id,
        "--out",
        dir,
      ]);
      writeFileSync(stampFile, stamp);
    }
    return dir;
  });
  const dirs = await pool(pending, 2);
  const out: (GeneratedService | FailedService)[] = [];
  for (let i = 0; i < services.length; i++) {
    const service = services[i]!;
    const dir = dirs[i]!;
    if (dir instanceof Error) {
      out.push({ service, reason: dir.message });
      continue;
    }
    const load = (file: string) =>
      import(pathToFileURL(join(dir, "src", file)).href) as Promise<Record<string, unknown>>;
    try {
      out.push({
        service,
        dir,
        client: await load("index.ts"),
        server: await load("server.ts"),
        schemas: await load("schemas.ts"),
      });
    } catch (error) {
      out.push({ service, reason: `the generated package does not load: ${String(error)}` });
    }
  }
  return out;
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { maxBuffer: 64 * 1024 * 1024 }, (error, _stdout, stderr) => {
      const why = (stderr || error?.message || "").trim().split("\n").join(" | ");
      if (error) reject(new Error(`docsmith ${args.slice(1).join(" ")}: ${why}`));
      else resolve();
    });
  });
}

/** Runs tasks `width` at a time; a task's failure is its result. */
async function pool<T>(tasks: (() => Promise<T>)[], width: number): Promise<(T | Error)[]> {
  const results: (T | Error)[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      try {
        results[i] = await tasks[i]!();
      } catch (error) {
        results[i] = error instanceof Error ? error : new Error(String(error));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, tasks.length) }, worker));
  return results;
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** A hash of every file under the given folders (paths and contents). */
function treeHash(roots: string[]): string {
  const hash = createHash("sha256");
  const walk = (dir: string) => {
    let entries: import("node:fs").Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const e of entries) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else if (!e.name.endsWith(".map")) hash.update(path).update(readFileSync(path));
    }
  };
  for (const root of roots) walk(root);
  return hash.digest("hex");
}

function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return "";
  }
}
