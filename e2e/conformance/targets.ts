import type { SuiteResult } from "../protocol-tests/index.js";

/**
 * The pass rate each protocol suite must reach (issue 6): awsJson1_1 every case; restJson1
 * requests and responses 90%; malformed requests 80%. Skipped cases, each with a written
 * reason, are not counted (SuiteResult.passRate).
 */
export function targetOf(r: SuiteResult): number {
  if (r.protocol === "awsJson1_1") return 1;
  return r.suite === "server-malformed" ? 0.8 : 0.9;
}

/** Why a suite falls short of its target, or undefined when it meets it. */
export function shortfall(r: SuiteResult): string | undefined {
  const target = targetOf(r);
  if (r.passed + r.failed === 0) return `${r.protocol} ${r.suite}: no case ran`;
  if (r.passRate >= target) return undefined;
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  return `${r.protocol} ${r.suite}: ${pct(r.passRate)} passed, under the target of ${pct(target)}`;
}
