import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { ProtocolName } from "./model.js";
import type { SuiteName } from "./results.js";

/**
 * Cases run in a child process with a time limit, so that a server that hangs on them fails the
 * case instead of stalling the run (a synchronous hang cannot be interrupted in-process).
 */
export const ISOLATED: readonly { readonly id: string; readonly why: string }[] = [
  {
    id: "RestJsonMalformedPatternReDOSString",
    why: "sends a string built to make backtracking regex engines run for hours on its @pattern",
  },
];

export const ISOLATED_TIME_LIMIT_MS = 15_000;

const require = createRequire(import.meta.url);
const tsxLoader = pathToFileURL(require.resolve("tsx")).href;
const entry = fileURLToPath(new URL("./isolated-case.ts", import.meta.url));

/** Runs one case in a child process; its differences, or why it did not finish. */
export function runIsolated(
  protocol: ProtocolName,
  suite: SuiteName,
  id: string,
): Promise<string[]> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", tsxLoader, entry, protocol, suite, id],
      { timeout: ISOLATED_TIME_LIMIT_MS, killSignal: "SIGKILL", maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error && (error as { killed?: boolean }).killed) {
          resolve([
            `no answer within ${ISOLATED_TIME_LIMIT_MS / 1000} s (run in a child process, killed)`,
          ]);
          return;
        }
        try {
          resolve(JSON.parse(stdout) as string[]);
        } catch {
          resolve([
            `the isolated run failed: ${(stderr || String(error)).trim().split("\n").join(" | ")}`,
          ]);
        }
      },
    );
  });
}
