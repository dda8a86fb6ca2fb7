import { describe, expect, it } from "vitest";
import {
  documentedExamples,
  emitContractTests,
  errataOf,
} from "../../../src/emit/contract-tests/index.js";
import { EmitError, serviceView } from "../../../src/emit/service-view.js";
import type { NodeValue } from "../../../src/model/ast.js";
import { listWidgetsErratum, widgetsModel } from "./widgets-model.js";

const SERVICE = "example.widgets#Widgets";

function view(errata?: NodeValue[]) {
  return serviceView(widgetsModel(errata), SERVICE);
}

function op(name: string, errata?: NodeValue[]) {
  const v = view(errata);
  return { v, op: v.operations.find((o) => o.name === name)! };
}

/** The operations' files of the contract tests, joined: every `describe` of the service. */
function emitContractTest(v: ReturnType<typeof view>): string {
  return emitContractTests(v)
    .filter((f) => f.path.startsWith("test/contract-operations-"))
    .map((f) => f.text)
    .join("\n");
}

/** The text of the generated `describe` block of an operation. */
function block(text: string, operation: string): string {
  const start = text.indexOf(`describe(${JSON.stringify(operation)}`);
  expect(start).toBeGreaterThanOrEqual(0);
  const next = text.indexOf("\ndescribe(", start + 1);
  return text.slice(start, next < 0 ? undefined : next);
}

