// Prints the protocol-test summary lines; `--failures` also lists every failed or skipped case.
import { describeResults, runProtocolSuites } from "./index.js";

const results = await runProtocolSuites();
for (const r of results) process.stdout.write(`${r.line}\n`);
if (process.argv.includes("--failures")) process.stdout.write(`${describeResults(results)}\n`);
