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
    metafile: true,
  });
  const bytes = out.outputFiles[0].contents;
  const inputs = Object.values(out.metafile.outputs)[0].inputs;
  return {
    bytes: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    parts: partsOf(inputs),
  };
}

/** Where the bytes of our bundle come from, by part (minified bytes each part left in it). */
const PARTS = [
  [
    "validators",
    /@docsmith\/[\w-]+\/dist\/esm\/validators\/|\/packages\/[\w-]+\/dist\/esm\/validators\//,
  ],
  [
    "service package (commands, schemas, errors)",
    /@docsmith\/(?!runtime)[\w-]+\/|\/packages\/(?!runtime)[\w-]+\//,
  ],
  ["@docsmith/runtime", /@docsmith\/runtime\/|\/packages\/runtime\//],
  ["@smithy/* (Client, middleware stack, ServiceException)", /@smithy\//],
];

function partsOf(inputs) {
  const sums = new Map(PARTS.map(([name]) => [name, 0]));
  let other = 0;
  for (const [path, { bytesInOutput }] of Object.entries(inputs)) {
    const part = PARTS.find(([, test]) => test.test(path));
    if (part) sums.set(part[0], sums.get(part[0]) + bytesInOutput);
    else other += bytesInOutput;
  }
  return [...sums, ["the program and other", other]];
}

const why = missing("inspector");
const rows = [];
const checks = [];
const oursOn = {};
for (const platform of ["browser", "node"]) {
  const sdk = await size("@aws-sdk/client-inspector", platform);
  const ours = why ? undefined : await size("@docsmith/inspector", platform);
  oursOn[platform] = ours;
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
// For information: what our browser bundle is made of.
const browser = oursOn.browser;
for (const [part, bytes] of browser?.parts ?? []) {
  rows.push([
    "browser, of which",
    part,
    count(bytes),
    "",
    times(bytes, browser.bytes).replace(/x$/, " of ours"),
  ]);
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
    "The `of which` rows (information): the minified bytes each part leaves in our browser bundle (esbuild's metafile), as a share of the whole. The validator is ajv's standalone code for ListFindings' input (allErrors and verbose, which the AWS-worded messages need).",
    ...(why ? [`ours not measured: ${why}`] : []),
  ],
});
