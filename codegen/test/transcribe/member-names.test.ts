import { describe, expect, it } from "vitest";
import type { AstShape } from "../../src/model/ast.js";
import { loadSources } from "../../src/model/load.js";
import { applyErrorMessageMember } from "../../src/transcribe/error-members.js";
import { applyMemberNames, pascalCase } from "../../src/transcribe/member-names.js";
import { renderSmithy } from "../../src/transcribe/service-files.js";
import { type TranscribedService, TranscribeError } from "../../src/transcribe/transcribed.js";

const ns = "example.names";
const FACTS = "models/names/service.smithy";
const DOC = "models/names/docs/page.txt";
const id = (name: string) => `${ns}#${name}`;

function service(): TranscribedService {
  const shapes: Record<string, AstShape> = {
    [id("Api")]: {
      type: "service",
      traits: { "smithy.api#mixin": {} },
      operations: [{ target: id("ListThings") }],
    },
    [id("ListThings")]: {
      type: "operation",
      input: { target: id("ListThingsRequest") },
      output: { target: id("ListThingsResponse") },
      errors: [{ target: id("BadRequestException") }],
      traits: {
        "smithy.api#http": { method: "POST", uri: "/owners/{ownerId}/things", code: 200 },
        "smithy.api#paginated": {
          inputToken: "nextToken",
          outputToken: "nextToken",
          pageSize: "maxResults",
          items: "things",
        },
        "smithy.api#examples": [
          {
            title: "Ex",
            input: { ownerId: "o", nextToken: "t", maxResults: 5, filter: { kind: "k" } },
            output: { things: [{ thingId: "a", labels: { thingId: "map keys stay" } }] },
          },
        ],
        "smithy.test#httpRequestTests": [
          {
            id: "ListThings_Sample",
            protocol: "aws.protocols#restJson1",
            method: "POST",
            uri: "/owners/o/things",
            queryParams: ["next=t"],
            headers: { "X-Max": "5" },
            body: '{"filter":{"kind":"k"}}',
            params: { ownerId: "o", nextToken: "t", maxResults: 5, filter: { kind: "k" } },
          },
        ],
        "smithy.test#httpResponseTests": [
          {
            id: "ListThings_Sample",
            protocol: "aws.protocols#restJson1",
            code: 200,
            body: '{"things":[{"thingId":"a","labels":{"thingId":"map keys stay"}}]}',
            params: { things: [{ thingId: "a", labels: { thingId: "map keys stay" } }] },
          },
        ],
      },
    },
    [id("ListThingsRequest")]: {
      type: "structure",
      traits: { "smithy.api#input": {} },
      members: {
        ownerId: {
          target: "smithy.api#String",
          traits: { "smithy.api#httpLabel": {}, "smithy.api#required": {} },
        },
        nextToken: { target: "smithy.api#String", traits: { "smithy.api#httpQuery": "next" } },
        maxResults: { target: "smithy.api#Integer", traits: { "smithy.api#httpHeader": "X-Max" } },
        filter: { target: id("Filter") },
      },
    },
    [id("ListThingsResponse")]: {
      type: "structure",
      traits: { "smithy.api#output": {} },
      members: {
        things: { target: id("ThingList") },
        nextToken: { target: "smithy.api#String" },
      },
    },
    [id("Filter")]: { type: "structure", members: { kind: { target: "smithy.api#String" } } },
    [id("ThingList")]: { type: "list", member: { target: id("Thing") } },
    [id("Thing")]: {
      type: "structure",
      members: {
        thingId: { target: "smithy.api#String" },
        labels: { target: id("Labels") },
      },
    },
    [id("Labels")]: {
      type: "map",
      key: { target: "smithy.api#String" },
      value: { target: "smithy.api#String" },
    },
    [id("BadRequestException")]: {
      type: "structure",
      traits: { "smithy.api#error": "client", "smithy.api#httpError": 400 },
      members: {},
    },
  };
  const sources = Object.fromEntries(
    Object.keys(shapes).map((k, i) => [k, { file: DOC, line: i + 1 }]),
  );
  sources[`${id("ListThingsRequest")}$ownerId`] = { file: DOC, line: 40 };
  return { namespace: ns, shapes, sources, repairs: [] };
}

