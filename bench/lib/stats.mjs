// The median of samples: the figure benchmarks report over repeated runs, as one slow run (the
// machine busy elsewhere) moves it least.
export function median(samples) {
  if (samples.length === 0) throw new Error("median of no samples");
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
