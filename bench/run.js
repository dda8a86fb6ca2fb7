// `pnpm bench`: runs every benchmark, each in a fresh process of its own, one after another, and
// writes RESULTS.md (the machine, then one table per benchmark). A benchmark that fails is
// recorded as not run, with its error; the others still run.
// Usage: node bench/run.js [name...]   (names given: runs those only and leaves RESULTS.md alone)
import { writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { forkUntil } from "./lib/fork.mjs";
import { machine, renderMarkdown } from "./lib/results.mjs";

const BENCHMARKS = [
  { name: "client", title: "Client CPU per call" },
  { name: "server", title: "Server throughput" },
  { name: "validation", title: "Validation" },
  { name: "cold-import", title: "Cold import" },
  { name: "bundle", title: "Bundle size" },
  { name: "codegen", title: "Codegen speed" },
  { name: "loader", title: "Loader (Smithy IDL)", args: ["30"] },
];

const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !BENCHMARKS.some((b) => b.name === w));
if (unknown.length > 0) {
  console.error(
    `unknown benchmark(s): ${unknown.join(", ")}; known: ${BENCHMARKS.map((b) => b.name).join(", ")}`,
  );
  process.exit(2);
}
const chosen = wanted.length > 0 ? BENCHMARKS.filter((b) => wanted.includes(b.name)) : BENCHMARKS;

const startLoad = loadavg();
const t0 = performance.now();
const entries = [];
for (const b of chosen) {
  const file = fileURLToPath(new URL(`./${b.name}.mjs`, import.meta.url));
  try {
    const { child, message } = await forkUntil(file, b.args ?? [], {
      type: "benchmark",
      timeoutMs: 600_000,
    });
    if (child.exitCode === null) await new Promise((r) => child.once("exit", r));
    entries.push({ title: b.title, result: message.result });
  } catch (e) {
    console.error(`${b.name}: ${e.message}`);
    entries.push({ title: b.title, error: e.message.split("\n")[0] });
  }
}
const seconds = (performance.now() - t0) / 1000;
if (wanted.length === 0) {
  writeFileSync(
    new URL("./RESULTS.md", import.meta.url),
    renderMarkdown(machine(), entries, seconds, { start: startLoad, end: loadavg() }),
  );
  console.log(`\nwrote bench/RESULTS.md (${seconds.toFixed(0)} s)`);
}
if (entries.some((e) => !e.result)) process.exitCode = 1;
