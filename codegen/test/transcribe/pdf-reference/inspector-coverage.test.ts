import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { AstShape } from "../../../src/model/ast.js";
import { transcribePdfReference } from "../../../src/transcribe/pdf-reference/index.js";

/**
 * Coverage of the real Amazon Inspector API Reference. The expected facts are read from the docs
 * text here by plain line scans (headings, "Type:" lines, the keys of the Request/Response Syntax
 * skeletons), independently of the transcriber, and compared with what it produced.
 */
const FILE = "models/inspector/docs/inspector-api-reference-2016-02-16.txt";
const TEXT = readFileSync(new URL(`../../../../${FILE}`, import.meta.url), "utf8");
const LINES = TEXT.split("\n");
const NS = "com.amazonaws.inspector";
const t = transcribePdfReference(TEXT, FILE, NS);
const shape = (name: string): AstShape => {
  const s = t.shapes[`${NS}#${name}`];
  if (!s) throw new Error(`no shape ${name}`);
  return s;
};
const local = (target: string) => target.split("#")[1];

// --- independent reading of the docs -------------------------------------------------------
const toc = LINES.flatMap((l) => {
  const m = /^(.+)\t(\d+)$/.exec(l);
  return m ? [{ name: m[1], page: Number(m[2]) }] : [];
});
const SUB = new Set([
  "Request Syntax",
  "Request Parameters",
  "Response Syntax",
  "Response Elements",
  "Errors",
  "Example",
  "Contents",
]);
const top = toc.filter((e) => !SUB.has(e.name));
const at = (name: string) => top.findIndex((e) => e.name === name);
const ACTIONS = top.slice(at("Actions") + 1, at("Data Types"));
const TYPES = top.slice(at("Data Types") + 1, at("Common Parameters"));
const TYPES_PAGE = top[at("Data Types")].page;

/** Line index of a heading in the body (after the table of contents), from `from`. */
function heading(name: string, from = LINES.indexOf("Welcome")): number {
  const i = LINES.indexOf(name, from);
  if (i < 0) throw new Error(`no heading ${name}`);
  return i;
}
/** Lines of each top-level section, by name. */
const sectionLines = new Map<string, string[]>();
{
  const names = [
    ...ACTIONS.map((a) => a.name),
    "Data Types",
    ...TYPES.map((d) => d.name),
    "Common Parameters",
    "Common Errors",
  ];
  let from = heading("Actions");
  const starts = names.map((n) => (from = heading(n, from + 1)));
  names.forEach((n, k) => {
    sectionLines.set(n, LINES.slice(starts[k], starts[k + 1] ?? LINES.length));
  });
}
/** Lines between two subsection headings of an action (end: the next heading that exists). */
function sub(action: string, name: string, ends: string[]): string[] {
  const lines = sectionLines.get(action)!;
  const start = lines.indexOf(name);
  if (start < 0) return [];
  const end = Math.min(
    ...ends.map((e) => lines.indexOf(e, start + 1)).filter((i) => i > 0),
    lines.length,
  );
  return lines.slice(start + 1, end);
}
const KEY = /"(\w+) \(p\. (\d+)\)"/g;
/** Top-level keys of a syntax skeleton: those whose page reference is an action page. */
function syntaxKeys(lines: string[]): Set<string> {
  const out = new Set<string>();
  for (const l of lines)
    for (const m of l.matchAll(KEY)) if (Number(m[2]) < TYPES_PAGE) out.add(m[1]);
  return out;
}
const count = (lines: string[], re: RegExp) => lines.filter((l) => re.test(l)).length;
const bodyLines = LINES.slice(heading("Actions"), heading("Common Parameters"));

