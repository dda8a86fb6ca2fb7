// CPU and wall time of a fixed number of calls, after a warm-up, from process.cpuUsage (user +
// system of the whole process: the client's own work, its event loop and its GC).
import { performance } from "node:perf_hooks";

/** Runs `call` `n` times, at most `concurrency` at once. */
async function runCalls(call, n, concurrency) {
  let started = 0;
  const lane = async () => {
    while (started < n) {
      started++;
      await call();
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, n) }, lane));
}

/**
 * CPU microseconds per call and calls per second of `call` (async), measured over `calls` calls
 * after `warmup` calls. Collects garbage first when node runs with --expose-gc, so that one
 * variant does not pay for another's garbage.
 */
export async function measureCalls(call, { warmup, calls, concurrency }) {
  await runCalls(call, warmup, concurrency);
  globalThis.gc?.();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await runCalls(call, calls, concurrency);
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return {
    cpuUsPerCall: (cpu.user + cpu.system) / calls,
    callsPerSecond: calls / (wallMs / 1000),
    wallMs,
  };
}

/**
 * Operations per second of a synchronous `fn` (one call = one operation): batches of `batch`
 * calls until `ms` have passed, after a warm-up of the same length. `sink` keeps results alive so
 * the JIT cannot drop the work.
 */
export function opsPerSecond(fn, { ms, batch }) {
  let sink = 0;
  const runFor = (duration) => {
    let ops = 0;
    const t0 = performance.now();
    let elapsed = 0;
    while (elapsed < duration) {
      for (let i = 0; i < batch; i++) if (fn()) sink++;
      ops += batch;
      elapsed = performance.now() - t0;
    }
    return ops / (elapsed / 1000);
  };
  runFor(ms);
  const rate = runFor(ms);
  if (sink < 0) console.log(sink);
  return rate;
}
