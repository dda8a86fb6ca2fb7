import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** The generated contract tests of a service package, as one run counted them. */
export interface ContractResult {
  readonly service: string;
  readonly passed: number;
  readonly failed: number;
  /** Each failed (or skipped, or unloadable) test: its name and why. */
  readonly failures: readonly string[];
}

/** The contract test file of every generated package (packages/<svc>/test/contract.test.ts). */
export const CONTRACT_TEST = "test/contract.test.ts";

/** The service packages under packages/ that hold a contract test file, sorted. */
export function contractPackages(root: string): string[] {
  const packages = join(root, "packages");
  return readdirSync(packages)
    .filter((name) => existsSync(join(packages, name, CONTRACT_TEST)))
    .sort();
}

interface JsonReport {
  testResults?: {
    name: string;
    status: string;
    message?: string;
    assertionResults?: { fullName: string; status: string; failureMessages?: string[] }[];
  }[];
}

/**
 * Runs a package's contract tests with its own vitest (JSON reporter to a temporary file) and
 * counts the results of that run. A test that did not pass (failed, skipped, todo) counts as
 * failed: the contract has no optional parts. A file that fails to load, or a run with no
 * tests at all, is a failure too.
 */
export async function runContractTests(root: string, service: string): Promise<ContractResult> {
  const dir = join(root, "packages", service);
  let vitest: string;
  try {
    vitest = join(
      dirname(createRequire(join(dir, "package.json")).resolve("vitest/package.json")),
      "vitest.mjs",
    );
  } catch (error) {
    return { service, passed: 0, failed: 1, failures: [`vitest not installed: ${error}`] };
  }
  const tmp = mkdtempSync(join(tmpdir(), `docsmith-contract-${service}-`));
  const reportFile = join(tmp, "report.json");
  try {
    const exit = await new Promise<{ code: number; output: string }>((resolve) => {
      execFile(
        process.execPath,
        [vitest, "run", CONTRACT_TEST, "--reporter=json", `--outputFile=${reportFile}`],
        { cwd: dir, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, CI: "1" } },
        (error, stdout, stderr) => {
          const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
          resolve({ code, output: `${stdout}${stderr}` });
        },
      );
    });
    if (!existsSync(reportFile)) {
      return {
        service,
        passed: 0,
        failed: 1,
        failures: [`vitest wrote no report (exit ${exit.code}): ${exit.output.slice(-2000)}`],
      };
    }
    return count(service, JSON.parse(readFileSync(reportFile, "utf8")) as JsonReport);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function count(service: string, report: JsonReport): ContractResult {
  let passed = 0;
  let failed = 0;
  const failures: string[] = [];
  for (const file of report.testResults ?? []) {
    const tests = file.assertionResults ?? [];
    for (const t of tests) {
      if (t.status === "passed") {
        passed++;
        continue;
      }
      failed++;
      failures.push(`${t.fullName} (${t.status}): ${(t.failureMessages ?? []).join("; ")}`);
    }
    if (file.status === "failed" && tests.every((t) => t.status === "passed")) {
      // The file itself failed (an import error, a failing hook): no test stands for it.
      failed++;
      failures.push(`${file.name}: ${file.message ?? "failed"}`);
    }
  }
  if (passed + failed === 0) {
    failed = 1;
    failures.push(`${CONTRACT_TEST}: the run reported no tests`);
  }
  return { service, passed, failed, failures };
}

/** `contract <svc>: N passed, M failed` */
export function contractLine(r: ContractResult): string {
  return `contract ${r.service}: ${r.passed} passed, ${r.failed} failed`;
}