describe("Amazon Inspector API Reference coverage", () => {
  it("has every documented action as an operation (32) and every data type as a structure (27)", () => {
    expect(ACTIONS).toHaveLength(32);
    expect(TYPES).toHaveLength(27);
    const ops = Object.entries(t.shapes)
      .filter(([, s]) => s.type === "operation")
      .map(([id]) => local(id));
    expect(ops).toEqual(ACTIONS.map((a) => a.name));
    for (const d of TYPES) expect(shape(d.name).type).toBe("structure");
    const mixin = shape("InspectorApi");
    expect(mixin.operations?.map((o) => local(o.target))).toEqual(ops);
    expect(mixin.version).toBe("2016-02-16");
  });

  it("has every documented request and response member of each action, by name", () => {
    for (const { name } of ACTIONS) {
      const op = shape(name);
      const reqSyntax = syntaxKeys(sub(name, "Request Syntax", ["Request Parameters"]));
      const resSyntax = syntaxKeys(sub(name, "Response Syntax", ["Response Elements"]));
      const params = sub(name, "Request Parameters", ["Response Syntax", "Response Elements"]);
      const elements = sub(name, "Response Elements", ["Errors"]);
      const input = op.input ? Object.keys(shape(local(op.input.target)).members ?? {}) : [];
      const output = op.output ? Object.keys(shape(local(op.output.target)).members ?? {}) : [];
      expect(new Set(input), `${name} input`).toEqual(reqSyntax);
      expect(new Set(output), `${name} output`).toEqual(resSyntax);
      expect(input.length, `${name} request Type: lines`).toBe(count(params, /^Type: /));
      expect(output.length, `${name} response Type: lines`).toBe(count(elements, /^Type: /));
      if (op.input) expect(local(op.input.target)).toBe(`${name}Request`);
      if (op.output) expect(local(op.output.target)).toBe(`${name}Response`);
    }
  });

  it("has every member of each data type", () => {
    for (let k = 0; k < TYPES.length; k++) {
      const { name, page } = TYPES[k];
      const members = Object.keys(shape(name).members ?? {});
      expect(members.length, name).toBe(count(sectionLines.get(name)!, /^Type: /));
      // Nested keys of the syntax skeletons point at the data type's pages.
      const last = (TYPES[k + 1]?.page ?? top[at("Common Parameters")].page) - 1;
      for (const l of bodyLines) {
        for (const m of l.matchAll(KEY)) {
          const p = Number(m[2]);
          if (p >= page && p <= last && (TYPES[k + 1] === undefined || p < TYPES[k + 1].page)) {
            expect(members, `${name} (p. ${p}) from the syntax skeletons`).toContain(m[1]);
          }
        }
      }
    }
  });

  it("has every documented error of each action with its HTTP status, and the common errors", () => {
    for (const { name } of ACTIONS) {
      const lines = sub(name, "Errors", ["Example"]);
      const documented = lines.filter((l) => /^[A-Z][A-Za-z]+Exception$/.test(l));
      const statuses = lines
        .flatMap((l) => /^HTTP Status Code: (\d+)$/.exec(l)?.[1] ?? [])
        .map(Number);
      expect(documented.length, name).toBe(statuses.length);
      const op = shape(name);
      expect(
        op.errors?.map((e) => local(e.target)),
        name,
      ).toEqual(documented);
      documented.forEach((e, i) => {
        expect(shape(e).traits?.["smithy.api#httpError"], e).toBe(statuses[i]);
        expect(shape(e).traits?.["smithy.api#error"], e).toBe(
          statuses[i] >= 500 ? "server" : "client",
        );
      });
    }
    const common = sectionLines.get("Common Errors")!;
    const names: string[] = [];
    common.forEach((l, i) => {
      const m = /^HTTP Status Code: (\d+)$/.exec(l);
      if (!m) return;
      let j = i - 1;
      while (!/^[A-Z][A-Za-z]+$/.test(common[j])) j--;
      names.push(common[j]);
      expect(shape(common[j]).traits?.["smithy.api#httpError"], common[j]).toBe(Number(m[1]));
    });
    expect(names).toHaveLength(16);
    expect(shape("InspectorApi").errors?.map((e) => local(e.target))).toEqual(names);
  });

  it("carries every constraint the docs print", () => {
    const members = Object.values(t.shapes).flatMap((s) =>
      s.type === "structure" ? Object.values(s.members ?? {}) : [],
    );
    const has = (trait: string) => (m: { target: string; traits?: Record<string, unknown> }) => {
      const target = t.shapes[m.target];
      return (
        m.traits?.[trait] !== undefined ||
        (target?.type === "list" && target.member?.traits?.[trait] !== undefined)
      );
    };
    expect(members.filter((m) => m.traits?.["smithy.api#required"] !== undefined)).toHaveLength(
      count(bodyLines, /^Required: Yes$/),
    );
    expect(members.filter(has("smithy.api#range"))).toHaveLength(
      count(bodyLines, /^Valid Range: /),
    );
    const lengthOnValue = members.filter((m) => {
      const target = t.shapes[m.target];
      return target?.type === "list"
        ? target.member?.traits?.["smithy.api#length"] !== undefined
        : m.traits?.["smithy.api#length"] !== undefined;
    });
    expect(lengthOnValue).toHaveLength(count(bodyLines, /^Length Constraints: /));
    const sized = members.filter(
      (m) => t.shapes[m.target]?.type === "list" && m.traits?.["smithy.api#length"] !== undefined,
    );
    expect(sized).toHaveLength(count(bodyLines, /^Array Members: /));
    const enumMembers = members.filter((m) => {
      const target = t.shapes[m.target];
      return (
        target?.type === "enum" ||
        (target?.type === "list" && t.shapes[target.member!.target]?.type === "enum")
      );
    });
    expect(enumMembers).toHaveLength(count(bodyLines, /^Valid Values: /));
  });

  it("transcribes exact values", () => {
    const m = (s: string, k: string) => shape(s).members![k];
    expect(m("CreateAssessmentTemplateRequest", "durationInSeconds")).toMatchObject({
      target: "smithy.api#Integer",
      traits: { "smithy.api#required": {}, "smithy.api#range": { min: 180, max: 86400 } },
    });
    expect(m("Finding", "numericSeverity")).toMatchObject({
      target: "smithy.api#Double",
      traits: { "smithy.api#range": { min: 0, max: 10 } },
    });
    expect(m("TelemetryMetadata", "count")).toMatchObject({
      target: "smithy.api#Long",
      traits: { "smithy.api#required": {} },
    });
    expect(m("AssetAttributes", "schemaVersion").traits?.["smithy.api#range"]).toEqual({ min: 0 });
    const ips = m("AssetAttributes", "ipv4Addresses");
    expect(ips.traits?.["smithy.api#length"]).toEqual({ min: 0, max: 50 });
    expect(shape(local(ips.target)).member?.traits?.["smithy.api#length"]).toEqual({
      min: 7,
      max: 15,
    });
    expect(
      shape(local(m("FindingFilter", "ruleNames").target)).member?.traits?.["smithy.api#length"],
    ).toEqual({ max: 1000 });
    expect(
      m("GetTelemetryMetadataResponse", "telemetryMetadata").traits?.["smithy.api#length"],
    ).toEqual({ min: 0, max: 5000 });
    expect(m("AddAttributesToFindingsResponse", "failedItems").target).toBe(
      `${NS}#FailedItemDetailsMap`,
    );
    expect(shape("FailedItemDetailsMap")).toEqual({
      type: "map",
      key: { target: "smithy.api#String" },
      value: { target: `${NS}#FailedItemDetails` },
    });
    expect(m("DescribeCrossAccountAccessRoleResponse", "registeredAt").target).toBe(
      "smithy.api#Timestamp",
    );
    const state = shape(local(m("AssessmentRun", "state").target));
    expect(Object.values(state.members!).map((v) => v.traits?.["smithy.api#enumValue"])).toEqual([
      "CREATED",
      "START_DATA_COLLECTION_PENDING",
      "START_DATA_COLLECTION_IN_PROGRESS",
      "COLLECTING_DATA",
      "STOP_DATA_COLLECTION_PENDING",
      "DATA_COLLECTED",
      "EVALUATING_RULES",
      "FAILED",
      "COMPLETED",
      "COMPLETED_WITH_ERRORS",
    ]);
    // The same valid values (AssessmentRunFilter states, across a page header) make the same enum.
    expect(shape(local(m("AssessmentRunFilter", "states").target)).member?.target).toBe(
      m("AssessmentRun", "state").target,
    );
    expect(shape(local(m("Finding", "assetType").target)).members).toEqual({
      EC2_INSTANCE: {
        target: "smithy.api#Unit",
        traits: { "smithy.api#enumValue": "ec2-instance" },
      },
    });
  });

  it("marks the nextToken/maxResults actions as paginated", () => {
    for (const { name } of ACTIONS) {
      const req = syntaxKeys(sub(name, "Request Syntax", ["Request Parameters"]));
      const res = syntaxKeys(sub(name, "Response Syntax", ["Response Elements"]));
      const trait = shape(name).traits?.["smithy.api#paginated"] as
        | Record<string, string>
        | undefined;
      if (req.has("nextToken") && req.has("maxResults") && res.has("nextToken")) {
        const items = [...res].filter((k) => k !== "nextToken");
        expect(trait, name).toEqual({
          inputToken: "nextToken",
          outputToken: "nextToken",
          pageSize: "maxResults",
          items: items[0],
        });
      } else expect(trait, name).toBeUndefined();
    }
    expect(ACTIONS.filter((a) => shape(a.name).traits?.["smithy.api#paginated"])).toHaveLength(8);
  });

  it("turns every sample into JSON examples and protocol tests", () => {
    expect(count(bodyLines, /^Sample Request$/)).toBe(32);
    expect(count(bodyLines, /^Sample Response$/)).toBe(32);
    for (const { name } of ACTIONS) {
      const op = shape(name);
      const traits = op.traits!;
      const [example] = traits["smithy.api#examples"] as any[];
      const [request] = traits["smithy.test#httpRequestTests"] as any[];
      const [response] = traits["smithy.test#httpResponseTests"] as any[];
      expect(request.id).toBe(`Inspector_${name}_Sample`);
      expect(request.headers).toEqual({
        "X-Amz-Target": `InspectorService.${name}`,
        "Content-Type": "application/x-amz-json-1.1",
      });
      expect(request).toMatchObject({
        protocol: "aws.protocols#awsJson1_1",
        method: "POST",
        uri: "/",
      });
      expect(JSON.parse(request.body)).toEqual(request.params);
      expect(response.code).toBe(200);
      if (op.input) expect(example.input).toEqual(request.params);
      else expect(request.params).toEqual({});
      if (op.output) {
        expect(example.output).toEqual(response.params);
        expect(JSON.parse(response.body)).toEqual(response.params);
      } else expect(response.body).toBe("");
    }
  });

  it("repairs the broken samples and records each repair", () => {
    const runs = (shape("DescribeAssessmentRuns").traits!["smithy.api#examples"] as any[])[0]
      .output;
    expect(runs.assessmentRuns[0].stateChanges.map((s: any) => s.state)).toEqual([
      "CREATED",
      "START_DATA_COLLECTION_PENDING",
      "START_DATA_COLLECTION_IN_PROGRESS",
      "COLLECTING_DATA",
      "STOP_DATA_COLLECTION_PENDING",
      "DATA_COLLECTED",
      "EVALUATING_RULES",
      "COMPLETED",
    ]);
    const agents = (shape("ListAssessmentRunAgents").traits!["smithy.api#examples"] as any[])[0]
      .output;
    expect(agents.assessmentRunAgents).toHaveLength(1);
    expect(agents.assessmentRunAgents[0].telemetryMetadata).toHaveLength(29);
    const packages = (shape("ListRulesPackages").traits!["smithy.api#examples"] as any[])[0].output;
    expect(packages.rulesPackageArns).toEqual(
      ["9hgA516p", "H5hpSawc", "JJ0tZiqQ", "vg5GGHSD"].map(
        (s) => `arn:aws:inspector:us-west-2:758058086616:rulespackage/0-${s}`,
      ),
    );
    const rules = (shape("DescribeRulesPackages").traits!["smithy.api#examples"] as any[])[0]
      .output;
    expect(rules.rulesPackages[0].description).toMatch(
      /^The rules in this package help verify whether the EC2 instances in your application are exposed to Common Vulnerabilities and Exposures \(CVEs\)\. Attacks can exploit unpatched vulnerabilities/,
    );
    // Every repair names the docs file and a line of it, says what is printed, what is used, why.
    for (const r of t.repairs) {
      expect(r.file).toBe(FILE);
      expect(r.line).toBeGreaterThan(0);
      expect(r.why.length).toBeGreaterThan(10);
      for (const part of r.printed.split("⏎")) {
        if (!/^\((page break|no request line|end of sample)\)$/.test(part))
          expect(TEXT).toContain(part.trim());
      }
    }
    const whys = t.repairs.map((r) => r.why).join("\n");
    expect(whys).toMatch(/prints no request line/);
    expect(whys).toMatch(/swapped order/);
    expect(whys).toMatch(/closed the JSON before the page break/);
  });

  it("cleans documentation of extraction debris", () => {
    for (const [id, s] of Object.entries(t.shapes)) {
      const docs = [
        s.traits?.["smithy.api#documentation"],
        ...Object.values(s.members ?? {}).map((m) => m.traits?.["smithy.api#documentation"]),
      ];
      for (const d of docs) {
        if (typeof d !== "string") continue;
        expect(d, id).not.toMatch(
          /\(p\. \d+\)|\]\(#\)|Amazon Inspector API Reference|(?<!\n)\n(?!\n)/,
        );
      }
    }
  });
});
