import { runClientRequest } from "./client-request.js";
import { runClientResponse } from "./client-response.js";
import type { CaseContext } from "./context.js";
import type { ProtocolCase, ProtocolCases } from "./load-cases.js";
import { runMalformed } from "./malformed.js";
import type { SuiteName } from "./results.js";
import { runServerRequest } from "./server-request.js";
import { runServerResponse } from "./server-response.js";

/** A case runner: the differences it found, empty when the case passes. */
export type Runner = (ctx: CaseContext, c: ProtocolCase<any>) => Promise<string[]>;

export interface SuiteDefinition {
  readonly name: SuiteName;
  /** Which cases it runs, and on which side of their `appliesTo`. */
  readonly cases: keyof Omit<ProtocolCases, "unbound">;
  readonly side: "client" | "server";
  readonly runner: Runner;
}

/** The suites in the order of the summary lines (server-malformed: restJson1 only). */
export const SUITES: readonly SuiteDefinition[] = [
  { name: "client-request", cases: "requests", side: "client", runner: runClientRequest },
  { name: "client-response", cases: "responses", side: "client", runner: runClientResponse },
  { name: "server-request", cases: "requests", side: "server", runner: runServerRequest },
  { name: "server-response", cases: "responses", side: "server", runner: runServerResponse },
  { name: "server-malformed", cases: "malformed", side: "server", runner: runMalformed },
];

/** Whether a case runs in a suite: its `appliesTo` names the suite's side, or nothing. */
export function appliesTo(
  c: ProtocolCase<{ appliesTo?: string }>,
  suite: SuiteDefinition,
): boolean {
  return c.def.appliesTo === undefined || c.def.appliesTo === suite.side;
}