describe("docsmithMemberNames = PascalCase", () => {
  const fact = { value: "PascalCase" as const, line: 3 };
  const renamed = applyMemberNames(service(), fact, FACTS);
  const s = renamed.shapes;

  it("renames members; body members keep the printed name as @jsonName, bound ones their binding", () => {
    expect(pascalCase("kmsKeyArn")).toBe("KmsKeyArn");
    expect(s[id("ListThingsRequest")].members).toEqual({
      OwnerId: {
        target: "smithy.api#String",
        traits: { "smithy.api#httpLabel": {}, "smithy.api#required": {} },
      },
      NextToken: { target: "smithy.api#String", traits: { "smithy.api#httpQuery": "next" } },
      MaxResults: { target: "smithy.api#Integer", traits: { "smithy.api#httpHeader": "X-Max" } },
      Filter: { target: id("Filter"), traits: { "smithy.api#jsonName": "filter" } },
    });
    expect(s[id("Thing")].members!.ThingId.traits).toEqual({ "smithy.api#jsonName": "thingId" });
    expect(s[id("Labels")]).toEqual(service().shapes[id("Labels")]);
    expect(renamed.sources[`${id("ListThingsRequest")}$OwnerId`]).toEqual({ file: DOC, line: 40 });
  });

  it("renames URI labels, @paginated paths, example and param keys, but not the wire", () => {
    const op = s[id("ListThings")].traits!;
    expect(op["smithy.api#http"]).toEqual({
      method: "POST",
      uri: "/owners/{OwnerId}/things",
      code: 200,
    });
    expect(op["smithy.api#paginated"]).toEqual({
      inputToken: "NextToken",
      outputToken: "NextToken",
      pageSize: "MaxResults",
      items: "Things",
    });
    const input = { OwnerId: "o", NextToken: "t", MaxResults: 5, Filter: { Kind: "k" } };
    const output = { Things: [{ ThingId: "a", Labels: { thingId: "map keys stay" } }] };
    expect(op["smithy.api#examples"]).toEqual([{ title: "Ex", input, output }]);
    const [request] = op["smithy.test#httpRequestTests"] as Record<string, unknown>[];
    const [response] = op["smithy.test#httpResponseTests"] as Record<string, unknown>[];
    expect(request).toMatchObject({
      uri: "/owners/o/things",
      body: '{"filter":{"kind":"k"}}',
      params: input,
    });
    expect(response).toMatchObject({
      body: '{"things":[{"thingId":"a","labels":{"thingId":"map keys stay"}}]}',
      params: output,
    });
  });

  it("records one repair per renamed structure, at its docs line", () => {
    const repair = renamed.repairs.find((r) => r.subject === id("ListThingsRequest"))!;
    expect(repair).toMatchObject({
      file: DOC,
      line: 3,
      printed: "ownerId, nextToken, maxResults, filter",
      used: "OwnerId, NextToken, MaxResults, Filter",
    });
    expect(repair.why).toContain(`${FACTS} states docsmithMemberNames = "PascalCase"`);
  });

  it("the renamed model loads without errors, with the error message member named alike", () => {
    const withMessage = applyErrorMessageMember(
      renamed,
      { value: "message", line: 4 },
      FACTS,
      pascalCase,
    );
    expect(withMessage.shapes[id("BadRequestException")].members).toEqual({
      Message: {
        target: "smithy.api#String",
        traits: {
          "smithy.api#documentation": "The error message.",
          "smithy.api#jsonName": "message",
        },
      },
    });
    const entry = { svc: "names", namespace: ns, api: "Api" };
    const text = renderSmithy(entry, withMessage, [DOC]);
    const svc = `$version: "2.0"
namespace ${ns}
use aws.protocols#restJson1
@restJson1
service Names with [Api] {}
`;
    const loaded = loadSources([
      { path: "names.smithy", text },
      { path: "service.smithy", text: svc },
    ]);
    expect(loaded.events.filter((e) => e.severity === "ERROR")).toEqual([]);
  });

  it("refuses two members with the same PascalCase name, at the member's docs line", () => {
    const clash = service();
    clash.shapes[id("ListThingsRequest")].members!.OwnerId = { target: "smithy.api#String" };
    expect(() => applyMemberNames(clash, fact, FACTS)).toThrow(TranscribeError);
    expect(() => applyMemberNames(clash, fact, FACTS)).toThrow(
      `${DOC}:40: ${id("ListThingsRequest")}: members ownerId and OwnerId would both be named OwnerId (docsmithMemberNames in ${FACTS})`,
    );
  });
});

describe("docsmithErrorMessageMember", () => {
  it("adds the member to every error that lacks it, and one repair listing them", () => {
    const base = service();
    base.shapes[id("Conflict")] = {
      type: "structure",
      traits: { "smithy.api#error": "client", "smithy.api#httpError": 409 },
      members: {
        message: { target: "smithy.api#String" },
        reason: { target: "smithy.api#String" },
      },
    };
    const out = applyErrorMessageMember(base, { value: "message", line: 4 }, FACTS);
    expect(out.shapes[id("BadRequestException")].members).toEqual({
      message: {
        target: "smithy.api#String",
        traits: { "smithy.api#documentation": "The error message." },
      },
    });
    expect(out.shapes[id("Conflict")]).toBe(base.shapes[id("Conflict")]);
    expect(out.shapes[id("Thing")]).toBe(base.shapes[id("Thing")]);
    expect(out.repairs).toEqual([
      {
        file: DOC,
        line: 9,
        subject: id("Api"),
        printed: "no message member in the errors BadRequestException",
        used: "message: String in each",
        why: `${FACTS} states docsmithErrorMessageMember = "message": the service's error bodies carry their message under that key, which the docs do not list`,
      },
    ]);
  });
});
