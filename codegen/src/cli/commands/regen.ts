import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Model } from "../../model/ast.js";
import { flattenMixins } from "../../model/load.js";
import { renderChangeset } from "../../regen/changeset.js";
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
  const before = new Map(services.map((svc) => [svc, readModel(root, svc)]));

  for (const step of [["transcribe"], ["generate"]]) {
    process.stdout.write(`regen: docsmith ${step.join(" ")}\n`);
    const code = await main(step);
    if (code !== 0) return code;
  }

  for (const svc of services) {
    const old = before.get(svc);
    const now = readModel(root, svc);
    if (!old || !now) continue; // a new service has no API to compare with
    const changes = diffModels(flattenMixins(old), flattenMixins(now));
    const pkg = JSON.parse(readFileSync(path.join(root, "packages", svc, "package.json"), "utf8"));
    const changeset = renderChangeset(pkg.name, serviceTitle(now, svc), changes);
    if (!changeset) {
      process.stdout.write(`regen: ${pkg.name}: API unchanged\n`);
      continue;
    }
    const dir = path.join(root, ".changeset");
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, changeset.fileName), changeset.text);
    process.stdout.write(
      `regen: ${pkg.name}: ${changes.length} change(s) -> .changeset/${changeset.fileName}\n`,
    );
  }

  if (args.includes("--no-verify")) return 0;
  process.stdout.write("regen: turbo run build typecheck test\n");
  const turbo = spawnSync("turbo", ["run", "build", "typecheck", "test"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1" },
  });
  return turbo.status ?? 1;
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
