// Bundle size of a one-command program (create a client, send ListFindings), ours vs the AWS SDK
// v3: esbuild --bundle --minify, ESM, for the browser and for node; bytes and gzip (zlib, level 9).
// Usage: node bench/bundle.mjs
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { BENCH, missing } from "./lib/ours.mjs";
import { check, count, report, times } from "./lib/results.mjs";

const program = (pkg) => `import { InspectorClient, ListFindingsCommand } from "${pkg}";
const client = new InspectorClient({ region: "us-west-2" });
const { findingArns } = await client.send(new ListFindingsCommand({ maxResults: 10 }));
console.log(findingArns);
`;

async function size(pkg, platform) {
  const out = await build({
    stdin: { contents: program(pkg), resolveDir: BENCH, sourcefile: "program.mjs", loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform,
    target: "es2022",
    // For node, prefer the packages' ES modules ("module") over CommonJS ("main"), as for the
    // browser: it lets esbuild drop what the program does not use, the SDK's best case.
    mainFields: platform === "node" ? ["module", "main"] : undefined,
    write: false,
    logLevel: "silent",
  });
  const bytes = out.outputFiles[0].contents;
  return { bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

const why = missing("inspector");
const rows = [];
const checks = [];
for (const platform of ["browser", "node"]) {
  const sdk = await size("@aws-sdk/client-inspector", platform);
  const ours = why ? undefined : await size("@docsmith/inspector", platform);
  for (const unit of ["bytes", "gzip"]) {
    rows.push([
      platform,
      unit,
      count(ours?.[unit]),
      count(sdk[unit]),
      times(ours?.[unit], sdk[unit]),
    ]);
    checks.push(
      check(
        `${platform}, ${unit}: ours <= 1/5 of the SDK`,
        ours?.[unit] / sdk[unit],
        (r) => r <= 0.2,
      ),
    );
  }
}
report({
  id: "bundle",
  title: "Bundle size",
  goal: "<= 1/5 of the AWS SDK v3",
  columns: ["platform", "measure", "ours", "AWS SDK v3", "ours / SDK"],
  rows,
  checks,
  notes: [
    "The program: `new InspectorClient({ region })`, `send(new ListFindingsCommand(...))`, print the result; esbuild --bundle --minify --format=esm --target=es2022.",
    ...(why ? [`ours not measured: ${why}`] : []),
  ],
});
