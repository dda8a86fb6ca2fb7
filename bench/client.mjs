// Client CPU per call and calls/s: ours vs the AWS SDK v3 client vs the floor (node:http
// keep-alive + @smithy/signature-v4, no SDK), against a stub AWS in another process answering the
// documented response. Each variant runs in a fresh process of its own (no shared JIT or heap),
// in turn, ROUNDS times; the table gives the medians.
// Usage: node bench/client.mjs        (worker mode, used by itself: --worker VARIANT CASE PORT)
import { fileURLToPath } from "node:url";
import { measureCalls } from "./lib/cpu.mjs";
import { floorCall } from "./lib/floor-client.mjs";
import { forkUntil, runWorker, stop } from "./lib/fork.mjs";
import { documentedExample, operation, protocolOf, serviceModel } from "./lib/model.mjs";
import { missing } from "./lib/ours.mjs";
import { check, count, fmt, report, times } from "./lib/results.mjs";
import { median } from "./lib/stats.mjs";

const WARMUP = 500;
const CALLS = 2_500;
const CONCURRENCY = 4;
const ROUNDS = 3;
const REGION = "us-west-2";
const CREDENTIALS = {
  accessKeyId: "AKIDBENCHMARK0000000",
  secretAccessKey: "bench/secret/key/0000000000000000000000",
};
const SELF = fileURLToPath(import.meta.url);

const RUN_ARN =
  "arn:aws:inspector:us-west-2:123456789012:target/0-0kFIPusq/template/0-4r1V2mAw/run/0-MKkpXXPE";

/** The calls measured. `input(example)`: the input sent, from the documented example. */
const CASES = [
  {
    label: "Inspector ListFindings",
    svc: "inspector",
    op: "ListFindings",
    // The documented input is `{}`; a filled one makes every client serialize and validate.
    input: () => ({
      assessmentRunArns: [RUN_ARN],
      filter: { severities: ["High", "Medium"] },
      maxResults: 50,
    }),
    sdk: ["@aws-sdk/client-inspector", "InspectorClient", "ListFindingsCommand"],
    ours: ["@docsmith/inspector", "InspectorClient", "ListFindingsCommand"],
  },
  {
    label: "Security Hub CreateActionTarget",
    svc: "securityhub",
    op: "CreateActionTarget",
    input: (example) => example.input,
    sdk: ["@aws-sdk/client-securityhub", "SecurityHubClient", "CreateActionTargetCommand"],
    ours: ["@docsmith/securityhub", "SecurityHubClient", "CreateActionTargetCommand"],
  },
];

const VARIANTS = ["floor", "sdk", "ours"];

/** How the floor puts the call on the wire, from the model. */
function wireOf(ctx, op) {
  const protocol = protocolOf(ctx.service);
  if (protocol.startsWith("awsJson")) {
    return {
      method: "POST",
      path: "/",
      headers: {
        "content-type": `application/x-amz-json-${protocol === "awsJson1_1" ? "1.1" : "1.0"}`,
        "x-amz-target": `${ctx.serviceId.slice(ctx.serviceId.indexOf("#") + 1)}.${op}`,
      },
    };
  }
  const http = operation(ctx, op).shape.traits["smithy.api#http"];
  return { method: http.method, path: http.uri, headers: { "content-type": "application/json" } };
}

async function sdkLikeCall(spec, port) {
  const [pkg, clientName, commandName] = spec;
  const mod = await import(pkg);
  const client = new mod[clientName]({
    region: REGION,
    endpoint: `http://127.0.0.1:${port}`,
    credentials: CREDENTIALS,
  });
  const Command = mod[commandName];
  return (input) => client.send(new Command(input));
}

