import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { formatEvent, type Model } from "../../model/ast.js";
import {
  flattenMixins,
  isBundledShape,
  type LoadResult,
  loadFiles,
  loadSources,
  toCanonicalJson,
  withoutBundled,
} from "../../model/load.js";
import { packageStem } from "../naming.js";
import { emitOpenApi } from "../openapi/index.js";
import { EmitError } from "../service-view.js";
import { emitPackage, type GeneratedFile } from "./index.js";
import { serviceModel } from "./service-model.js";

/** A package to write: its folder (absolute) and every file it holds. */
export interface PlannedPackage {
  label: string;
  dir: string;
  files: GeneratedFile[];
}

/** Why a package could not be planned: lines to print, compiler style. */
export class PlanError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join("\n"));
  }
}

/** The services of a checkout: the folders of models/ that hold .smithy (or JSON AST) files. */
export function listServices(root: string): string[] {
  const models = join(root, "models");
  return readdirSync(models)
    .filter((name) => statSync(join(models, name)).isDirectory())
    .filter((name) => readdirSync(join(models, name)).some((f) => /\.(smithy|json)$/.test(f)))
    .sort();
}

/**
 * A JSON AST file as Smithy's build writes it may carry its own copy of the prelude and AWS trait
 * definitions (the protocol-test models do). When those copies are all that conflicts with the
 * bundled ones, the file is loaded again without them: the bundled definitions stand.
 */
function withoutBundledCopies(path: string, first: LoadResult): LoadResult {
  const errors = first.events.filter((e) => e.severity === "ERROR");
  const onlyCopies = errors.every((e) => e.shapeId !== undefined && isBundledShape(e.shapeId));
  if (errors.length === 0 || !onlyCopies || !path.endsWith(".json")) return first;
  const ast = JSON.parse(readFileSync(path, "utf8")) as Model;
  for (const id of Object.keys(ast.shapes)) if (isBundledShape(id)) delete ast.shapes[id];
  return loadSources([{ path, text: JSON.stringify(ast, null, 4) }]);
}

/** Loads model files, or throws PlanError with the loader's events. */
async function load(paths: string[], root: string): Promise<Model> {
  let result = await loadFiles(paths);
  if (paths.length === 1) result = withoutBundledCopies(paths[0]!, result);
  if (!result.ok) {
    const lines = result.events
      .filter((e) => e.severity === "ERROR" || e.severity === "DANGER")
      .map((e) =>
        formatEvent(
          e.location
            ? { ...e, location: { ...e.location, file: relative(root, resolve(e.location.file)) } }
            : e,
        ),
      );
    throw new PlanError(lines);
  }
  return result.model;
}

/** The one service shape a model defines (bundled shapes excluded). */
function soleService(model: Model, where: string): string {
  const services = Object.entries(model.shapes)
    .filter(([, s]) => s.type === "service" && s.traits?.["smithy.api#mixin"] === undefined)
    .map(([id]) => id);
  if (services.length !== 1) {
    throw new PlanError([
      `${where}: expected one service shape, found ${services.length === 0 ? "none" : services.join(", ")}`,
    ]);
  }
  return services[0]!;
}

/**
 * The tsconfig.base.json a package in `dir` extends, relative to `dir`: the one at the root of the
 * pnpm workspace holding `dir` (the nearest folder above with pnpm-workspace.yaml). Undefined
 * outside a workspace, or when its root has none: the package's tsconfigs are then self-contained.
 */
export function workspaceTsconfigBase(dir: string): string | undefined {
  const start = resolve(dir);
  // Bounded by the depth of the path: each step goes one folder up, and the root stops it.
  for (let at = dirname(start); ; at = dirname(at)) {
    if (existsSync(join(at, "pnpm-workspace.yaml"))) {
      const base = join(at, "tsconfig.base.json");
      return existsSync(base) ? relative(start, base).replaceAll("\\", "/") : undefined;
    }
    if (dirname(at) === at) return undefined;
  }
}

/** The version in `dir`/package.json, if there is one (a release bumped it; keep it). */
function currentVersion(dir: string): string | undefined {
  try {
    const { version } = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    return typeof version === "string" && /^\d+\.\d+\.\d+(-[\w.]+)?$/.test(version)
      ? version
      : undefined;
  } catch {
    return undefined; // no package yet, or one we cannot read: a new package's version
  }
}

async function plan(
  model: Model,
  serviceId: string,
  dir: string,
  label: string,
  identity: { name: string; generateCommand: string; source: string },
): Promise<PlannedPackage> {
  const tsconfigBase = workspaceTsconfigBase(dir);
  const version = currentVersion(dir);
  // Own shapes plus the bundled ones the service uses as shapes (see service-model.ts): what
  // model.json holds, and all the emitters need besides the prelude's simple shapes.
  const own = serviceModel(model);
  const flat = flattenMixins(own);
  try {
    const files = await emitPackage(flat, serviceId, {
      ...identity,
      ...(tsconfigBase ? { tsconfigBase } : {}),
      ...(version ? { version } : {}),
      modelJson: toCanonicalJson(own),
      openapi: emitOpenApi(own, serviceId),
    });
    return { label, dir, files };
  } catch (e) {
    // EmitError, or the OpenAPI emitter refusing the model: both are about the model.
    if (e instanceof EmitError || e instanceof Error)
      throw new PlanError([`${label}: ${e.message}`]);
    throw e;
  }
}

/** packages/<svc>/ from models/<svc>/*.smithy. */
export async function planService(root: string, svc: string): Promise<PlannedPackage> {
  const source = `models/${svc}`;
  const model = await load([join(root, source)], root);
  const own = withoutBundled(model);
  const serviceId = soleService(own, source);
  return plan(model, serviceId, join(root, "packages", svc), svc, {
    name: `@docsmith/${svc}`,
    generateCommand: `docsmith generate ${svc}`,
    source,
  });
}

/** A package from any Smithy JSON AST (or IDL) model file and a service shape id in it. */
export async function planFromModel(
  file: string,
  serviceId: string,
  outDir: string,
  name?: string,
): Promise<PlannedPackage> {
  const cwd = process.cwd();
  const model = await load([file], cwd);
  const service = model.shapes[serviceId];
  if (service?.type !== "service") {
    throw new PlanError([`${file}: ${serviceId} is not a service shape in this model`]);
  }
  const api = service.traits?.["aws.api#service"] as { sdkId?: string } | undefined;
  const stem = packageStem(api?.sdkId ?? serviceId.slice(serviceId.indexOf("#") + 1));
  const dir = resolve(outDir);
  return plan(model, serviceId, dir, relative(cwd, dir) || ".", {
    name: name ?? `@docsmith/${stem}`,
    generateCommand: `docsmith generate --model ${relative(dir, resolve(file))} --service ${serviceId} --out .`,
    source: relative(cwd, resolve(file)).replaceAll("\\", "/"),
  });
}
