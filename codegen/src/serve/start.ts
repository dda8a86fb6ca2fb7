import { readFileSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { OutputCheck } from "./answers.js";
import type { ServeArgs } from "./args.js";
import { type AccessKey, parseCredentialsFile } from "./credentials-file.js";
import { exchangeName } from "./documented-examples.js";
import { type RoutedService, routeAll } from "./route-all.js";
import { exampleImplementation, type ServiceAnswers, serviceAnswers } from "./service-answers.js";
import {
  type FetchHandler,
  listServicePackages,
  loadRuntimeServer,
  loadServicePackage,
  ServePackageError,
  type ServicePackage,
} from "./service-package.js";

export interface ServeIo {
  /** The checkout root (holding models/ and packages/). */
  readonly root: string;
  /** Standard output: the `listening on` line and one line per request. */
  readonly out: (text: string) => void;
  /** Standard error: startup notes (repaired examples) and problems. */
  readonly err: (text: string) => void;
}

export interface RunningServer {
  /** `http://HOST:PORT`, the real port when 0 was asked for. */
  readonly url: string;
  readonly server: Server;
  /** Stops accepting connections, ends idle and active ones, resolves when closed. */
  close(): Promise<void>;
}

/** A problem that stops serve before it listens; the message says what to do. */
export class ServeError extends Error {
  constructor(
    message: string,
    /** 2 for bad usage (an unknown service), 1 otherwise. */
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
  }
}

/**
 * Starts `docsmith serve`: loads the service packages, prepares the example answers, builds one
 * handler per service (with SigV4 verification when a credentials file is given), puts them behind
 * one port, and listens. Resolves once listening, after printing `listening on http://HOST:PORT`.
 */
export async function startServe(args: ServeArgs, io: ServeIo): Promise<RunningServer> {
  const known = listServicePackages(io.root);
  const names = args.target === "all" ? known : [args.target];
  if (names.length === 0) {
    throw new ServeError("no service packages under packages/ (run docsmith generate, then build)");
  }
  if (args.target !== "all" && !known.includes(args.target)) {
    throw new ServeError(
      `unknown service '${args.target}' (services: ${known.join(", ") || "none"}; or all)`,
      2,
    );
  }
  const keys = args.credentials ? readCredentials(args.credentials) : undefined;
  const packages: ServicePackage[] = [];
  try {
    for (const name of names) packages.push(await loadServicePackage(io.root, name));
  } catch (e) {
    if (e instanceof ServePackageError) throw new ServeError(e.message);
    throw e;
  }
  const routed: RoutedService[] = packages.map((pkg) => {
    let answers: ServiceAnswers;
    try {
      answers = serviceAnswers(pkg.model, packageCheck(pkg));
    } catch (e) {
      throw new ServeError(`packages/${pkg.name}/model.json: ${(e as Error).message}`);
    }
    report(pkg, answers, io);
    const options = {
      logger: (line: string) => io.out(`${pkg.name} ${line}\n`),
      // A web app under test on another origin (a dev server on localhost:5173) may call it.
      cors: !args.noCors,
      ...(keys ? { auth: { sigv4: { credentials: async (id: string) => keys.get(id) } } } : {}),
    };
    return { answers, handler: pkg.createHandler(exampleImplementation(answers), options) };
  });
  const handler: FetchHandler = routed.length === 1 ? routed[0]!.handler : routeAll(routed);
  const runtime = await loadRuntimeServer(packages[0]!);
  const server = runtime.createNodeServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(args.port, args.host, () => {
      server.off("error", reject);
      resolve();
    });
  }).catch((e: NodeJS.ErrnoException) => {
    throw new ServeError(`cannot listen on ${args.host}:${args.port}: ${e.code ?? e.message}`);
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  io.out(`listening on ${url}\n`);
  return {
    url,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function readCredentials(path: string): Map<string, AccessKey> {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new ServeError(
      `cannot read credentials file ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    );
  }
  try {
    return parseCredentialsFile(text, path);
  } catch (e) {
    throw new ServeError((e as Error).message);
  }
}

/** The package's own output validator as an OutputCheck (none when the package has no schemas). */
function packageCheck(pkg: ServicePackage): OutputCheck | undefined {
  const validators = pkg.outputValidators;
  if (!validators) return undefined;
  return (operation, output) => {
    const validate = validators[operation];
    if (!validate || validate(output)) return undefined;
    const first = validate.errors?.[0];
    return `the package's output validator refuses it (${first?.instancePath || "/"} ${first?.message ?? ""})`;
  };
}

/** Prints what preparing the answers met: repaired documented values (errata) and problems. */
function report(pkg: ServicePackage, answers: ServiceAnswers, io: ServeIo): void {
  for (const [name, operation] of answers.operations) {
    for (const problem of operation.problems) io.err(`${pkg.name}: ${problem}\n`);
    for (const example of operation.examples) {
      const where = example.ids ? ` (documented exchange ${exchangeName(example.ids)})` : "";
      for (const r of example.repairs) {
        const erratum = r.erratum ? ` (erratum ${r.erratum})` : " (not a recorded erratum)";
        io.err(
          `${pkg.name}: ${name} example "${example.title}"${where}: output ${r.path || "/"} ${r.why}: served ${JSON.stringify(r.now) ?? "without it"} instead of ${JSON.stringify(r.was)}${erratum}\n`,
        );
      }
    }
  }
}