/** The titles of the `it`s in a block. */
function titles(text: string): string[] {
  return [...text.matchAll(/\bit\(((?:"(?:[^"\\]|\\.)*")|(?:`[^`]*`))/g)].map((m) =>
    JSON.parse(m[1]!),
  );
}

describe("documentedExamples", () => {
  it("pairs each @examples entry with the HTTP cases of the service's protocol whose params equal it", () => {
    const { v, op: get } = op("GetWidget");
    const [ex, ...rest] = documentedExamples(v, get);
    expect(rest).toEqual([]);
    expect(ex!.title).toBe("Get the blue widget");
    expect(ex!.request?.id).toBe("GetWidget_Sample");
    expect(ex!.request?.body).toBe('{"id":"w-1"}');
    expect(ex!.response?.id).toBe("GetWidget_Sample");
    expect(ex!.response?.code).toBe(200);
    expect(ex!.erratum).toBeUndefined();
  });

  it("makes an erratum's example, left out of @examples, from the HTTP cases no example claims", () => {
    const { v, op: list } = op("ListWidgets");
    const [ex] = documentedExamples(v, list);
    expect(ex).toMatchObject({
      title: "List them",
      input: {},
      output: { widgets: [{ name: "red", state: "BROKEN" }] },
      erratum: { id: "widgets-ListWidgets-state", path: "/output/widgets/0/state" },
    });
    expect(ex!.request?.id).toBe("ListWidgets_Sample");
  });

  it("has no example for HTTP cases that belong to no documented example", () => {
    const { v, op: list } = op("ListWidgets", []);
    expect(documentedExamples(v, list)).toEqual([]);
  });

  it("refuses an erratum naming an example the model has no data for", () => {
    const erratum = {
      ...(listWidgetsErratum() as object),
      operation: `${SERVICE.split("#")[0]}#GetWidget`,
    };
    const { v, op: get } = op("GetWidget", [erratum]);
    expect(() => documentedExamples(v, get)).toThrow(EmitError);
    expect(() => documentedExamples(v, get)).toThrow(/widgets-ListWidgets-state.*"List them"/);
  });

  it("reads the errata from the model's metadata", () => {
    expect(errataOf(view()).map((e) => e.id)).toEqual(["widgets-ListWidgets-state"]);
    expect(errataOf(view([]))).toEqual([]);
  });
});

describe("emitContractTest", () => {
  const text = emitContractTest(view());

  it("has one describe per operation", () => {
    expect([...text.matchAll(/^describe\("(\w+)"/gm)].map((m) => m[1])).toEqual([
      "GetWidget",
      "ListWidgets",
    ]);
  });

  it("has one it per claim of a documented example, and one per error the operation can return", () => {
    expect(titles(block(text, "GetWidget"))).toEqual([
      '"Get the blue widget": the documented input validates',
      '"Get the blue widget": the documented output validates',
      '"Get the blue widget": the client sends the documented request',
      '"Get the blue widget": the client parses the documented response into the documented output',
      '"Get the blue widget": the server parses the documented request into the documented input',
      '"Get the blue widget": the server serializes the documented output into the documented response',
      "NotFound (client, 404): the server's error reaches the client as NotFound",
      "Throttled (server, 500): the server's error reaches the client as Throttled",
    ]);
  });

  it("inlines the documented data: values as the types hold them, the exchange as printed", () => {
    const get = block(text, "GetWidget");
    expect(get).toContain(`const input: GetWidgetCommandInput = { id: "w-1" };`);
    expect(get).toContain(
      `const output: GetWidgetResponse = { name: "blue", createdAt: new Date("2016-03-22T20:56:10.035Z"), state: "ON" };`,
    );
    expect(get).toContain(`"X-Amz-Target": "Widgets.GetWidget"`);
    expect(get).toContain(
      JSON.stringify('{"name":"blue","createdAt":1458680170.035,"state":"ON"}'),
    );
    // The restJson1 case of the same operation is not this service's protocol.
    expect(get).not.toContain("/widgets/w-1");
    expect(get).toContain("$metadata: { httpStatusCode: 404 }");
    expect(get).toContain(`$fault: "server"`);
  });

  it("turns an erratum into tests asserting the failure where the model says, naming it", () => {
    const list = block(text, "ListWidgets");
    const names = titles(list);
    expect(names).toContain(
      `"List them": the documented output breaks the docs' constraints at /widgets/0/state (erratum widgets-ListWidgets-state)`,
    );
    expect(names).toContain(
      `"List them": the server refuses to send the documented output, which breaks the docs' constraints (erratum widgets-ListWidgets-state)`,
    );
    expect(list).toContain(
      `expectInvalidAt(validateListWidgetsOutput, output, "/widgets/0/state")`,
    );
    expect(list).not.toContain("expectValid(validateListWidgetsOutput");
    // The documented value stays as printed, past the type checker, with the erratum's note.
    expect(list).toContain(`state: "BROKEN"`);
    expect(list).toContain("as unknown as ListWidgetsResponse");
    expect(list).toContain("The sample prints BROKEN, not one of ON | OFF.");
    expect(text).not.toMatch(/\.(skip|todo)\(/);
  });

  it("without the erratum, the same exchange is no documented example and gets no example tests", () => {
    const list = block(emitContractTest(view([])), "ListWidgets");
    expect(titles(list).every((t) => !t.startsWith('"'))).toBe(true);
    expect(list).not.toContain("BROKEN");
  });

  it("refuses an erratum naming an operation the service does not have", () => {
    const erratum = { ...(listWidgetsErratum() as object), operation: "example.widgets#Nope" };
    expect(() => emitContractTest(view([erratum]))).toThrow(/example\.widgets#Nope/);
  });

  it("declares only the helpers its tests use, in the harness, and imports them from there", () => {
    const harnessOf = (errata?: NodeValue[]) =>
      emitContractTests(view(errata)).find((f) => f.path === "test/contract-harness.ts")!.text;
    expect(harnessOf()).toContain("export function expectInvalidAt(");
    expect(text).toMatch(
      /import \{[^}]*\bexpectInvalidAt\b[^}]*\} from "\.\/contract-harness\.js";/,
    );
    const clean = harnessOf([]);
    expect(clean).not.toContain("function expectInvalidAt(");
    expect(clean).toContain("export function expectValid(");
    expect(emitContractTest(view([]))).not.toMatch(/\bexpectInvalidAt\b/);
  });

  it("turns an erratum at /input into asserted refusals: validator, server; the client skips validation", () => {
    const erratum = {
      id: "widgets-GetWidget-id",
      operation: "example.widgets#GetWidget",
      example: "Get the blue widget",
      path: "/input/id",
      note: "The sample's id is longer than the documented maximum.",
    };
    const get = block(emitContractTest(view([erratum])), "GetWidget");
    expect(titles(get)).toContain(
      `"Get the blue widget": the documented input breaks the docs' constraints at /id (erratum widgets-GetWidget-id)`,
    );
    expect(titles(get)).toContain(
      `"Get the blue widget": the server refuses the documented request, whose input breaks the docs' constraints (erratum widgets-GetWidget-id)`,
    );
    expect(get).toContain(`expectInvalidAt(validateGetWidgetInput, input, "/id")`);
    expect(get).toContain("clientOf(answering(response, sent), false)");
    expect(get).not.toContain("the server parses the documented request");
  });
});

describe("the contract test files", () => {
  /** The widgets service with `count` more operations, each a copy of GetWidget and its example. */
  function manyOperations(count: number, commonErrors = 0) {
    const model = widgetsModel();
    const ns = SERVICE.split("#")[0];
    const service = model.shapes[SERVICE]!;
    for (let i = 0; i < commonErrors; i++) {
      const id = `${ns}#CommonError${String(i).padStart(3, "0")}`;
      model.shapes[id] = structuredClone(model.shapes[`${ns}#Throttled`]!);
      service.errors!.push({ target: id });
    }
    const get = model.shapes[`${ns}#GetWidget`]!;
    for (let i = 0; i < count; i++) {
      const name = `GetWidgetCopy${String(i).padStart(3, "0")}`;
      model.shapes[`${ns}#${name}`] = structuredClone(get);
      service.operations!.push({ target: `${ns}#${name}` });
    }
    return serviceView(model, SERVICE);
  }

  it("are the entry, the harness and the operations' files, the entry importing each in order", () => {
    const files = emitContractTests(manyOperations(43));
    const paths = files.map((f) => f.path);
    expect(paths.slice(0, 2)).toEqual(["test/contract-harness.ts", "test/contract.test.ts"]);
    const chunks = paths.slice(2);
    expect(chunks).toEqual([
      "test/contract-operations-1.ts",
      "test/contract-operations-2.ts",
      "test/contract-operations-3.ts",
    ]);
    const entry = files[1]!.text;
    expect([...entry.matchAll(/^import "\.\/(.+)\.js";$/gm)].map((m) => `test/${m[1]}.ts`)).toEqual(
      chunks,
    );
  });

  it("hold every operation in exactly one file, at most 20 per file, importing what they use", () => {
    const v = manyOperations(43);
    const chunks = emitContractTests(v).slice(2);
    for (const op of v.operations) {
      const holding = chunks.filter((f) => f.text.includes(`describe(${JSON.stringify(op.name)}`));
      expect(holding, op.name).toHaveLength(1);
    }
    for (const file of chunks) {
      expect([...file.text.matchAll(/^describe\(/gm)].length).toBeLessThanOrEqual(20);
      // Each file's commands come from the package, once, and only those its operations send.
      const commands = [...file.text.matchAll(/new (\w+Command)\(/g)].map((m) => m[1]!);
      const imported = /import \{([^}]*)\} from "\.\.\/src\/index\.js";/.exec(file.text)![1]!;
      const names = imported
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
      expect(new Set(names.filter((n) => n.endsWith("Command")))).toEqual(new Set(commands));
      expect(file.text).toMatch(/ from "\.\/contract-harness\.js";/);
    }
  });

  it("start a new file before one grows past the size budget, whatever the number of operations", () => {
    // 60 errors every operation can return: about 50 KiB of tests per operation.
    const files = emitContractTests(manyOperations(100, 60)).slice(2);
    expect(files.length).toBeGreaterThan(Math.ceil(101 / 20));
    const sizes = files.map((f) => f.text.length);
    expect(Math.max(...sizes)).toBeLessThan(256 * 1024 + 8192);
    expect(Math.max(...sizes)).toBeGreaterThan(128 * 1024);
  });
});
