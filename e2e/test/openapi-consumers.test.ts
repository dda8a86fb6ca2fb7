/**
 * The OpenAPI documents' first consumers against `docsmith serve`: for each restJson1 service,
 * openapi-typescript makes the `paths` types of packages/<svc>/openapi.json (at test time, with
 * its API), a module of openapi-fetch calls typed by them (one per documented example) must
 * type-check, and running it against the server must get the documented outputs.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT, type ServeProcess, startServe } from "../src/serve-process.js";

type Node = null | boolean | number | string | Node[] | { [key: string]: Node };

interface Member {
  target: string;
  traits?: Record<string, Node>;
}

interface Shape {
  type: string;
  traits?: Record<string, Node>;
  members?: Record<string, Member>;
  member?: Member;
  value?: Member;
  input?: { target: string };
  output?: { target: string };
}

interface Model {
  shapes: Record<string, Shape>;
}

interface OpenApi {
  paths: Record<string, Record<string, { operationId?: string }>>;
}

/** One documented example as an openapi-fetch call and the data it must get back. */
interface Call {
  key: string;
  operation: string;
  title: string;
  /** TypeScript source of the call's expression, `client.POST("/path", { ... })`. */
  source: string;
  expected: Node;
}

const SERVICES = ["securityhub", "guardduty", "securitylake"] as const;
const OUT = join(REPO_ROOT, "e2e", ".generated", "openapi-consumers");

function isObject(node: Node | undefined): node is { [key: string]: Node } {
  return node !== null && typeof node === "object" && !Array.isArray(node);
}

/** A node as restJson1 puts it in a JSON body: structure members under their @jsonName. */
function wire(model: Model, id: string, node: Node): Node {
  const shape = model.shapes[id];
  if (!shape || node === null) return node;
  if ((shape.type === "list" || shape.type === "set") && Array.isArray(node)) {
    return node.map((item) => wire(model, shape.member!.target, item));
  }
  if (shape.type === "map" && isObject(node)) {
    return Object.fromEntries(
      Object.entries(node).map(([k, v]) => [k, wire(model, shape.value!.target, v)]),
    );
  }
  if ((shape.type === "structure" || shape.type === "union") && isObject(node)) {
    return Object.fromEntries(
      Object.entries(node).map(([k, v]) => {
        const m = shape.members![k]!;
        return [
          (m.traits?.["smithy.api#jsonName"] as string | undefined) ?? k,
          wire(model, m.target, v),
        ];
      }),
    );
  }
  return node;
}

/** The calls of one service's documented examples, with the OpenAPI path of each operation. */
function callsOf(model: Model, doc: OpenApi): Call[] {
  const calls: Call[] = [];
  for (const [id, shape] of Object.entries(model.shapes)) {
    if (shape.type !== "operation") continue;
    const name = id.slice(id.indexOf("#") + 1);
    const found = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([, op]) => op.operationId === name)
        .map(([method]) => ({ path, method })),
    );
    expect(found, `${name}: one OpenAPI operation`).toHaveLength(1);
    const { path, method } = found[0]!;
    const examples = (shape.traits?.["smithy.api#examples"] ?? []) as {
      title: string;
      input?: Node;
      output?: Node;
      error?: Node;
    }[];
    const inputShape = model.shapes[shape.input?.target ?? ""];
    examples.forEach((example, i) => {
      if (example.error !== undefined) return;
      const input = isObject(example.input) ? example.input : {};
      const params: Record<"path" | "query" | "header", Record<string, string>> = {
        path: {},
        query: {},
        header: {},
      };
      const body: Record<string, Node> = {};
      for (const [member, value] of Object.entries(input)) {
        const m = inputShape!.members![member]!;
        const t = m.traits ?? {};
        if (t["smithy.api#httpLabel"] !== undefined) params.path[member] = String(value);
        else if (typeof t["smithy.api#httpQuery"] === "string")
          params.query[t["smithy.api#httpQuery"]] = String(value);
        else if (typeof t["smithy.api#httpHeader"] === "string")
          params.header[t["smithy.api#httpHeader"]] = String(value);
        else
          body[(t["smithy.api#jsonName"] as string | undefined) ?? member] = wire(
            model,
            m.target,
            value,
          );
      }
      const options: Record<string, unknown> = {};
      const used = Object.fromEntries(
        Object.entries(params).filter(([, v]) => Object.keys(v).length),
      );
      if (Object.keys(used).length) options.params = used;
      if (method !== "get" && method !== "head") options.body = body;
      calls.push({
        key: `${name}#${i}`,
        operation: name,
        title: example.title,
        source: `client.${method.toUpperCase()}(${JSON.stringify(path)}, ${JSON.stringify(options)})`,
        expected: wire(model, shape.output?.target ?? "", example.output ?? {}),
      });
    });
  }
  return calls;
}

