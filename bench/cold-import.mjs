// Cold import of the Inspector client package: wall time of `node -e "import(PKG)"` over that of
// `node -e 0`, ours vs the AWS SDK v3, from fresh processes started in turn (medians).
// NODE_EXTRA_CA_CERTS is unset in the children (see lib/env.mjs).
// Usage: node bench/cold-import.mjs
import { createRequire } from "node:module";
import { BENCH, missing } from "./lib/ours.mjs";
import { check, fmt, report, times } from "./lib/results.mjs";
import { medianSpawns } from "./lib/spawn-timing.mjs";

const RUNS = 15;

const importing = (pkg) => [
  "-e",
  `import(${JSON.stringify(pkg)}).catch((e) => { console.error(e); process.exit(1); })`,
];

const why = missing("inspector");
const variants = { baseline: ["-e", "0"], sdk: importing("@aws-sdk/client-inspector") };
if (!why) {
  variants.ours = importing("@docsmith/inspector");
  // For information: the part of ours that is @smithy/smithy-client's Client and
  // ServiceException (from @smithy/core/client, loaded as the runtime loads it, with require).
  const smithy = createRequire(import.meta.resolve("@docsmith/runtime")).resolve(
    "@smithy/core/client",
  );
  variants.smithy = ["-e", `require(${JSON.stringify(smithy)})`];
}
const ms = medianSpawns(variants, RUNS, BENCH);
const over = (label) => (ms[label] === undefined ? undefined : ms[label] - ms.baseline);

report({
  id: "cold-import",
  title: "Cold import",
  goal: "<= 1/5 of the AWS SDK v3",
  columns: ["package", "process ms (median)", "import ms (over node -e 0)", "ours / SDK"],
  rows: [
    ["node -e 0", fmt(ms.baseline), "", ""],
    ["@aws-sdk/client-inspector", fmt(ms.sdk), fmt(over("sdk")), ""],
    ["@docsmith/inspector", fmt(ms.ours), fmt(over("ours")), times(over("ours"), over("sdk"))],
    [
      "of which @smithy/core/client (information)",
      fmt(ms.smithy),
      fmt(over("smithy")),
      times(over("smithy"), over("sdk")),
    ],
  ],
  checks: [
    check("import time: ours <= 1/5 of the SDK", over("ours") / over("sdk"), (r) => r <= 0.2),
  ],
  notes: [
    `${RUNS} runs of each, in turn, after one unmeasured round.`,
    "The last row is the AWS SDK v3 base our clients extend (@smithy/smithy-client's Client, Command and ServiceException, from @smithy/core/client), loaded alone: a floor under ours that the design keeps.",
    ...(why ? [`ours not measured: ${why}`] : []),
  ],
});
