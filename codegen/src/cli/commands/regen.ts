import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Model } from "../../model/ast.js";
import { flattenMixins } from "../../model/load.js";
import { changesetFileName, renderChangeset } from "../../regen/changeset.js";
import { diffModels } from "../../regen/model-diff.js";
import { main } from "../main.js";
import { findRoot } from "./transcribe.js";

/**
 * `docsmith regen [--no-verify]`: the whole docs-change loop. Transcribe the docs, generate the
 * packages, record each package's API change as a changeset (bump classified from the model
 * diff), then build and test everything (`--no-verify` skips that last step).
 */
const USAGE =
  "usage: docsmith regen [--no-verify]\n" +
  "  transcribe, generate, write a changeset per package whose API changed, then build and test\n" +
  "  --no-verify  skip the build and test";

export async function run(args: string[]): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const unknown = args.filter((a) => a !== "--no-verify");
  if (unknown.length > 0) {
    process.stderr.write(`docsmith regen: unknown argument '${unknown[0]}'\n${USAGE}\n`);
    return 2;
  }
  const root = findRoot(process.cwd());
  const services = listServices(root);
  // The API a change is measured from: the committed model (git HEAD), so that running regen
  // again while editing the docs, or after a plain transcribe + generate, still sees every
  // change since the last commit; outside git, the model on disk before this run.
  const baseline = gitHead(root);
  const before = new Map(services.map((svc) => [svc, baselineModel(root, svc, baseline)]));
  // Transcribe writes the models before generate runs: if generate then fails, put them back,
  // so that a failed regen leaves nothing written.
  const written = snapshotModels(root, services);

  for (const step of [["transcribe"], ["generate"]]) {
    process.stdout.write(`regen: docsmith ${step.join(" ")}\n`);
    const code = await main(step);
    if (code !== 0) {
      const restored = restoreModels(written);
      if (restored > 0) {
        process.stderr.write(
          `regen: ${step[0]} failed; the ${restored} model file(s) transcribe wrote are restored: nothing written\n`,
        );
      }
      return code;
    }
  }

  for (const svc of services) {
    const old = before.get(svc);
    const now = readModel(root, svc);
    if (!old || !now) continue; // a new service has no API to compare with
    const changes = diffModels(flattenMixins(old), flattenMixins(now));
    const pkg = JSON.parse(readFileSync(path.join(root, "packages", svc, "package.json"), "utf8"));
    const changeset = renderChangeset(pkg.name, serviceTitle(now, svc), changes, baseline);
    const dir = path.join(root, ".changeset");
    if (!changeset) {
      // Edits undone since an earlier run: its changeset no longer says anything true.
      const stale = baseline ? path.join(dir, changesetFileName(pkg.name, baseline)) : undefined;
      if (stale && existsSync(stale)) {
        rmSync(stale);
        process.stdout.write(
          `regen: ${pkg.name}: API unchanged; removed ${path.relative(root, stale)}\n`,
        );
      } else process.stdout.write(`regen: ${pkg.name}: API unchanged\n`);
      continue;
    }
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, changeset.fileName), changeset.text);
    process.stdout.write(
      `regen: ${pkg.name}: ${changes.length} change(s)${baseline ? ` since ${baseline}` : ""} -> .changeset/${changeset.fileName}\n`,
    );
  }

  if (args.includes("--no-verify")) return 0;
  process.stdout.write("regen: turbo run build typecheck test\n");
  // The workspace's own turbo: `docsmith regen` may run without pnpm's bin folder on PATH.
  const local = path.join(root, "node_modules", ".bin", "turbo");
  const bin = existsSync(local) ? local : "turbo";
  const turbo = spawnSync(bin, ["run", "build", "typecheck", "test"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1" },
  });
  if (turbo.error) {
    process.stderr.write(`regen: cannot run turbo (${bin}): ${turbo.error.message}\n`);
    return 1;
  }
  return turbo.status ?? 1;
}

/** The abbreviated commit at HEAD, when `root` is in a git repository with a commit. */
function gitHead(root: string): string | undefined {
  const r = spawnSync("git", ["rev-parse", "--short=12", "HEAD"], { cwd: root, encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() || undefined : undefined;
}

/** The service's model at the baseline commit, else (not committed, no git) the one on disk. */
function baselineModel(root: string, svc: string, baseline: string | undefined): Model | undefined {
  if (baseline) {
    const r = spawnSync("git", ["show", `${baseline}:./packages/${svc}/model.json`], {
      cwd: root,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    if (r.status === 0) return JSON.parse(r.stdout) as Model;
  }
  return readModel(root, svc);
}

interface ModelSnapshot {
  readonly dirs: readonly string[];
  /** The files directly in those folders (what transcribe writes, and service.smithy). */
  readonly files: ReadonlyMap<string, string>;
}

function filesIn(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(dir, entry.name));
}

function snapshotModels(root: string, services: readonly string[]): ModelSnapshot {
  const dirs = services.map((svc) => path.join(root, "models", svc));
  const files = new Map<string, string>();
  for (const dir of dirs)
    for (const file of filesIn(dir)) files.set(file, readFileSync(file, "utf8"));
  return { dirs, files };
}

/** Puts the folders back as they were (changed files rewritten, new ones removed); how many. */
function restoreModels(snapshot: ModelSnapshot): number {
  let restored = 0;
  for (const dir of snapshot.dirs) {
    for (const file of filesIn(dir)) {
      if (!snapshot.files.has(file)) {
        rmSync(file);
        restored++;
      }
    }
  }
  for (const [file, text] of snapshot.files) {
    if (existsSync(file) && readFileSync(file, "utf8") === text) continue;
    writeFileSync(file, text);
    restored++;
  }
  return restored;
}

function listServices(root: string): string[] {
  const models = path.join(root, "models");
  if (!existsSync(models)) return [];
  return readdirSync(models, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

function readModel(root: string, svc: string): Model | undefined {
  const file = path.join(root, "packages", svc, "model.json");
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Model) : undefined;
}

function serviceTitle(model: Model, fallback: string): string {
  for (const shape of Object.values(model.shapes)) {
    const title = shape.type === "service" ? shape.traits?.["smithy.api#title"] : undefined;
    if (typeof title === "string") return title;
  }
  return fallback;
}