/** calls.ts: every call, typed by openapi-typescript's `paths`, keyed `Operation#index`. */
function callsModule(calls: Call[]): string {
  return `import createClient from "openapi-fetch";
import type { paths } from "./openapi.js";

export function calls(baseUrl: string) {
  const client = createClient<paths>({ baseUrl });
  return {
${calls.map((c) => `    ${JSON.stringify(c.key)}: () => ${c.source},`).join("\n")}
  };
}
`;
}

/** Type-checks files on disk under strict settings; returns the diagnostics. */
function typeCheck(files: string[]): string[] {
  const program = ts.createProgram(files, {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    exactOptionalPropertyTypes: true,
    skipLibCheck: true,
    types: [],
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
  });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const text = ts.flattenDiagnosticMessageText(d.messageText, "\n");
    if (!d.file || d.start === undefined) return text;
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
    return `${d.file.fileName}:${line + 1}:${character + 1}: ${text}`;
  });
}

let serve: ServeProcess;

beforeAll(async () => {
  serve = await startServe(["all", "--port", "0"]);
});

afterAll(async () => {
  await serve?.stop();
  rmSync(OUT, { recursive: true, force: true });
});

describe.each(SERVICES)("openapi-typescript + openapi-fetch against docsmith serve: %s", (svc) => {
  const dir = join(OUT, svc);
  const model = JSON.parse(
    readFileSync(join(REPO_ROOT, "packages", svc, "model.json"), "utf8"),
  ) as Model;
  const doc = JSON.parse(readFileSync(join(REPO_ROOT, "packages", svc, "openapi.json"), "utf8"));
  const calls = callsOf(model, doc as OpenApi);

  beforeAll(async () => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "openapi.d.ts"), astToString(await openapiTS(doc)));
    writeFileSync(join(dir, "calls.ts"), callsModule(calls));
  });

  it("has documented examples to call", () => {
    expect(calls.length).toBeGreaterThan(0);
  });

  it("types every documented call with openapi-typescript's paths (tsc, strict)", () => {
    expect(typeCheck([join(dir, "calls.ts")])).toEqual([]);
  });

  it("rejects, by those types, a call whose body member has the wrong type", () => {
    // The first string member of the first body becomes a number.
    const bad = calls[0]!.source.replace(/("body":\{.*?"[^"]+":)"[^"]*"/, "$142");
    expect(bad).not.toBe(calls[0]!.source);
    writeFileSync(join(dir, "mistyped.ts"), callsModule([{ ...calls[0]!, source: bad }]));
    const diagnostics = typeCheck([join(dir, "mistyped.ts")]).join("\n");
    expect(diagnostics).toMatch(/mistyped\.ts:.*Type 'number' is not assignable to type 'string'/);
  });

  it.each(calls.map((c) => [`${c.operation} "${c.title}"`, c] as const))(
    "%s gets the documented output",
    async (_label, call) => {
      const module = (await import(pathToFileURL(join(dir, "calls.ts")).href)) as {
        calls: (
          baseUrl: string,
        ) => Record<string, () => Promise<{ data?: unknown; error?: unknown; response: Response }>>;
      };
      const { data, error, response } = await module.calls(serve.url)[call.key]!();
      expect(error, JSON.stringify(error)).toBeUndefined();
      expect(response.status).toBe(200);
      expect(data).toEqual(call.expected);
    },
  );
});
