// One benchmark's result: a table of figures (ours, the anchor's, the ratio) and the goal's
// checks. `report` prints it and, when the runner forked this benchmark, sends it to the runner,
// which writes them all to RESULTS.md with the machine they ran on.
import { readFileSync } from "node:fs";
import os from "node:os";
import { BENCH, ROOT } from "./ours.mjs";

/**
 * @typedef {{ what: string, met: boolean | null }} Check   met null: not measured
 * @typedef {{ id: string, title: string, goal: string, columns: string[], rows: string[][],
 *   checks: Check[], notes?: string[] }} Result
 */

/** `a / b` as `2.41x`, or `n/a` when either is missing. */
export function times(a, b) {
  if (a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b) || b === 0) {
    return "n/a";
  }
  return `${(a / b).toFixed(2)}x`;
}

/** A number with `digits` decimals, or `n/a`. */
export function fmt(value, digits = 1) {
  return value === undefined || !Number.isFinite(value) ? "n/a" : value.toFixed(digits);
}

/** A count with thousands separators, or `n/a`. */
export function count(value) {
  return value === undefined || !Number.isFinite(value)
    ? "n/a"
    : Math.round(value).toLocaleString("en-US");
}

/** A check: met when `value` is measured and `test` passes, null (not measured) otherwise. */
export function check(what, value, test) {
  return { what, met: value === undefined || !Number.isFinite(value) ? null : test(value) };
}

export function verdict(checks) {
  if (checks.length === 0) return "no goal";
  if (checks.some((c) => c.met === false)) return "NOT MET";
  if (checks.some((c) => c.met === null)) return "not measured";
  return "met";
}

function textTable(columns, rows) {
  const widths = columns.map((c, i) => Math.max(c.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join("  ");
  return [line(columns), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

/** Prints the result, and hands it to the runner when there is one. */
export function report(result) {
  const out = [
    `\n== ${result.title} [goal: ${result.goal}]`,
    textTable(result.columns, result.rows),
  ];
  for (const c of result.checks) {
    out.push(`  ${c.met === true ? "met " : c.met === false ? "MISS" : "n/a "}  ${c.what}`);
  }
  for (const n of result.notes ?? []) out.push(`  note: ${n}`);
  out.push(`  => ${verdict(result.checks)}`);
  console.log(out.join("\n"));
  if (process.send) process.send({ type: "benchmark", result });
}

const VERSIONED = [
  "@aws-sdk/client-inspector",
  "@aws-sdk/client-securityhub",
  "@smithy/signature-v4",
  "ajv",
  "autocannon",
  "esbuild",
];

function versionOf(dir) {
  try {
    return JSON.parse(readFileSync(`${dir}/package.json`, "utf8")).version;
  } catch {
    return undefined;
  }
}

export function machine() {
  const cpus = os.cpus();
  const versions = {};
  for (const name of VERSIONED) versions[name] = versionOf(`${BENCH}node_modules/${name}`);
  versions["@docsmith/codegen"] = versionOf(`${ROOT}codegen`);
  for (const svc of ["runtime", "inspector", "securityhub"]) {
    versions[`@docsmith/${svc}`] = versionOf(`${ROOT}packages/${svc}`);
  }
  return {
    cpu: cpus[0]?.model ?? "unknown",
    cores: os.availableParallelism(),
    memoryGiB: os.totalmem() / 2 ** 30,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    date: new Date().toISOString(),
    versions,
  };
}

function mdTable(columns, rows) {
  const esc = (s) => String(s).replaceAll("|", "\\|");
  return [
    `| ${columns.map(esc).join(" | ")} |`,
    `| ${columns.map(() => "---").join(" | ")} |`,
    ...rows.map((r) => `| ${r.map(esc).join(" | ")} |`),
  ].join("\n");
}

/**
 * RESULTS.md: the machine (with its load averages at the start and end, `load: { start, end }`),
 * then one section per benchmark (or why it did not run).
 */
export function renderMarkdown(m, entries, seconds, load) {
  const avg = (l) => l.map((x) => x.toFixed(1)).join(" / ");
  const lines = [
    "# Benchmark results",
    "",
    "Written by `pnpm bench` (bench/run.js); do not edit by hand. See README.md for what each",
    "benchmark measures and how to read the tables.",
    "",
    "## Machine",
    "",
    `- CPU: ${m.cpu}, ${m.cores} cores`,
    `- Memory: ${m.memoryGiB.toFixed(1)} GiB`,
    `- OS: ${m.os}`,
    `- Node: ${m.node}`,
    `- Date: ${m.date} (suite took ${seconds.toFixed(0)} s)`,
    `- Load average (1 / 5 / 15 min), other work on the machine: ${avg(load.start)} at the start, ${avg(load.end)} at the end`,
    `- Versions: ${Object.entries(m.versions)
      .map(([name, v]) => `${name} ${v ?? "(missing)"}`)
      .join(", ")}`,
    "",
    "## Summary",
    "",
    mdTable(
      ["benchmark", "goal", "result"],
      entries.map((e) => [
        e.title,
        e.result?.goal ?? "",
        e.result ? verdict(e.result.checks) : `did not run: ${e.error}`,
      ]),
    ),
  ];
  for (const e of entries) {
    lines.push("", `## ${e.title}`, "");
    if (!e.result) {
      lines.push(`Did not run: ${e.error}`);
      continue;
    }
    const r = e.result;
    lines.push(
      `Goal: ${r.goal}. Result: **${verdict(r.checks)}**.`,
      "",
      mdTable(r.columns, r.rows),
      "",
    );
    for (const c of r.checks) {
      lines.push(
        `- ${c.met === true ? "met" : c.met === false ? "**not met**" : "not measured"}: ${c.what}`,
      );
    }
    for (const n of r.notes ?? []) lines.push(`- Note: ${n}`);
  }
  return `${lines.join("\n")}\n`;
}
