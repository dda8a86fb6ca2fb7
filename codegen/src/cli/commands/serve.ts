import { fileURLToPath } from "node:url";
import { parseServeArgs, SERVE_USAGE, type ServeArgs } from "../../serve/args.js";
import { findCheckoutRoot } from "../../serve/service-package.js";
import { type RunningServer, ServeError, type ServeIo, startServe } from "../../serve/start.js";

const HELP = `${SERVE_USAGE}

Serves the documented examples of a service (or of all of them, on one port) as a local AWS
endpoint that AWS SDKs can call: the documented output when the request equals a documented
example's input, else the output of the closest example (most equal member values), else a
minimal valid output. Documented examples are the model's @examples and its documented HTTP
exchanges (httpRequestTests with their httpResponseTests); documented values that break the
docs' constraints (errata) are repaired and noted on stderr. Every request is validated; one log
line per request on stdout.

  <svc>|all          a folder under packages/ (inspector, securityhub, ...) or all of them
  --port N           port to listen on (default 8080; 0 picks a free one)
  --host HOST        address to bind (default 127.0.0.1)
  --auth sigv4       verify SigV4 signatures against --credentials FILE: an AWS shared
                     credentials file ([profile] aws_access_key_id=... aws_secret_access_key=...)
                     or a JSON object {"ACCESS_KEY_ID": "SECRET", ...}
  --no-cors          refuse browsers on other origins (by default any origin may call:
                     preflights are answered and every answer header is exposed)

'all' routes each request by the service named in its SigV4 credential scope, else by the
X-Amz-Target prefix (awsJson services), else by the REST route its method and path match.
Prints 'listening on http://HOST:PORT' when ready; SIGINT or SIGTERM stops it (exit 0).
See codegen/src/serve/README.md.`;

export interface ServeCommandIo extends ServeIo {
  /** Resolves when the server should stop (default: on SIGINT or SIGTERM). */
  readonly stopSignal?: (server: RunningServer) => Promise<void>;
}

export async function run(args: string[]): Promise<number> {
  // The checkout the current folder is in, else the one this CLI belongs to (run by its path).
  const root =
    findCheckoutRoot(process.cwd()) ??
    findCheckoutRoot(fileURLToPath(new URL(".", import.meta.url)));
  if (!root && !args.includes("--help") && !args.includes("-h")) {
    process.stderr.write(
      `docsmith serve: not in a docsmith checkout: no folder holding models/ and packages/ at or above ${process.cwd()}\n`,
    );
    return 2;
  }
  return serveCommand(args, {
    root: root ?? process.cwd(),
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
  });
}

/**
 * `docsmith serve`: resolves with the exit code once the server has stopped (0), or at once
 * when it cannot start (2: bad usage or an unknown service; 1: anything else).
 */
export async function serveCommand(args: string[], io: ServeCommandIo): Promise<number> {
  const parsed = parseServeArgs(args);
  if (typeof parsed === "string") {
    io.err(`docsmith serve: ${parsed}\n${SERVE_USAGE}\n`);
    return 2;
  }
  if ("help" in parsed) {
    io.out(`${HELP}\n`);
    return 0;
  }
  let running: RunningServer;
  try {
    running = await startServe(parsed as ServeArgs, io);
  } catch (e) {
    if (e instanceof ServeError) {
      io.err(`docsmith serve: ${e.message}\n`);
      return e.exitCode;
    }
    throw e;
  }
  await (io.stopSignal ?? untilSignal)(running);
  await running.close();
  return 0;
}

/** Resolves on the first SIGINT or SIGTERM (and stops listening for the other). */
function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}
