import { describe, expect, it } from "vitest";
import { createFormatter } from "../../src/emit/format.js";
import { emitSchemasModule } from "../../src/emit/schemas-module.js";
import { protocolTestView, thingsView } from "./load-fixture.js";

describe("schemas.ts", () => {
  const things = emitSchemasModule(thingsView());

  it("declares the service with its protocol codec, target prefix and signing facts", () => {
    expect(things).toContain(
      "export const service: ServiceSchema = {\n" +
        'id: "example.things#ThingsService",\n' +
        'protocol: "awsJson1_1",\n' +
        "codec: awsJson1_1,\n" +
        'targetPrefix: "ThingsService",\n' +
        'sdkId: "Things Store",\n' +
        'signingName: "things",\n' +
        'endpointPrefix: "things",\n' +
        'version: "2020-01-01",\n' +
        "errors: [InternalException$],\n" +
        "baseException: ThingsStoreServiceException,\n};",
    );
  });

  it("exports one OperationSchema per operation, its input validator loaded on first use", () => {
    expect(things).toMatch(
      /export const ListThings: OperationSchema = \{\nname: "ListThings",\ninput: ListThingsRequest\$,\noutput: ListThingsResponse\$,\nerrors: \[InvalidInputException\$, ThrottlingException\$\],\ninputValidator: \(\) => import\("\.\/validators\/ListThings\.input\.js"\),\n\};/,
    );
    expect(things).toContain("output: $unit,");
    // Output validators are the server's (servedOperations): client schemas never load them.
    expect(things).not.toContain(".output.js");
    expect(things).not.toMatch(/^import .*validators/m);
  });

  it("marks errors with fault, status, retryability and their exception class", () => {
    expect(things).toMatch(
      /const ThrottlingException\$: StructureSchema = \{\n[\s\S]*?\n\},\nerror: "client",\nhttpStatus: 429,\nretryable: \{ throttling: true \},\nexception: ThrottlingException,\n\};/,
    );
    expect(things).toMatch(/error: "server",\nhttpStatus: 500,/);
  });

  it("breaks recursion with thunks and marks idempotency tokens", () => {
    expect(things).toContain("parts: { target: () => PartList$ },");
    expect(things).toContain('const PartList$: ListSchema = { type: "list", member: Part$ };');
    expect(things).toContain(
      "clientToken: { target: $string, required: true, idempotencyToken: true }",
    );
  });

  it("declares restJson1 HTTP bindings and operation routes", () => {
    const rest = emitSchemasModule(protocolTestView("aws.protocoltests.restjson#RestJson"));
    expect(rest).toContain('http: { method: "GET", uri: "/AllQueryStringTypesInput", code: 200 }');
    expect(rest).toMatch(
      /queryString: \{ target: \$string, http: \{ in: "query", name: "String" \} \}/,
    );
    expect(rest).toMatch(/http: \{ in: "label", greedy: true \}/);
    expect(rest).toMatch(/http: \{ in: "header", name: "initial-request-member" \}/);
    expect(rest).toMatch(/http: \{ in: "prefixHeaders", name: "x-foo-" \}/);
    expect(rest).toMatch(/http: \{ in: "payload" \}/);
    expect(rest).toMatch(/http: \{ in: "responseCode" \}/);
    expect(rest).toMatch(/jsonName: "/);
    expect(rest).not.toContain("targetPrefix");
  });

  it("carries @default but not @default(null), @clientOptional, and @mediaType on blobs", () => {
    const rest = emitSchemasModule(protocolTestView("aws.protocoltests.restjson#RestJson"));
    expect(rest).toContain("defaultDocumentMap: { target: $document, default: {} },");
    // @default(null) removes a default: there is none to fill in
    expect(rest).toContain("defaultNullDocument: { target: $document },");
    expect(rest).toContain("member: { target: $integer, default: 0, clientOptional: true },");
    expect(rest).toContain(
      'blob: { target: { type: "blob", mediaType: "text/plain" }, http: { in: "payload" } },',
    );
    expect(rest).toContain('const $blob: ScalarSchema = { type: "blob" };');
  });
});

describe("tree-shaking", () => {
  it("schemas.ts is imports and constant declarations only: nothing runs at import", async () => {
    const formatter = await createFormatter();
    const text = formatter.format(
      "src/schemas.ts",
      emitSchemasModule(protocolTestView("aws.protocoltests.restjson#RestJson")),
    );
    const topLevel = text.split("\n").filter((line) => /^\S/.test(line) && !/^[}\]),]/.test(line));
    const statements = topLevel.filter((line) => !line.startsWith("/**") && !line.startsWith(" *"));
    for (const line of statements) {
      expect(line).toMatch(
        /^(import |export const \w+(: \w+)? = |const \$?\w+\$?: \w+ = |[A-Za-z_$][\w$]*,$)/,
      );
    }
  });
});
