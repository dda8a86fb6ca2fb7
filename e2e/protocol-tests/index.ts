import type { CaseContext } from "./context.js";
import { type FailedService, type GeneratedService, generateServices } from "./generate.js";
import { serviceApi } from "./generated-api.js";
import { ISOLATED, runIsolated } from "./isolated.js";
import { collectCases, type ProtocolCase, type ProtocolCases } from "./load-cases.js";
import { loadSuiteModel, type ProtocolName } from "./model.js";
import { type CaseResult, SuiteResult } from "./results.js";
import { skipReason, unboundReason } from "./skip-list.js";
import { appliesTo, SUITES, type SuiteDefinition } from "./suites.js";

export { type CaseResult, describeResults, type SuiteName, SuiteResult } from "./results.js";

/**
 * Runs the AWS protocol compliance suites (../shared/smithy/protocol-tests) against packages
 * generated from them: every httpRequestTests and httpResponseTests case on the sides its
 * `appliesTo` names, and the restJson1 httpMalformedRequestTests against the server. One result
 * per suite, in the order of the summary lines.
 */
export async function runProtocolSuites(): Promise<SuiteResult[]> {
  const { model, services, astJson } = await loadSuiteModel();
  const all = collectCases(model, services);
  // Only services with a case to run are generated (some hold only skipped cases).
  const needed = new Set<string>();
  for (const protocol of ["awsJson1_1", "restJson1"] as ProtocolName[]) {
    for (const suite of SUITES) {
      for (const c of all[protocol][suite.cases] as ProtocolCase<{
        id: string;
        appliesTo?: string;
      }>[]) {
        if (appliesTo(c, suite) && !skipReason(c.def.id, suite.name)) needed.add(c.service.id);
      }
    }
  }
  const generated = await generateServices(
    services.filter((s) => needed.has(s.id)),
    astJson,
  );
  const contexts = new Map<string, CaseContext | FailedService>();
  for (const g of generated) {
    contexts.set(g.service.id, "reason" in g ? g : contextOf(model, g));
  }
  const results: SuiteResult[] = [];
  for (const protocol of ["awsJson1_1", "restJson1"] as ProtocolName[]) {
    for (const suite of SUITES) {
      if (suite.cases === "malformed" && protocol !== "restJson1") continue;
      const outcomes: CaseResult[] = [];
      for (const c of all[protocol][suite.cases] as ProtocolCase<{
        id: string;
        appliesTo?: string;
      }>[]) {
        if (appliesTo(c, suite)) outcomes.push(await runCase(protocol, suite, c));
      }
      outcomes.push(...unbound(all[protocol], suite));
      results.push(new SuiteResult(protocol, suite.name, outcomes));
    }
  }
  return results;

  async function runCase(
    protocol: ProtocolName,
    suite: SuiteDefinition,
    c: ProtocolCase<{ id: string }>,
  ): Promise<CaseResult> {
    const base = { id: c.def.id, service: c.service.id, operation: c.operation };
    const skipped = skipReason(c.def.id, suite.name);
    if (skipped) return { ...base, status: "skipped", reason: skipped };
    const ctx = contexts.get(c.service.id)!;
    if ("reason" in ctx)
      return { ...base, status: "failed", reason: `not generated: ${ctx.reason}` };
    let diffs: string[];
    try {
      diffs = ISOLATED.some((i) => i.id === c.def.id)
        ? await runIsolated(protocol, suite.name, c.def.id)
        : await suite.runner(ctx, c);
    } catch (error) {
      diffs = [error instanceof Error ? `${error.name}: ${error.message}` : String(error)];
    }
    return diffs.length === 0
      ? { ...base, status: "passed" }
      : { ...base, status: "failed", reason: diffs.join("; ") };
  }
}

function contextOf(model: CaseContext["model"], g: GeneratedService): CaseContext | FailedService {
  try {
    return { model, api: serviceApi(g) };
  } catch (error) {
    return { service: g.service, reason: (error as Error).message };
  }
}

/** Cases on operations no service binds, as skipped results of the suites they apply to. */
function unbound(cases: ProtocolCases, suite: SuiteDefinition): CaseResult[] {
  const kind =
    suite.cases === "requests" ? "request" : suite.cases === "responses" ? "response" : "malformed";
  return cases.unbound
    .filter((u) => u.kind === kind && (u.appliesTo === undefined || u.appliesTo === suite.side))
    .map((u) => ({
      id: u.id,
      service: "-",
      operation: u.operation,
      status: "skipped",
      reason: unboundReason(u.operation),
    }));
}
