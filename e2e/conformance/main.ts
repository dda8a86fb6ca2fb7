// `pnpm run conformance`: runs the generated contract tests of every service package and the AWS
// protocol compliance suites, then prints one summary line per suite on stdout:
//   contract <svc>: N passed, M failed
//   protocol-tests <awsJson1_1|restJson1> <client|server>-<request|response|malformed>: N passed, M failed, K skipped
// Failures (and what fell short of its target) go to stderr. Exits 1 when a contract test fails
// or a protocol suite is under its target.
import { join } from "node:path";
import { describeResults, runProtocolSuites } from "../protocol-tests/index.js";
import { contractLine, contractPackages, runContractTests } from "./contract.js";
import { shortfall } from "./targets.js";

const root = join(import.meta.dirname, "..", "..");
/** Failed protocol cases listed on stderr; the rest are counted. */
const MAX_CASES = 40;

const services = contractPackages(root);
const [contracts, protocols] = await Promise.all([
  Promise.all(services.map((svc) => runContractTests(root, svc))),
  runProtocolSuites(),
]);

const problems: string[] = [];
for (const r of contracts) {
  process.stdout.write(`${contractLine(r)}\n`);
  problems.push(...r.failures.map((f) => `contract ${r.service}: ${f}`));
}
if (services.length === 0) problems.push("no package under packages/ has test/contract.test.ts");
for (const r of protocols) {
  process.stdout.write(`${r.line}\n`);
  const short = shortfall(r);
  if (short) problems.push(short);
}
if (problems.length > 0) {
  const failedCases = describeResults(protocols)
    .split("\n")
    .filter((line) => line.includes(" FAILED "));
  const shown = failedCases.slice(0, MAX_CASES);
  const more =
    failedCases.length > shown.length
      ? [
          `… and ${failedCases.length - shown.length} more failed cases: tsx e2e/protocol-tests/main.ts --failures lists them all`,
        ]
      : [];
  process.stderr.write(`\n${[...problems, ...shown, ...more].join("\n")}\n`);
  process.exitCode = 1;
}
