import { describe, expect, it } from "vitest";
import type { AstShape } from "../../src/model/ast.js";
import { pascalCase } from "../../src/transcribe/member-names.js";
import { readServiceFacts } from "../../src/transcribe/service-facts.js";
import { docsOf, serviceFileOf, transcribed } from "./support.js";

/**
 * What an action page documents, read independently of the transcriber: plain line scans over
 * the text (entries are "- name" + "-" in the new look, a bare name line in the old look).
 */
interface Documented {
  operation: string;
  method: string;
  path: string;
  uriParams: { name: string; required: boolean }[];
  body: { name: string; required: boolean; type: string }[];
  response: { name: string; type: string }[];
  errors: { name: string; status: number }[];
  patterns: number;
  validValues: string[][];
}

function documented(path: string, text: string): Documented {
  const lines = text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  const oldLook = text.includes("getting a new look!");
  const heading = (h: string) => lines.indexOf(h);
  const sections = [
    "URI Request Parameters",
    "Request Body",
    "Response Syntax",
    "Response Elements",
    "Errors",
    "See Also",
  ];
  const between = (from: string) => {
    const start = heading(from);
    if (start < 0) return [];
    const end = Math.min(...sections.map(heading).filter((i) => i > start));
    return lines.slice(start + 1, end);
  };
  const entries = (section: string[]) => {
    const starts: { name: string; at: number }[] = [];
    section.forEach((l, i) => {
      if (!oldLook && /^- \w+$/.test(l) && section[i + 1] === "-")
        starts.push({ name: l.slice(2), at: i });
      if (oldLook && /^\w+$/.test(l)) starts.push({ name: l, at: i });
    });
    return starts.map((s, k) => ({
      name: s.name,
      body: section.slice(s.at + 1, starts[k + 1]?.at ?? section.length).join("\n"),
    }));
  };
  const request = /\b(GET|POST|PUT|DELETE|PATCH) (\/[\s\S]*?) HTTP\/1\.1/.exec(text)!;
  const type = (body: string) => /Type: (.+)/.exec(body)?.[1] ?? "";
  return {
    operation: /-(\w+)\.txt$/.exec(path)![1],
    method: request[1],
    path: request[2].replace(/\s+/g, ""),
    uriParams: entries(between("URI Request Parameters")).map((e) => ({
      name: e.name,
      required: e.body.includes("Required: Yes"),
    })),
    body: entries(between("Request Body")).map((e) => ({
      name: e.name,
      required: e.body.includes("Required: Yes"),
      type: type(e.body),
    })),
    response: entries(between("Response Elements")).map((e) => ({
      name: e.name,
      type: type(e.body),
    })),
    errors: entries(between("Errors")).map((e) => ({
      name: e.name,
      status: Number(/HTTP Status Code: (\d+)/.exec(e.body)![1]),
    })),
    patterns: (text.match(/^Pattern:/gm) ?? []).length,
    validValues: [...text.matchAll(/^Valid Values:\s*\n?(.+)$/gm)].map((m) =>
      m[1].split("|").map((v) => v.trim()),
    ),
  };
}

function patternsOf(shapes: Record<string, AstShape>, ids: string[]): number {
  let n = 0;
  const seen = new Set<string>();
  const visit = (id: string) => {
    const s = shapes[id];
    if (!s || seen.has(id)) return;
    seen.add(id);
    for (const m of [...Object.values(s.members ?? {}), ...(s.member ? [s.member] : [])]) {
      if (m.traits?.["smithy.api#pattern"] !== undefined) n++;
      visit(m.target);
    }
  };
  ids.forEach(visit);
  return n;
}

const EXPECTED = {
  securityhub: {
    operations: 2,
    inputMembers: 5,
    outputMembers: 1,
    errors: 6,
    mixinVersion: "2018-10-26",
  },
  guardduty: {
    operations: 1,
    inputMembers: 4,
    outputMembers: 1,
    errors: 2,
    mixinVersion: undefined,
  },
  securitylake: {
    operations: 1,
    inputMembers: 6,
    outputMembers: 4,
    errors: 8,
    mixinVersion: undefined,
  },
} as const;

