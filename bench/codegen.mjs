// Codegen speed: wall time of `docsmith transcribe --check` and `docsmith generate --check` over
// the four documented services, and of `docsmith generate --model FILE.json` on synthetic
// awsJson1_1 services of 100, 1,000 and 5,000 operations (lib/synthetic-model.mjs), each in a
// fresh process; the time per operation, marginal between sizes, shows whether growth is linear.
// A size whose projected time (from the smaller sizes) is over MAX_SECONDS is left out and said
// so, to keep the suite bounded: pass --full to run every size whatever it takes.
// Usage: node bench/codegen.mjs [--full]
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { cleanEnv } from "./lib/env.mjs";
import { ROOT } from "./lib/ours.mjs";
import { check, fmt, report, times } from "./lib/results.mjs";
import { SYNTHETIC_SERVICE, syntheticModel } from "./lib/synthetic-model.mjs";

const SIZES = [100, 1_000, 5_000];
const RUNS = 2;
// 5,000 operations cost about 110 s of CPU (most of it compiling and formatting ~180 MB of
// validators): 150 s lets them run on 2 cores.
const MAX_SECONDS = 150;
const FULL = process.argv.includes("--full");
const CLI = `${ROOT}codegen/bin/docsmith.js`;

/** Wall ms and exit status of `docsmith ...args` run from the root. */
function docsmith(args) {
  const t0 = performance.now();
  const child = spawnSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    env: cleanEnv(),
    encoding: "utf8",
  });
  return { ms: performance.now() - t0, status: child.status, stderr: child.stderr };
}

const notes = [];
const rows = [];

// The four services: the best of RUNS (the run least disturbed by the rest of the machine).
const stages = {};
for (const stage of ["transcribe", "generate"]) {
  const runs = Array.from({ length: RUNS }, () => docsmith([stage, "--check"]));
  stages[stage] = Math.min(...runs.map((r) => r.ms));
  const last = runs.at(-1);
  if (last.status !== 0) {
    notes.push(
      `\`docsmith ${stage} --check\` exited ${last.status} (${last.stderr.trim().split("\n").at(-1)}): its time may not be a full run.`,
    );
  }
}
const fourServices = stages.transcribe + stages.generate;
rows.push(
  ["transcribe --check, 4 services", "", fmt(stages.transcribe, 0), ""],
  ["generate --check, 4 services", "", fmt(stages.generate, 0), ""],
  ["transcribe + generate", "", fmt(fourServices, 0), ""],
);

// Synthetic services.
const dir = mkdtempSync(join(tmpdir(), "docsmith-bench-"));
const measured = [];
let failed = false;
try {
  for (const size of SIZES) {
    if (failed) {
      rows.push(["generate, synthetic", String(size), "not run (a smaller size failed)", ""]);
      continue;
    }
    const last = measured.at(-1);
    const projected = last
      ? last.ms +
        ((last.ms - (measured.at(-2)?.ms ?? 0)) / (last.size - (measured.at(-2)?.size ?? 0))) *
          (size - last.size)
      : 0;
    if (!FULL && projected > MAX_SECONDS * 1000) {
      rows.push([
        `generate, synthetic`,
        String(size),
        `not run (projected ${fmt(projected / 1000, 0)} s)`,
        "",
      ]);
      notes.push(
        `${size} operations not run: projected ${fmt(projected / 1000, 0)} s > ${MAX_SECONDS} s (run \`node bench/codegen.mjs --full\`).`,
      );
      continue;
    }
    const model = join(dir, `synthetic-${size}.json`);
    const out = join(dir, `out-${size}`);
    writeFileSync(model, JSON.stringify(syntheticModel(size)));
    const r = docsmith([
      "generate",
      "--model",
      model,
      "--service",
      SYNTHETIC_SERVICE,
      "--out",
      out,
    ]);
    if (r.status !== 0) {
      const why = r.stderr.trim().split("\n").join(" / ");
      rows.push(["generate, synthetic", String(size), `failed after ${fmt(r.ms, 0)} ms`, ""]);
      notes.push(`generate of ${size} operations failed (exit ${r.status}): ${why}`);
      failed = true;
      continue;
    }
    // Files over biome's 1 MiB files.maxSize (generate warns of them): `biome check` skips them.
    const oversized = r.stderr.split("\n").filter((line) => line.includes("files.maxSize"));
    if (oversized.length > 0) {
      const names = oversized.map((line) => /warning: .*?\/([^/]+) is \d+ bytes/.exec(line)?.[1]);
      notes.push(
        `${size} operations: ${oversized.length} generated file(s) over biome's 1 MiB files.maxSize (${names.join(", ")}).`,
      );
    }
    const validators = readdirSync(join(out, "src", "validators")).length;
    if (validators < size)
      throw new Error(`generate of ${size} operations wrote ${validators} validator modules`);
    rmSync(out, { recursive: true, force: true });
    measured.push({ size, ms: r.ms });
    rows.push([`generate, synthetic`, String(size), fmt(r.ms, 0), fmt(r.ms / size, 2)]);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// Marginal cost per operation between consecutive sizes: flat (ratio near 1) is linear.
const marginal = measured.slice(1).map((m, i) => ({
  span: `${measured[i].size}->${m.size}`,
  msPerOp: (m.ms - measured[i].ms) / (m.size - measured[i].size),
}));
for (const m of marginal)
  rows.push([`marginal ms/operation, ${m.span}`, "", "", fmt(m.msPerOp, 2)]);
const growth = marginal.length === 2 ? marginal[1].msPerOp / marginal[0].msPerOp : undefined;
if (growth !== undefined) {
  notes.push(
    `marginal cost per operation grows ${times(marginal[1].msPerOp, marginal[0].msPerOp)} from ${marginal[0].span} to ${marginal[1].span}.`,
  );
}
notes.push(
  `Wall times of fresh \`node codegen/bin/docsmith.js\` processes (node start included); the four services: best of ${RUNS}; synthetic: one run each, written to a temporary folder.`,
);

report({
  id: "codegen",
  title: "Codegen speed",
  goal: "the four services transcribed and generated in under 2 s; linear growth with operations",
  columns: ["what", "operations", "wall ms", "ms / operation"],
  rows,
  checks: [
    check("transcribe + generate of the four services < 2 s", fourServices, (ms) => ms < 2000),
    // A size that fails to generate fails the goal outright.
    failed
      ? { what: "linear growth: every synthetic size generates", met: false }
      : check(
          "linear: marginal ms/operation 1000->5000 within 1.5x of 100->1000",
          growth,
          (g) => g <= 1.5,
        ),
  ],
  notes,
});
