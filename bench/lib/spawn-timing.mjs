// Wall time of whole node processes, started many times in turn (so a slow moment of the
// machine hits every variant alike) and summarised by the median.
import { spawnSync } from "node:child_process";
import { performance } from "node:perf_hooks";
import { cleanEnv } from "./env.mjs";
import { median } from "./stats.mjs";

/** Milliseconds from spawn to exit of `node ...args`; throws when it fails. */
export function timeNode(args, cwd) {
  const t0 = performance.now();
  const child = spawnSync(process.execPath, args, { cwd, env: cleanEnv(), encoding: "utf8" });
  const ms = performance.now() - t0;
  if (child.status !== 0) {
    throw new Error(`node ${args.join(" ")} failed (${child.status}): ${child.stderr.trim()}`);
  }
  return ms;
}

/**
 * Median wall ms of each variant (`{ label: args }`) over `runs` rounds, each round running every
 * variant once, after one unmeasured round (file cache).
 */
export function medianSpawns(variants, runs, cwd) {
  const samples = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
  for (let round = 0; round <= runs; round++) {
    for (const [label, args] of Object.entries(variants)) {
      const ms = timeNode(args, cwd);
      if (round > 0) samples[label].push(ms);
    }
  }
  return Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)]));
}
