import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { BIOME_MAX_SIZE, overBiomeLimit } from "../../emit/format.js";
import {
  listServices,
  PlanError,
  type PlannedPackage,
  planFromModel,
  planService,
} from "../../emit/package/plan.js";
import { applyDiff, diffPackage } from "../../emit/package/sync.js";

const USAGE =
  "usage: docsmith generate [--check] [svc...]\n" +
  "       docsmith generate [--check] --model FILE.json --service SHAPE_ID --out DIR [--name NPM_NAME]";

/** The checkout root: the nearest folder above `from` holding models/ and pnpm-workspace.yaml. */
function findRoot(from: string): string | undefined {
  for (let dir = resolve(from), i = 0; i < 64; dir = dirname(dir), i++) {
    if (existsSync(join(dir, "models")) && existsSync(join(dir, "pnpm-workspace.yaml"))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
  return undefined;
}

/** The bytes of a service's model files (models/<svc>/*.smithy, *.json): how much there is to emit. */
function modelBytes(root: string, svc: string): number {
  const dir = join(root, "models", svc);
  return readdirSync(dir)
    .filter((name) => /\.(smithy|json)$/.test(name))
    .reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
}

interface Args {
  check: boolean;
  services: string[];
  model?: string;
  service?: string;
  out?: string;
  name?: string;
}

function parseArgs(args: string[]): Args | string {
  const out: Args = { check: false, services: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = () => {
      const v = args[++i];
      if (v === undefined || v.startsWith("--")) throw new Error(`${arg} needs a value`);
      return v;
    };
    try {
      if (arg === "--check") out.check = true;
      else if (arg === "--model") out.model = value();
      else if (arg === "--service") out.service = value();
      else if (arg === "--out") out.out = value();
      else if (arg === "--name") out.name = value();
      else if (arg.startsWith("-")) return `unknown option ${arg}`;
      else out.services.push(arg);
    } catch (e) {
      return (e as Error).message;
    }
  }
  const external = [out.model, out.service, out.out].filter((v) => v !== undefined).length;
  if (external > 0 && external < 3) return "--model, --service and --out go together";
  if (external === 3 && out.services.length > 0) return "give either services or --model";
  return out;
}

/**
 * `docsmith generate`: builds every requested package in memory; writes only when all of them
 * succeeded, and only the files whose content changed; removes the generated files no longer
 * produced. `--check` writes nothing and fails naming what would change.
 */
export async function run(argv: string[]): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const args = parseArgs(argv);
  if (typeof args === "string") {
    process.stderr.write(`docsmith generate: ${args}\n${USAGE}\n`);
    return 2;
  }
  const cwd = process.cwd();
  const packages: PlannedPackage[] = [];
  try {
    if (args.model && args.service && args.out) {
      packages.push(await planFromModel(args.model, args.service, args.out, args.name));
    } else {
      const root = findRoot(cwd);
      if (!root) {
        process.stderr.write("docsmith generate: no models/ folder above the current directory\n");
        return 2;
      }
      const known = listServices(root);
      const wanted = args.services.length > 0 ? args.services : known;
      const unknown = wanted.filter((s) => !known.includes(s));
      if (unknown.length > 0) {
        process.stderr.write(
          `docsmith generate: no model for ${unknown.join(", ")} (models/ has: ${known.join(", ") || "none"})\n`,
        );
        return 2;
      }
      // Planned together, the largest model first: while biome formats one package (in its own
      // process), the next one is emitted, so the last formatting to wait for is a small one.
      // Packages and failures are reported in the order the services were asked for.
      const bytes = new Map(wanted.map((svc) => [svc, modelBytes(root, svc)]));
      const bySize = [...wanted].sort((a, b) => bytes.get(b)! - bytes.get(a)!);
      const plans = new Map(bySize.map((svc) => [svc, planService(root, svc)]));
      const planned = await Promise.allSettled(wanted.map((svc) => plans.get(svc)!));
      const failures: string[] = [];
      for (const result of planned) {
        if (result.status === "fulfilled") packages.push(result.value);
        else if (result.reason instanceof PlanError) failures.push(...result.reason.lines);
        else throw result.reason;
      }
      if (failures.length > 0) throw new PlanError(failures);
    }
  } catch (e) {
    if (!(e instanceof PlanError)) throw e;
    process.stderr.write(`${e.lines.join("\n")}\ndocsmith generate: nothing written\n`);
    return 1;
  }

  for (const pkg of packages) {
    for (const { path, bytes } of overBiomeLimit(pkg.files)) {
      process.stderr.write(
        `docsmith generate: warning: ${relative(cwd, join(pkg.dir, path))} is ${bytes} bytes, over biome's files.maxSize (${BIOME_MAX_SIZE}): \`biome check\` skips it\n`,
      );
    }
  }
  const diffs = packages.map((p) => ({ pkg: p, diff: diffPackage(p) }));
  const changes = diffs.flatMap(({ diff }) => [
    ...diff.write.map((f) => `  ${relative(cwd, f.path)}`),
    ...diff.remove.map((path) => `  ${relative(cwd, path)} (stale)`),
  ]);
  if (args.check) {
    if (changes.length === 0) {
      process.stdout.write(`docsmith generate --check: ${packages.length} package(s) up to date\n`);
      return 0;
    }
    process.stderr.write(
      `docsmith generate --check: these files would change:\n${changes.join("\n")}\n`,
    );
    return 1;
  }
  for (const { diff } of diffs) applyDiff(diff);
  for (const { pkg, diff } of diffs) {
    process.stdout.write(
      `${pkg.label}: ${diff.write.length} written, ${diff.remove.length} removed, ${pkg.files.length - diff.write.length} unchanged\n`,
    );
  }
  return 0;
}
