import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";

/** The checkout root (e2e/src/..). */
export const REPO_ROOT = join(import.meta.dirname, "..", "..");

export interface ServeProcess {
  /** The `http://HOST:PORT` from the `listening on` line. */
  readonly url: string;
  /** Everything written to stdout and stderr so far. */
  stdout(): string;
  stderr(): string;
  /** Sends `signal` and resolves with the exit code (null if killed by a signal). */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Runs `node codegen/bin/docsmith.js serve ARGS` from the repository root and resolves once it
 * prints `listening on http://HOST:PORT`; rejects if it exits first or `timeoutMs` passes.
 */
export function startServe(args: readonly string[], timeoutMs = 30_000): Promise<ServeProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    [join(REPO_ROOT, "codegen", "bin", "docsmith.js"), "serve", ...args],
    { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "pipe"] },
  );
  let out = "";
  let err = "";
  // Both pipes are always drained, so the server never blocks on a full pipe.
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
    out += chunk;
  });
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => {
    err += chunk;
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => resolve(code)),
  );
  const stop = async (signal: NodeJS.Signals = "SIGTERM"): Promise<number | null> => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop("SIGKILL");
      reject(
        new Error(`docsmith serve did not print 'listening on' within ${timeoutMs} ms\n${err}`),
      );
    }, timeoutMs);
    const onData = () => {
      const m = /^listening on (http:\/\/\S+)$/m.exec(out);
      if (!m) return;
      clearTimeout(timer);
      child.stdout!.off("data", onData);
      resolve({ url: m[1]!, stdout: () => out, stderr: () => err, stop });
    };
    child.stdout!.on("data", onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`docsmith serve exited (${code}) before listening\n${err}`));
    });
  });
}
