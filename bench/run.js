// Benchmarks land with the benchmark issue; each writes its figures to RESULTS.md.
console.log("no benchmarks yet");