for (const [svc, expected] of Object.entries(EXPECTED)) {
  describe(`${svc}: the model covers everything its docs state`, async () => {
    const service = await transcribed(svc);
    const ns = service.namespace;
    const shapes = service.shapes;
    const pages = docsOf(svc).map((d) => documented(d.path, d.text));
    // The hand-written facts: GuardDuty's members are named in PascalCase (the printed name stays
    // the wire name), and every service's errors carry a message member.
    const facts = readServiceFacts(serviceFileOf(svc));
    const named = facts.memberNames ? pascalCase : (n: string) => n;
    const mixin = Object.entries(shapes).find(([, s]) => s.type === "service")!;

    it("has the documented counts of operations, members and errors", () => {
      const ops = Object.values(shapes).filter((s) => s.type === "operation");
      expect(ops).toHaveLength(expected.operations);
      const inputs = ops.reduce(
        (n, o) => n + Object.keys(shapes[o.input!.target].members!).length,
        0,
      );
      const outputs = ops.reduce(
        (n, o) => n + Object.keys(shapes[o.output!.target].members!).length,
        0,
      );
      expect(inputs).toBe(expected.inputMembers);
      expect(outputs).toBe(expected.outputMembers);
      expect(Object.values(shapes).filter((s) => s.traits?.["smithy.api#error"])).toHaveLength(
        expected.errors,
      );
      expect(mixin[1].version).toBe(expected.mixinVersion);
      expect(mixin[1].operations!.map((o) => o.target).sort()).toEqual(
        pages.map((p) => `${ns}#${p.operation}`).sort(),
      );
    });

    for (const page of pages) {
      describe(page.operation, () => {
        const op = shapes[`${ns}#${page.operation}`];
        const input = shapes[`${ns}#${page.operation}Request`];
        const output = shapes[`${ns}#${page.operation}Response`];

        it("is bound to the documented method and URI, labels in braces", () => {
          const http = op.traits!["smithy.api#http"] as {
            method: string;
            uri: string;
            code: number;
          };
          expect(http.method).toBe(page.method);
          // The page prints each label by its parameter's name; the model's labels are members.
          const printedLabels = http.uri.replace(/\{(\w+)\}/g, (_, label: string) => {
            const p = page.uriParams.find((u) => named(u.name) === label);
            return p ? p.name : `{${label}}`;
          });
          expect(printedLabels).toBe(page.path);
          expect(http.code).toBe(200);
          for (const p of page.uriParams) expect(http.uri).toContain(`{${named(p.name)}}`);
        });

        it("has every documented input member, required where documented, labels bound", () => {
          expect(Object.keys(input.members!)).toEqual(
            [...page.uriParams, ...page.body].map((p) => named(p.name)),
          );
          for (const p of [...page.uriParams, ...page.body]) {
            expect(
              input.members![named(p.name)].traits?.["smithy.api#required"] !== undefined,
              p.name,
            ).toBe(p.required);
          }
          for (const p of page.uriParams) {
            const traits = input.members![named(p.name)].traits;
            expect(traits).toHaveProperty(["smithy.api#httpLabel"]);
            expect(traits).not.toHaveProperty(["smithy.api#jsonName"]);
          }
          for (const p of page.body) {
            // The wire name is the printed one: the member's own name, or its @jsonName.
            const member = input.members![named(p.name)];
            expect(member.traits?.["smithy.api#jsonName"] ?? named(p.name)).toBe(p.name);
            const target = member.target;
            if (p.type.startsWith("Array of")) expect(shapes[target].type).toBe("list");
            else if (p.type.endsWith(" object")) expect(shapes[target].type).toBe("structure");
            else if (p.type === "String")
              expect(["smithy.api#String", "enum"]).toContain(shapes[target]?.type ?? target);
          }
        });

        it("has every documented output member", () => {
          expect(Object.keys(output.members!)).toEqual(page.response.map((p) => named(p.name)));
          for (const p of page.response) {
            const member = output.members![named(p.name)];
            expect(member.traits?.["smithy.api#jsonName"] ?? named(p.name)).toBe(p.name);
          }
        });

        it("has every documented error with its HTTP status code", () => {
          expect(op.errors!.map((e) => e.target)).toEqual(
            page.errors.map((e) => `${ns}#${e.name}`),
          );
          for (const e of page.errors) {
            const error = shapes[`${ns}#${e.name}`];
            expect(error.traits).toMatchObject({
              "smithy.api#httpError": e.status,
              "smithy.api#error": e.status >= 500 ? "server" : "client",
            });
            // The pages list no error members; the message member comes from service.smithy.
            const key = facts.errorMessageMember!.value;
            const message = error.members![named(key)];
            expect(Object.keys(error.members!)).toEqual([named(key)]);
            expect(message.target).toBe("smithy.api#String");
            expect(message.traits?.["smithy.api#jsonName"] ?? named(key)).toBe(key);
          }
        });

        it("keeps every documented pattern and valid value", () => {
          expect(patternsOf(shapes, [op.input!.target, op.output!.target])).toBe(page.patterns);
          const enums = Object.values(shapes).filter((s) => s.type === "enum");
          for (const values of page.validValues) {
            expect(
              enums.some(
                (e) =>
                  Object.values(e.members!)
                    .map((m) => m.traits?.["smithy.api#enumValue"])
                    .join("|") === values.join("|"),
              ),
            ).toBe(true);
          }
        });

        it("records the syntax as an example and as HTTP request/response tests", () => {
          const t = op.traits!;
          expect(t["smithy.api#examples"]).toHaveLength(1);
          const [req] = t["smithy.test#httpRequestTests"] as {
            method: string;
            uri: string;
            params: object;
          }[];
          const [res] = t["smithy.test#httpResponseTests"] as { code: number }[];
          expect(req.method).toBe(page.method);
          expect(Object.keys(req.params).sort()).toEqual(
            [...page.uriParams, ...page.body].map((p) => named(p.name)).sort(),
          );
          expect(res.code).toBe(200);
        });
      });
    }
  });
}

