/** The hand-made fixtures: valid OpenAPI 3.1, typed by openapi-typescript, usable from openapi-fetch. */
import { describe, expect, it } from "vitest";
import { emitOpenApi } from "../../../src/emit/openapi/index.js";
import { componentValidator, typeCheck, typesOf, validateOpenApi } from "./consumers.js";
import { fixture, INSPECTOR, NOTES } from "./load-fixture.js";

const inspector = emitOpenApi(fixture("inspector-like"), INSPECTOR);
const notes = emitOpenApi(fixture("notes-rest"), NOTES);

describe("inspector-like awsJson1_1 model", () => {
  it("passes the OpenAPI 3.1 validator", async () => {
    expect(await validateOpenApi(inspector)).toEqual([]);
    expect(() => componentValidator(inspector)).not.toThrow();
  });

  it("gives types an openapi-fetch client type-checks against, wrong calls rejected", {
    timeout: 120_000,
  }, async () => {
    const client = `
import createClient from "openapi-fetch";
import type { paths } from "./api.js";

const client = createClient<paths>({ baseUrl: "http://127.0.0.1:1" });
const json = { "Content-Type": "application/x-amz-json-1.1" };

export async function list(): Promise<string[]> {
  const { data, error } = await client.POST("/#X-Amz-Target=InspectorService.ListFindings", {
    params: { header: { "X-Amz-Target": "InspectorService.ListFindings" } },
    headers: json,
    body: { maxResults: 10, filter: { severities: ["High"], creationTimeRange: { beginDate: 1700000000 } } },
  });
  if (error) {
    const kind: string = error.__type;
    throw new Error(kind + ("errorCode" in error ? error.errorCode : ""));
  }
  return data.findingArns;
}

export async function describeFindings(): Promise<number | undefined> {
  const { data } = await client.POST("/#X-Amz-Target=InspectorService.DescribeFindings", {
    params: { header: { "X-Amz-Target": "InspectorService.DescribeFindings" } },
    headers: json,
    body: { findingArns: ["arn:1"], locale: "EN_US" },
  });
  const first = data?.findings[0];
  const code: "INVALID_ARN" | "ITEM_DOES_NOT_EXIST" | undefined = data?.failedItems["arn:1"]?.failureCode;
  void code;
  return first?.numericSeverity;
}

export async function wrong(): Promise<void> {
  await client.POST("/#X-Amz-Target=InspectorService.ListFindings", {
    // @ts-expect-error the target header is a literal of this operation
    params: { header: { "X-Amz-Target": "InspectorService.DescribeFindings" } },
    body: {},
  });
  await client.POST("/#X-Amz-Target=InspectorService.DescribeFindings", {
    params: { header: { "X-Amz-Target": "InspectorService.DescribeFindings" } },
    // @ts-expect-error findingArns is required
    body: { locale: "EN_US" },
  });
  await client.POST("/#X-Amz-Target=InspectorService.ListFindings", {
    params: { header: { "X-Amz-Target": "InspectorService.ListFindings" } },
    // @ts-expect-error severities are enum values
    body: { filter: { severities: ["Critical"] } },
  });
}
`;
    expect(typeCheck({ "api.d.ts": await typesOf(inspector), "client.ts": client })).toEqual([]);
  });
});

describe("notes restJson1 model", () => {
  it("passes the OpenAPI 3.1 validator", async () => {
    expect(await validateOpenApi(notes)).toEqual([]);
    expect(() => componentValidator(notes)).not.toThrow();
  });

  it("gives types an openapi-fetch client type-checks against, wrong calls rejected", {
    timeout: 120_000,
  }, async () => {
    const client = `
import createClient from "openapi-fetch";
import type { paths } from "./api.js";

const client = createClient<paths>({ baseUrl: "http://127.0.0.1:1" });

export async function get(): Promise<string> {
  const { data, error } = await client.GET("/notes/{noteId}", {
    params: { path: { noteId: "n-0000abcd" }, query: { asOf: "2024-01-01T00:00:00Z" }, header: { "X-Trace-Id": "t" } },
  });
  if (error) throw new Error(error.message);
  const children = data.note.children?.[0]?.children;
  void children;
  return data.note.title;
}

export async function list(): Promise<void> {
  const { data, error } = await client.GET("/notes", {
    params: { query: { view: "summary", tag: ["a", "b"], limit: 5 } },
  });
  if (error && "fieldList" in error) void error.fieldList;
  void data?.next_token;
}

export async function create(): Promise<void> {
  const { data, response } = await client.POST("/notes", {
    body: { title: "t", Body: "b", priority: 2, color: "red", content: { text: "x" }, dueAt: "2024-01-01T00:00:00Z" },
  });
  const created: number = response.status;
  void created;
  void data?.note.createdAt.toFixed();
}

export async function wrong(): Promise<void> {
  // @ts-expect-error noteId is a required path parameter
  await client.GET("/notes/{noteId}", { params: { path: {} } });
  // @ts-expect-error priority is an intEnum of 1 | 2
  await client.POST("/notes", { body: { title: "t", priority: 3 } });
  // @ts-expect-error the constant query pair is required
  await client.GET("/notes", { params: { query: { limit: 1 } } });
}
`;
    expect(typeCheck({ "api.d.ts": await typesOf(notes), "client.ts": client })).toEqual([]);
  });
});
