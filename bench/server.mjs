// Server throughput: requests/s and p99 latency of the generated handler (createXHandler +
// toNodeListener on node:http) under autocannon, vs a bare node:http server that reads the body,
// JSON.parses it, and answers JSON.stringify of the same documented output. The server runs in
// its own process on 127.0.0.1, autocannon in this one.
// Usage: node bench/server.mjs        (server mode, used by itself: --serve bare|ours CASE)
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { ask, forkUntil, stop } from "./lib/fork.mjs";
import { documentedExample, operation, protocolOf, serviceModel } from "./lib/model.mjs";
import { missing } from "./lib/ours.mjs";
import { check, count, fmt, report, times } from "./lib/results.mjs";
import { median } from "./lib/stats.mjs";

const DURATION_S = 3;
const WARMUP_S = 1;
/** Bare and ours measured in turn this many times (a fresh server each time); tables show medians. */
const ROUNDS = 3;
const CONNECTIONS = 10;
const SELF = fileURLToPath(import.meta.url);

const CASES = [
  {
    label: "Inspector ListFindings",
    svc: "inspector",
    op: "ListFindings",
    server: ["@docsmith/inspector/server", "createInspectorHandler"],
    input: {
      assessmentRunArns: [
        "arn:aws:inspector:us-west-2:123456789012:target/0-0kFIPusq/template/0-4r1V2mAw/run/0-MKkpXXPE",
      ],
      maxResults: 50,
    },
  },
  {
    label: "Security Hub CreateActionTarget",
    svc: "securityhub",
    op: "CreateActionTarget",
    server: ["@docsmith/securityhub/server", "createSecurityHubHandler"],
  },
];

/** The request autocannon sends: method, path, headers, body, from the model. */
async function requestOf(c) {
  const ctx = await serviceModel(c.svc);
  const example = documentedExample(ctx, c.op);
  const body = JSON.stringify(c.input ?? example.input ?? {});
  const protocol = protocolOf(ctx.service);
  if (protocol.startsWith("awsJson")) {
    return {
      ctx,
      example,
      method: "POST",
      path: "/",
      headers: {
        "content-type": `application/x-amz-json-${protocol === "awsJson1_1" ? "1.1" : "1.0"}`,
        "x-amz-target": `${ctx.serviceId.slice(ctx.serviceId.indexOf("#") + 1)}.${c.op}`,
      },
      body,
    };
  }
  const http = operation(ctx, c.op).shape.traits["smithy.api#http"];
  return {
    ctx,
    example,
    method: http.method,
    path: http.uri,
    headers: { "content-type": "application/json" },
    body,
  };
}

/** Server mode: listens on 127.0.0.1 and sends `{ port }`. */
async function serve(kind, index) {
  const c = CASES[index];
  const req = await requestOf(c);
  let listener;
  if (kind === "ours") {
    const [pkg, factory] = c.server;
    const mod = await import(pkg);
    const handler = mod[factory]({ [c.op]: async () => req.example.output });
    listener = mod.toNodeListener(handler);
  } else {
    const contentType = req.headers["content-type"];
    listener = (request, response) => {
      const chunks = [];
      request.on("data", (chunk) => chunks.push(chunk));
      request.on("end", () => {
        const input = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
        const routed =
          request.method === req.method &&
          request.url === req.path &&
          (req.headers["x-amz-target"] === undefined ||
            request.headers["x-amz-target"] === req.headers["x-amz-target"]);
        if (!routed || typeof input !== "object") {
          response.writeHead(400, { "content-type": contentType });
          response.end('{"__type":"UnknownOperationException"}');
          return;
        }
        const body = JSON.stringify(req.example.output);
        response.writeHead(200, {
          "content-type": contentType,
          "content-length": Buffer.byteLength(body),
          "x-amzn-requestid": "bench-0000",
        });
        response.end(body);
      });
    };
  }
  const server = createServer(listener);
  server.listen(0, "127.0.0.1", () =>
    process.send({ type: "listening", port: server.address().port }),
  );
  // The parent asks for the CPU this process uses over the measured load.
  let cpu0;
  process.on("message", (m) => {
    if (m?.type === "cpu-start") {
      cpu0 = process.cpuUsage();
      process.send({ type: "cpu-started" });
    } else if (m?.type === "cpu-stop") {
      const used = process.cpuUsage(cpu0);
      process.send({ type: "cpu", us: used.user + used.system });
    }
  });
  process.on("disconnect", () => server.close(() => process.exit(0)));
}