describe("GuardDuty specifics", async () => {
  const s = (await transcribed("guardduty")).shapes;
  const op = s["com.amazonaws.guardduty#CreatePublishingDestination"];
  it("marks ClientToken as the idempotency token and builds DestinationProperties from the skeleton", () => {
    const input = s["com.amazonaws.guardduty#CreatePublishingDestinationRequest"].members!;
    expect(input.ClientToken.traits).toHaveProperty(["smithy.api#idempotencyToken"]);
    expect(input.ClientToken.traits).toMatchObject({ "smithy.api#length": { min: 0, max: 64 } });
    expect(s["com.amazonaws.guardduty#DestinationProperties"].members).toEqual({
      DestinationArn: {
        target: "smithy.api#String",
        traits: { "smithy.api#jsonName": "destinationArn" },
      },
      KmsKeyArn: { target: "smithy.api#String", traits: { "smithy.api#jsonName": "kmsKeyArn" } },
    });
  });

  it("names members as AWS's SDK does, the wire as printed: label {DetectorId}, JSON bodies camelCase", () => {
    expect(op.traits!["smithy.api#http"]).toMatchObject({
      uri: "/detector/{DetectorId}/publishingDestination",
    });
    const [example] = op.traits!["smithy.api#examples"] as any[];
    const [request] = op.traits!["smithy.test#httpRequestTests"] as any[];
    const [response] = op.traits!["smithy.test#httpResponseTests"] as any[];
    expect(Object.keys(example.input)).toEqual([
      "DetectorId",
      "ClientToken",
      "DestinationProperties",
      "DestinationType",
    ]);
    expect(example.input.DestinationProperties).toEqual({
      DestinationArn: "string",
      KmsKeyArn: "string",
    });
    expect(request.params).toEqual(example.input);
    expect(response.params).toEqual({ DestinationId: "string" });
    expect(example.output).toEqual(response.params);
    // The documented exchange stays the wire: printed names in the bodies, the label's value in the path.
    expect(request.uri).toBe("/detector/detectorId/publishingDestination");
    expect(Object.keys(JSON.parse(request.body)).sort()).toEqual([
      "clientToken",
      "destinationProperties",
      "destinationType",
    ]);
    expect(JSON.parse(request.body).destinationProperties).toEqual({
      destinationArn: "string",
      kmsKeyArn: "string",
    });
    expect(JSON.parse(response.body)).toEqual({ destinationId: "string" });
  });
});

describe("Security Lake specifics", async () => {
  const s = (await transcribed("securitylake")).shapes;
  it("builds SourceType from the skeleton and lists of it and of the AccessType enum", () => {
    expect(s["com.amazonaws.securitylake#SourceType"].members).toEqual({
      awsSourceType: { target: "smithy.api#String" },
      customSourceType: { target: "smithy.api#String" },
    });
    expect(s["com.amazonaws.securitylake#SourceTypeList"].member!.target).toBe(
      "com.amazonaws.securitylake#SourceType",
    );
    expect(s["com.amazonaws.securitylake#AccessTypeList"].member!.target).toBe(
      "com.amazonaws.securitylake#AccessType",
    );
    const input = s["com.amazonaws.securitylake#CreateSubscriberRequest"].members!;
    expect(input.accountId.traits).toMatchObject({
      "smithy.api#length": { min: 12, max: 12 },
      "smithy.api#pattern": "^\\d+$",
    });
  });
});
