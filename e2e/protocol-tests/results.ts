import type { ProtocolName } from "./model.js";

export type SuiteName =
  | "client-request"
  | "client-response"
  | "server-request"
  | "server-response"
  | "server-malformed";

export interface CaseResult {
  readonly id: string;
  /** Service and operation shape ids the case ran against. */
  readonly service: string;
  readonly operation: string;
  readonly status: "passed" | "failed" | "skipped";
  /** Why it failed (the differences found) or why it was skipped. */
  readonly reason?: string;
}

/** One suite's outcome; prints as the `protocol-tests …` summary line. */
export class SuiteResult {
  constructor(
    readonly protocol: ProtocolName,
    readonly suite: SuiteName,
    readonly cases: readonly CaseResult[],
  ) {}

  get passed(): number {
    return this.count("passed");
  }

  get failed(): number {
    return this.count("failed");
  }

  get skipped(): number {
    return this.count("skipped");
  }

  /** passed / (passed + failed): skipped cases, each with a written reason, are not counted. */
  get passRate(): number {
    const run = this.passed + this.failed;
    return run === 0 ? 1 : this.passed / run;
  }

  /** `protocol-tests awsJson1_1 client-request: N passed, M failed, K skipped` */
  get line(): string {
    return `protocol-tests ${this.protocol} ${this.suite}: ${this.passed} passed, ${this.failed} failed, ${this.skipped} skipped`;
  }

  toString(): string {
    return this.line;
  }

  private count(status: CaseResult["status"]): number {
    return this.cases.filter((c) => c.status === status).length;
  }
}

/** Every failed and skipped case of the results, one per line, for a report. */
export function describeResults(results: readonly SuiteResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    for (const c of r.cases) {
      if (c.status === "passed") continue;
      lines.push(`${r.protocol} ${r.suite} ${c.status.toUpperCase()} ${c.id}: ${c.reason ?? ""}`);
    }
  }
  return lines.join("\n");
}