async function load(port, req, seconds) {
  return autocannon({
    url: `http://127.0.0.1:${port}${req.path}`,
    method: req.method,
    headers: req.headers,
    body: req.body,
    connections: CONNECTIONS,
    duration: seconds,
  });
}

async function measure(kind, index, req) {
  const server = await forkUntil(SELF, ["--serve", kind, String(index)], { type: "listening" });
  try {
    // One sample answer must be the documented output.
    const res = await fetch(`http://127.0.0.1:${server.message.port}${req.path}`, {
      method: req.method,
      headers: req.headers,
      body: req.body,
    });
    const answer = await res.json();
    if (res.status !== 200 || JSON.stringify(answer) !== JSON.stringify(req.example.output)) {
      throw new Error(`${kind} answered ${res.status} ${JSON.stringify(answer)}`);
    }
    await load(server.message.port, req, WARMUP_S);
    await ask(server.child, { type: "cpu-start" }, "cpu-started");
    const r = await load(server.message.port, req, DURATION_S);
    const { us } = await ask(server.child, { type: "cpu-stop" }, "cpu");
    if (r.errors > 0 || r.non2xx > 0 || r.timeouts > 0) {
      throw new Error(`${kind}: ${r.errors} errors, ${r.non2xx} non-2xx, ${r.timeouts} timeouts`);
    }
    return { rps: r.requests.average, p99: r.latency.p99, cpuUs: us / r.requests.total };
  } finally {
    await stop(server.child);
  }
}

/** The median of each figure over the rounds. */
function medians(samples) {
  return {
    rps: median(samples.map((s) => s.rps)),
    p99: median(samples.map((s) => s.p99)),
    cpuUs: median(samples.map((s) => s.cpuUs)),
  };
}

async function main() {
  const rows = [];
  const checks = [];
  const notes = [
    `autocannon, ${CONNECTIONS} connections, ${DURATION_S} s after a ${WARMUP_S} s warm-up; server and load generator in separate processes on 127.0.0.1; bare and ours ${ROUNDS} times each, in turn (the order swapped every round), medians (one run each swung the ratio by 0.2 on this machine).`,
    "Ours runs with its defaults: request parsing and validation, output validation on, no SigV4 verification.",
    "Server CPU per request: user + system of the server process over the measured load, divided by the requests answered (less sensitive to other load on the machine than requests/s).",
  ];
  for (const [index, c] of CASES.entries()) {
    const req = await requestOf(c);
    const why = missing(c.svc);
    if (why) notes.push(`ours not measured for ${c.label}: ${why}`);
    const runs = { bare: [], ours: [] };
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? ["bare", "ours"] : ["ours", "bare"];
      for (const kind of order) {
        if (kind === "ours" && why) continue;
        runs[kind].push(await measure(kind, index, req));
      }
    }
    const bare = medians(runs.bare);
    const ours = why ? undefined : medians(runs.ours);
    rows.push([
      c.label,
      count(ours?.rps),
      count(bare.rps),
      times(ours?.rps, bare.rps),
      fmt(ours?.p99, 0),
      fmt(bare.p99, 0),
      fmt(ours?.cpuUs),
      fmt(bare.cpuUs),
    ]);
    checks.push(
      check(`${c.label}: ours requests/s >= 0.7x bare`, ours?.rps / bare.rps, (r) => r >= 0.7),
    );
  }
  report({
    id: "server",
    title: "Server throughput",
    goal: ">= 0.7x the requests/s of a bare node:http server",
    columns: [
      "operation",
      "ours req/s",
      "bare req/s",
      "ours / bare",
      "ours p99 ms",
      "bare p99 ms",
      "ours server µs CPU/req",
      "bare server µs CPU/req",
    ],
    rows,
    checks,
    notes,
  });
}

if (process.argv[2] === "--serve") await serve(process.argv[3], Number(process.argv[4]));
else await main();
