/**
 * Smithy IDL conformance: ../shared/smithy/idl-conformance beside the checkout.
 *
 * valid/X.smithy (62 cases: those with a canonical/X.oracle.json) is loaded together with
 * valid/__shared.json, and must load without ERROR or DANGER events to a model equal to the
 * oracle. Equality rules:
 *  - shapes: ours without bundled (prelude/AWS) shapes, both sides without the shapes that
 *    __shared.json defines (the oracle leaves them out);
 *  - JSON values are compared structurally: object key order is ignored, array order is not;
 *  - member order is significant (Smithy keeps definition order), so it is compared as well;
 *  - metadata is compared the same way.
 * valid/X.flattened.smithy beside X.smithy: flattenMixins of both must be equal.
 *
 * invalid/X.smithy (181 cases) must be rejected: an ERROR event, or a DANGER event (Smithy's
 * ValidatedResult.unwrap rejects both; one case is the DANGER `SyntacticShapeIdTarget`). When the
 * first-line comment names "line L, column C", an event must be on line L (columns are counted
 * and printed too); when it names no line, any rejecting event counts.
 *
 * Cases listed in KNOWN-FAILURES.md may fail; no other case may.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { NodeValue } from "../../src/model/ast.js";
import { flattenMixins, loadSources, withoutBundled } from "../../src/model/load.js";

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, "../../..");
const corpus = resolve(repoRoot, "../shared/smithy/idl-conformance");
const present = existsSync(corpus);

function walk(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? walk(p) : [p];
    })
    .sort();
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === "object") {
    const o = v as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(o)
        .sort()
        .map((k) => [k, sortKeys(o[k])]),
    );
  }
  return v;
}

type Shapes = Record<string, { members?: Record<string, unknown> }>;

function memberOrders(shapes: Shapes): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [id, s] of Object.entries(shapes)) if (s.members) out[id] = Object.keys(s.members);
  return out;
}

function knownFailures(): Set<string> {
  const text = readFileSync(join(here, "KNOWN-FAILURES.md"), "utf8");
  return new Set(
    [...text.matchAll(/^- `((?:valid|invalid)\/[^`]+)`/gm)].map((m) => m[1] as string),
  );
}

interface Outcome {
  name: string;
  ok: boolean;
  why?: string;
}

function runValid(): Outcome[] {
  const sharedPath = join(corpus, "valid/__shared.json");
  const shared = { path: "__shared.json", text: readFileSync(sharedPath, "utf8") };
  const sharedIds = Object.keys(JSON.parse(shared.text).shapes as object);
  const out: Outcome[] = [];
  for (const file of walk(join(corpus, "valid"))) {
    if (!file.endsWith(".smithy") || file.endsWith(".flattened.smithy")) continue;
    const rel = relative(join(corpus, "valid"), file);
    const oraclePath = join(corpus, "canonical", rel.replace(/\.smithy$/, ".oracle.json"));
    if (!existsSync(oraclePath)) continue;
    const name = `valid/${rel}`;
    const result = loadSources([shared, { path: rel, text: readFileSync(file, "utf8") }]);
    const oracle = JSON.parse(readFileSync(oraclePath, "utf8")) as {
      shapes: Shapes;
      metadata?: Record<string, NodeValue>;
    };
    const ours = withoutBundled(result.model);
    const got = ours.shapes as Shapes;
    for (const id of sharedIds) {
      delete got[id];
      delete oracle.shapes[id];
    }
    const rejecting = result.events.filter(
      (e) => e.severity === "ERROR" || e.severity === "DANGER",
    );
    let why: string | undefined;
    if (rejecting.length) why = `events: ${rejecting.map((e) => e.message).join(" | ")}`;
    else if (JSON.stringify(sortKeys(got)) !== JSON.stringify(sortKeys(oracle.shapes)))
      why = "shapes differ";
    else if (JSON.stringify(memberOrders(got)) !== JSON.stringify(memberOrders(oracle.shapes))) {
      why = "member order differs";
    } else if (
      JSON.stringify(sortKeys(ours.metadata ?? {})) !==
      JSON.stringify(sortKeys(oracle.metadata ?? {}))
    ) {
      why = "metadata differs";
    }
    out.push(why ? { name, ok: false, why } : { name, ok: true });
  }
  return out;
}

const columnMisses: string[] = [];

function runInvalid(): Outcome[] {
  const out: Outcome[] = [];
  for (const file of walk(join(corpus, "invalid"))) {
    if (!file.endsWith(".smithy")) continue;
    const rel = relative(join(corpus, "invalid"), file);
    const name = `invalid/${rel}`;
    const text = readFileSync(file, "utf8");
    const expected = text.split("\n")[0] ?? "";
    const where = /line (\d+), column (\d+)/.exec(expected);
    const result = loadSources([{ path: rel, text }]);
    const rejecting = result.events.filter(
      (e) => e.severity === "ERROR" || e.severity === "DANGER",
    );
    const found = rejecting
      .map((e) => `${e.location?.line}:${e.location?.column} ${e.message}`)
      .join(" | ");
    if (!where) {
      out.push(rejecting.length ? { name, ok: true } : { name, ok: false, why: "not rejected" });
      continue;
    }
    const line = Number(where[1]);
    const column = Number(where[2]);
    const onLine = rejecting.filter((e) => e.location?.line === line);
    if (onLine.length && !onLine.some((e) => e.location?.column === column))
      columnMisses.push(name);
    out.push(
      onLine.length
        ? { name, ok: true }
        : { name, ok: false, why: `expected line ${line}; got ${found || "nothing"}` },
    );
  }
  return out;
}

describe.skipIf(!present)("Smithy IDL conformance (../shared/smithy/idl-conformance)", () => {
  const known = present ? knownFailures() : new Set<string>();

  const check = (outcomes: Outcome[], label: string, total: number, threshold: number) => {
    const failing = outcomes.filter((o) => !o.ok);
    const passed = outcomes.length - failing.length;
    console.log(`${label}: ${passed}/${outcomes.length} pass (threshold ${threshold})`);
    for (const f of failing) console.log(`  FAIL ${f.name}: ${f.why}`);
    expect(outcomes.length).toBe(total);
    expect(failing.filter((f) => !known.has(f.name)).map((f) => `${f.name}: ${f.why}`)).toEqual([]);
    expect(passed).toBeGreaterThanOrEqual(threshold);
  };

  it("loads every valid case to its oracle model", () => {
    check(runValid(), "valid", 62, 62);
  });

  it("rejects every invalid case at the named line", () => {
    check(runInvalid(), "invalid", 181, 175);
    console.log(
      `invalid: ${columnMisses.length} right line, other column: ${columnMisses.join(", ") || "none"}`,
    );
  });

  it("flattens mixins like the hand-flattened twins (X.flattened.smithy)", () => {
    const pairs = walk(join(corpus, "valid")).filter((p) => p.endsWith(".flattened.smithy"));
    expect(pairs.length).toBeGreaterThan(10);
    for (const flat of pairs) {
      const base = flat.replace(/\.flattened\.smithy$/, ".smithy");
      const a = loadSources([{ path: "mixed.smithy", text: readFileSync(base, "utf8") }]);
      const b = loadSources([{ path: "flat.smithy", text: readFileSync(flat, "utf8") }]);
      expect(a.ok && b.ok, relative(corpus, base)).toBe(true);
      const fa = withoutBundled(flattenMixins(a.model));
      const fb = withoutBundled(flattenMixins(b.model));
      expect(sortKeys(fa.shapes), relative(corpus, base)).toEqual(sortKeys(fb.shapes));
      expect(memberOrders(fa.shapes as Shapes)).toEqual(memberOrders(fb.shapes as Shapes));
    }
  });
});