/** Worker: one variant, one case; sends `{ cpuUsPerCall, callsPerSecond }`. */
async function worker(variant, index, port) {
  const c = CASES[index];
  const ctx = await serviceModel(c.svc);
  const example = documentedExample(ctx, c.op);
  const input = c.input(example);
  let call;
  if (variant === "floor") {
    const signingName = ctx.service.traits["aws.auth#sigv4"].name;
    call = floorCall({
      port,
      region: REGION,
      credentials: CREDENTIALS,
      signingName,
      wire: wireOf(ctx, c.op),
    });
  } else {
    call = await sdkLikeCall(variant === "sdk" ? c.sdk : c.ours, port);
  }
  // The answer must be the documented output, or the figures mean nothing.
  const first = await call(input);
  for (const [key, value] of Object.entries(example.output)) {
    if (JSON.stringify(first[key]) !== JSON.stringify(value)) {
      throw new Error(`${variant} ${c.label}: got ${key}=${JSON.stringify(first[key])}`);
    }
  }
  const m = await measureCalls(() => call(input), {
    warmup: WARMUP,
    calls: CALLS,
    concurrency: CONCURRENCY,
  });
  process.send({ type: "result", value: m });
  process.exit(0);
}

async function main() {
  const server = await forkUntil(
    fileURLToPath(new URL("./lib/aws-stub-server.mjs", import.meta.url)),
    CASES.map((c) => `${c.svc}:${c.op}`),
    { type: "listening" },
  );
  const port = server.message.port;
  const rows = [];
  const checks = [];
  const notes = [
    `${CALLS} calls after ${WARMUP} warm-up calls, ${CONCURRENCY} in flight, keep-alive; each variant in a fresh process, ${ROUNDS} rounds in turn, medians; CPU = user + system of the client process (process.cpuUsage).`,
    "Every client has static credentials and a region (no provider chain); the stub runs in another process and answers the documented example output.",
  ];
  try {
    for (const [index, c] of CASES.entries()) {
      const why = missing(c.svc);
      const variants = why ? VARIANTS.filter((v) => v !== "ours") : VARIANTS;
      if (why) notes.push(`ours not measured for ${c.label}: ${why}`);
      const samples = Object.fromEntries(variants.map((v) => [v, []]));
      for (let round = 0; round < ROUNDS; round++) {
        for (const v of variants) {
          samples[v].push(
            await runWorker(SELF, ["--worker", v, String(index), String(port)], {
              execArgv: ["--expose-gc"],
            }),
          );
        }
      }
      const cpu = (v) => (samples[v] ? median(samples[v].map((s) => s.cpuUsPerCall)) : undefined);
      const rate = (v) =>
        samples[v] ? median(samples[v].map((s) => s.callsPerSecond)) : undefined;
      rows.push([
        c.label,
        fmt(cpu("ours")),
        fmt(cpu("sdk")),
        fmt(cpu("floor")),
        times(cpu("sdk"), cpu("ours")),
        times(cpu("ours"), cpu("floor")),
        count(rate("ours")),
        count(rate("sdk")),
        count(rate("floor")),
      ]);
      checks.push(
        check(
          `${c.label}: SDK CPU / ours >= 1.8`,
          cpu("ours") && cpu("sdk") / cpu("ours"),
          (r) => r >= 1.8,
        ),
        check(
          `${c.label}: ours CPU / floor <= 1.15`,
          cpu("ours") && cpu("ours") / cpu("floor"),
          (r) => r <= 1.15,
        ),
      );
    }
  } finally {
    await stop(server.child);
  }
  report({
    id: "client",
    title: "Client CPU per call",
    goal: ">= 1.8x less CPU than the AWS SDK v3; within 1.15x of the floor",
    columns: [
      "call",
      "ours µs CPU/call",
      "SDK µs CPU/call",
      "floor µs CPU/call",
      "SDK / ours",
      "ours / floor",
      "ours calls/s",
      "SDK calls/s",
      "floor calls/s",
    ],
    rows,
    checks,
    notes,
  });
}

if (process.argv[2] === "--worker") {
  await worker(process.argv[3], Number(process.argv[4]), Number(process.argv[5]));
} else {
  await main();
}
