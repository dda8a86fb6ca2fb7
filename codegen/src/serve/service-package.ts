import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import type { Server } from "node:http";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Model } from "../model/ast.js";

/**
 * A generated service package as `docsmith serve` uses it: its model.json (the examples and the
 * shapes) and its built server entry (dist/bundle/server.js). Loaded from the checkout by path, not by
 * package name: @docsmith/codegen cannot depend on the packages it generates.
 */
export interface ServicePackage {
  /** The folder name under packages/, e.g. `inspector`. */
  readonly name: string;
  readonly dir: string;
  readonly model: Model;
  /** The package's `create<Service>Handler(impl, options)`. */
  readonly createHandler: HandlerFactory;
  /** The package's output validators by operation (from dist/bundle/server.js `servedOperations`). */
  readonly outputValidators?: Readonly<Record<string, OutputValidator>>;
}

export type FetchHandler = (request: Request) => Promise<Response>;
export type HandlerFactory = (impl: object, options?: object) => FetchHandler;
export type OutputValidator = ((value: unknown) => boolean) & {
  errors?: ReadonlyArray<{ instancePath: string; message?: string }> | null;
};

export class ServePackageError extends Error {}

/** The nearest folder at or above `from` holding models/ and packages/: the checkout root. */
export function findCheckoutRoot(from: string): string | undefined {
  let dir = resolve(from);
  for (let i = 0; i < 64; i++) {
    if (isDir(join(dir, "models")) && isDir(join(dir, "packages"))) return dir;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
  return undefined;
}

/** The service packages of the checkout: folders under packages/ with a model.json. */
export function listServicePackages(root: string): string[] {
  const packages = join(root, "packages");
  if (!isDir(packages)) return [];
  return readdirSync(packages)
    .filter((name) => existsSync(join(packages, name, "model.json")))
    .sort();
}

export async function loadServicePackage(root: string, name: string): Promise<ServicePackage> {
  const dir = join(root, "packages", name);
  const known = listServicePackages(root);
  if (!known.includes(name)) {
    throw new ServePackageError(
      `unknown service '${name}': no packages/${name}/model.json (services: ${known.join(", ") || "none; run docsmith generate"})`,
    );
  }
  const modelPath = join(dir, "model.json");
  let model: Model;
  try {
    model = JSON.parse(readFileSync(modelPath, "utf8")) as Model;
  } catch (e) {
    throw new ServePackageError(`${modelPath}: ${(e as Error).message}`);
  }
  const serverPath = join(dir, "dist", "bundle", "server.js");
  if (!existsSync(serverPath)) {
    throw new ServePackageError(
      `packages/${name}/dist/bundle/server.js is missing: build the packages first (pnpm run build)`,
    );
  }
  const server = (await import(pathToFileURL(serverPath).href)) as Record<string, unknown>;
  const factories = Object.entries(server).filter(
    ([key, value]) => /^create\w+Handler$/.test(key) && typeof value === "function",
  );
  if (factories.length !== 1) {
    throw new ServePackageError(
      `${serverPath}: expected one create<Service>Handler export, found ${factories.length}`,
    );
  }
  return {
    name,
    dir,
    model,
    createHandler: factories[0]![1] as HandlerFactory,
    ...(server.servedOperations
      ? { outputValidators: await outputValidators(server.servedOperations, serverPath) }
      : {}),
  };
}

/** Every served operation's output validator, loaded now: answers are checked at start-up. */
async function outputValidators(
  served: unknown,
  serverPath: string,
): Promise<Record<string, OutputValidator>> {
  const out: Record<string, OutputValidator> = {};
  for (const [name, op] of Object.entries(served as Record<string, ServedOperation>)) {
    if (!op.outputValidator) continue;
    try {
      out[name] = (await op.outputValidator()).validate;
    } catch (e) {
      throw new ServePackageError(
        `${serverPath}: cannot load the output validator of ${name}: ${(e as Error).message}`,
      );
    }
  }
  return out;
}

/** What serve reads of a generated server's `servedOperations`. */
interface ServedOperation {
  readonly outputValidator?: () => Promise<{ validate: OutputValidator }>;
}

/** What serve takes from @docsmith/runtime/server: the hardened node:http server. */
export interface NodeServerRuntime {
  createNodeServer(
    handler: FetchHandler,
    options?: { headersTimeoutMs?: number; bodyTimeoutMs?: number },
  ): Server;
}

/**
 * @docsmith/runtime/server as the package itself resolves it (its dependency, the same copy its
 * handler runs on), so serve needs no dependency of its own on the runtime.
 */
export async function loadRuntimeServer(pkg: ServicePackage): Promise<NodeServerRuntime> {
  let path: string;
  try {
    path = createRequire(join(pkg.dir, "package.json")).resolve("@docsmith/runtime/server");
  } catch (e) {
    throw new ServePackageError(
      `packages/${pkg.name}: cannot resolve @docsmith/runtime/server (${(e as Error).message}); install and build the workspace first`,
    );
  }
  return (await import(pathToFileURL(path).href)) as NodeServerRuntime;
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
