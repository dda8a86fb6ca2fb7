import { clientName } from "../client/client-module.js";
import { commandName } from "../client/command-module.js";
import { pagination, paginatorName } from "../client/pagination-module.js";
import { baseExceptionName } from "../errors-module.js";
import {
  hasDefault,
  hasTrait,
  type OperationView,
  type ServiceView,
  trait,
  UNIT,
} from "../service-view.js";
import { shapeValidator } from "../validators/standalone.js";
import { literal } from "./literal.js";
import { type SampleValue, sampleStructure } from "./samples.js";
import { errorResponseFor, expectedRequest, responseFor } from "./wire.js";

/** Operations per test file: a file stays far below what the formatter handles, whatever the size of the service. */
const OPERATIONS_PER_FILE = 20;

/** What the client test files import from the harness, when they use it. */
const HARNESS_EXPORTS = [
  "endpoint",
  "exchange",
  "expectRequest",
  "fulfilled",
  "recorded",
  "rejected",
  "replies",
  "serveDuringTests",
];

/** A generated test file: its path in the package and its text, before formatting. */
export interface ClientTestFile {
  path: string;
  text: string;
}

/**
 * The generated client against a real node:http server on 127.0.0.1, for every operation (the
 * request asserted on the wire, the response parsed) and every error it can return (typed class,
 * `$fault`, status, members), plus an unmodeled error code:
 * - test/client-harness.ts: the server and the helpers;
 * - test/client.test.ts: the unmodeled error, a paginator, input validation;
 * - test/client-operations-<n>.test.ts: the operations, OPERATIONS_PER_FILE per file.
 */
export function emitClientTests(view: ServiceView): ClientTestFile[] {
  const validator = sampleValidator(view);
  // Each error is tested once, on the first operation that can return it.
  const untested = new Set([...view.operations.flatMap((op) => op.errors), ...view.errors]);
  const files: ClientTestFile[] = [{ path: "test/client-harness.ts", text: emitHarness(view) }];
  const chunks = Math.ceil(view.operations.length / OPERATIONS_PER_FILE);
  const digits = String(chunks).length;
  for (let n = 0; n < chunks; n++) {
    const imports = new Set<string>();
    const ops = view.operations.slice(n * OPERATIONS_PER_FILE, (n + 1) * OPERATIONS_PER_FILE);
    const blocks = ops.map((op) => operationBlock(view, op, imports, validator, untested));
    const name = String(n + 1).padStart(digits, "0");
    files.push({
      path: `test/client-operations-${name}.test.ts`,
      text: testFile(imports, blocks.join("\n\n")),
    });
  }
  const imports = new Set<string>();
  const firstOp = view.operations.find((op) => op.output !== undefined);
  const unknownError = firstOp ? unknownErrorBlock(view, firstOp, imports) : "";
  const validation = validationBlock(view, imports);
  const paginator = paginatorBlock(view, imports, validator);
  files.push({
    path: "test/client.test.ts",
    text: testFile(imports, `${unknownError}\n${paginator}\n${validation}`),
  });
  return files;
}

/** A test file of `body`: its imports from the package and the harness, and the server. */
function testFile(imports: Set<string>, body: string): string {
  const used = HARNESS_EXPORTS.filter(
    (name) => name === "serveDuringTests" || new RegExp(`\\b${name}\\b`).test(body),
  );
  const fromPackage = [...imports].sort((a, b) =>
    a.replace("type ", "").localeCompare(b.replace("type ", ""), "en"),
  );
  const vitest = ["describe", "expect", "it"].filter((name) =>
    new RegExp(`\\b${name}\\(`).test(body),
  );
  return `${vitest.length > 0 ? `import { ${vitest.join(", ")} } from "vitest";\n` : ""}${
    fromPackage.length > 0
      ? `import {\n${fromPackage.join(",\n")},\n} from "../src/index.js";\n`
      : ""
  }import { ${used.join(", ")} } from "./client-harness.js";

serveDuringTests();

${body}
`;
}

/** test/client-harness.ts: the test server and what the tests assert with. */
function emitHarness(view: ServiceView): string {
  const client = clientName(view);
  const sigv4 = hasTrait(view.shape.traits, "aws.auth#sigv4");
  return `import { once } from "node:events";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect } from "vitest";
import { ${client} } from "../src/index.js";

export interface Recorded {
  method: string;
  /** As sent, still percent-encoded. */
  path: string;
  query: [string, string][];
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface ExpectedRequest {
  method: string;
  path: string;
  query: [string, string][];
  headers: Record<string, string>;
  json?: unknown;
  text?: string;
}

export const recorded: Recorded[] = [];
/** What the server answers, in order; the last one answers every request after it. */
export const replies: Reply[] = [{ status: 200, headers: {}, body: "{}" }];

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    const [path = "/", search = ""] = (req.url ?? "/").split("?", 2);
    recorded.push({
      method: req.method ?? "",
      path,
      query: sortPairs([...new URLSearchParams(search)]),
      headers: req.headers,
      body: Buffer.concat(chunks).toString("utf8"),
    });
    const reply = replies.length > 1 ? replies.shift()! : replies[0]!;
    res.writeHead(reply.status, reply.headers);
    res.end(reply.body);
  });
});

export let endpoint = "";

/** Runs the server for the tests of the calling file (each test file has its own). */
export function serveDuringTests(): void {
  beforeAll(async () => {
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    endpoint = \`http://127.0.0.1:\${(server.address() as AddressInfo).port}\`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    server.close();
    await once(server, "close");
  });
}

function sortPairs(pairs: [string, string][]): [string, string][] {
  return pairs.sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
}

/** Timestamps compare as instants: formats differ in optional fractions ("…05Z", "…05.000Z"). */
function instants(value: unknown): unknown {
  if (typeof value === "string" && /^(\\d{4}-\\d\\d-\\d\\dT|[A-Z][a-z]{2}, \\d\\d [A-Z][a-z]{2} \\d{4} )/.test(value)) {
    return Date.parse(value);
  }
  if (Array.isArray(value)) return value.map(instants);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, instants(v)]));
  }
  return value;
}

/** Sends one command while the server answers \`response\`; returns what went over the wire. */
export async function exchange<T>(
  response: Reply,
  send: (client: ${client}) => Promise<T>,
  validateInput = true,
): Promise<{ request: Recorded; result: PromiseSettledResult<T> }> {
  recorded.length = 0;
  replies.splice(0, replies.length, response);
  const client = new ${client}({
    region: "us-east-1",
    endpoint,
    credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" },
    maxAttempts: 1,
    disableHostPrefix: true,
    validateInput,
  });
  try {
    const [result] = await Promise.allSettled([send(client)]);
    expect(recorded).toHaveLength(1);
    return { request: recorded[0]!, result: result! };
  } finally {
    client.destroy();
  }
}

export function expectRequest(request: Recorded, expected: ExpectedRequest): void {
  expect(request.method).toBe(expected.method);
  expect(request.path).toBe(expected.path);
  expect(instants(request.query)).toEqual(instants(expected.query));
  for (const [name, value] of Object.entries(expected.headers)) {
    expect(instants(request.headers[name]), name).toEqual(instants(value));
  }${sigv4 ? `\n  expect(request.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\\//);` : ""}
  if (expected.json !== undefined) expect(instants(JSON.parse(request.body))).toEqual(instants(expected.json));
  else if (expected.text !== undefined) expect(request.body).toBe(expected.text);
  else expect(request.body).toBe("");
}

export function fulfilled<T>(result: PromiseSettledResult<T>): T {
  if (result.status === "rejected") throw result.reason;
  return result.value;
}

export function rejected(result: PromiseSettledResult<unknown>): any {
  expect(result.status).toBe("rejected");
  return (result as PromiseRejectedResult).reason;
}

`;
}

type Check = (id: string, value: unknown) => boolean;

/**
 * Checks samples against the validators the package gets (the service's ajv, whose schemas are
 * compiled once for the validator modules already); each root compiled once.
 */
function sampleValidator(view: ServiceView): Check {
  const compiled = new Map<string, (value: unknown) => boolean>();
  return (id, value) => {
    let validate = compiled.get(id);
    if (!validate) {
      validate = shapeValidator(view, id);
      compiled.set(id, validate);
    }
    return validate(value);
  };
}

function operationBlock(
  view: ServiceView,
  op: OperationView,
  imports: Set<string>,
  valid: Check,
  untested: Set<string>,
): string {
  const command = commandName(op);
  imports.add(command);
  imports.add(`type ${command}Output`);
  const input = sampleStructure(view, op.input);
  const output = sampleStructure(view, op.output);
  if (!input || !output) {
    return `describe.skip("${op.name}", () => {\n  it("has no sample input the generator could build", () => {});\n});`;
  }
  const validInput = valid(op.input, input);
  const request = expectedRequest(view, op, input);
  const response = responseFor(view, op, output);
  const send = `(client) => client.send(new ${command}(${op.input === UNIT ? "{}" : literal(input)}))`;
  const tests = [
    `  it("sends the request the protocol specifies and parses the response", async () => {
    const { request, result } = await exchange<${command}Output>(${literal(response)}, ${send}${validInput ? "" : ", false"});
    expectRequest(request, ${literal(request)});
    const { $metadata, ...output } = fulfilled(result);
    expect($metadata.httpStatusCode).toBe(${response.status});
    expect(output).toEqual(${literal(output)});
  });`,
  ];
  const errors = [...new Set([...op.errors, ...view.errors])].filter((e) => untested.has(e)).sort();
  for (const errorId of errors) {
    untested.delete(errorId);
    tests.push(errorTest(view, errorId, send, validInput, imports));
  }
  return `describe("${op.name}", () => {\n${tests.join("\n\n")}\n});`;
}

function errorTest(
  view: ServiceView,
  errorId: string,
  send: string,
  validInput: boolean,
  imports: Set<string>,
): string {
  const name = view.nameOf(errorId);
  imports.add(name);
  const shape = view.get(errorId);
  const fault = trait(shape.traits, "error") === "server" ? "server" : "client";
  const status = trait<number>(shape.traits, "httpError") ?? (fault === "server" ? 500 : 400);
  const members = sampleStructure(view, errorId, [], () => false) ?? {};
  const messageKey = Object.keys(shape.members ?? {}).find(
    (k) => k === "message" || k === "Message",
  );
  const message = `${name} raised by the test server`;
  if (messageKey) members[messageKey] = message;
  const response = errorResponseFor(view, errorId, members as Record<string, SampleValue>, status);
  const checks = Object.entries(members)
    .filter(([k]) => k !== "message")
    .map(([k, v]) => `    expect(error.${k}).toEqual(${literal(v)});`);
  if (messageKey) checks.push(`    expect(error.message).toBe(${JSON.stringify(message)});`);
  return `  it("throws ${name} (${fault}, ${status})", async () => {
    const { result } = await exchange(${literal(response)}, ${send}${validInput ? "" : ", false"});
    const error = rejected(result);
    expect(error).toBeInstanceOf(${name});
    expect(error.name).toBe(${JSON.stringify(name)});
    expect(error.$fault).toBe("${fault}");
    expect(error.$metadata.httpStatusCode).toBe(${status});
${checks.join("\n")}
  });`;
}

function unknownErrorBlock(view: ServiceView, op: OperationView, imports: Set<string>): string {
  const input = sampleStructure(view, op.input);
  if (!input) return "";
  const base = baseExceptionName(view);
  imports.add(base);
  imports.add(commandName(op));
  const response =
    view.protocol === "restJson1"
      ? {
          status: 400,
          headers: {
            "content-type": "application/json",
            "x-amzn-errortype": "SomethingUnmodeled",
            "x-amzn-requestid": "req-1234",
          },
          body: `{"message":"not in the model"}`,
        }
      : {
          status: 400,
          headers: { "content-type": "application/x-amz-json-1.1", "x-amzn-requestid": "req-1234" },
          body: `{"__type":"com.example#SomethingUnmodeled","message":"not in the model"}`,
        };
  return `
describe("an error code the model does not know", () => {
  it("is a ${base} named after the code, with status and request id", async () => {
    const { result } = await exchange(${literal(response)}, (client) => client.send(new ${commandName(op)}(${op.input === UNIT ? "{}" : literal(input)})), false);
    const error = rejected(result);
    expect(error).toBeInstanceOf(${base});
    expect(error.name).toBe("SomethingUnmodeled");
    expect(error.$metadata.httpStatusCode).toBe(400);
    expect(error.$metadata.requestId).toBe("req-1234");
  });
});
`;
}

/** Input missing a required member fails before anything is sent. */
function validationBlock(view: ServiceView, imports: Set<string>): string {
  for (const op of view.operations) {
    if (op.input === UNIT) continue;
    const members = Object.entries(view.get(op.input).members ?? {});
    const required = members.find(
      ([, m]) =>
        hasTrait(m.traits, "required") &&
        !hasTrait(m.traits, "idempotencyToken") &&
        !hasDefault(m.traits) &&
        !hasTrait(m.traits, "clientOptional"),
    );
    const input = sampleStructure(view, op.input);
    if (!required || !input) continue;
    delete input[required[0]];
    imports.add(clientName(view));
    imports.add(commandName(op));
    imports.add(`type ${commandName(op)}Input`);
    return `
describe("input validation", () => {
  it("rejects ${op.name} input without its required ${required[0]} before sending anything", async () => {
    recorded.length = 0;
    const client = new ${clientName(view)}({ region: "us-east-1", endpoint, credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" } });
    // The required member is missing on purpose, past the type checker.
    const input = ${literal(input)} as unknown as ${commandName(op)}Input;
    const sent = client.send(new ${commandName(op)}(input));
    await expect(sent).rejects.toThrow(/${required[0]}/);
    expect(recorded).toHaveLength(0);
    client.destroy();
  });
});
`;
  }
  return "";
}

/** The first paginator with top-level tokens: two pages, the second asked for with the token. */
function paginatorBlock(view: ServiceView, imports: Set<string>, valid: Check): string {
  for (const op of view.operations) {
    const p = pagination(view, op);
    if (!p?.inputToken || !p.outputToken || p.outputToken.includes(".")) continue;
    const input = sampleStructure(view, op.input);
    const last = sampleStructure(view, op.output);
    if (!input || !last) continue;
    delete input[p.inputToken];
    delete last[p.outputToken];
    const first = { ...last, [p.outputToken]: "token-2" };
    const second = { ...input, [p.inputToken]: "token-2" };
    if (!valid(op.input, input) || !valid(op.input, second) || !valid(op.output, first)) continue;
    imports.add(paginatorName(op));
    imports.add(clientName(view));
    return `
describe("${paginatorName(op)}", () => {
  it("asks for the next page with the token of the previous one, and stops without one", async () => {
    recorded.length = 0;
    replies.splice(0, replies.length, ${literal(responseFor(view, op, first))}, ${literal(responseFor(view, op, last))});
    const client = new ${clientName(view)}({
      region: "us-east-1",
      endpoint,
      credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" },
      maxAttempts: 1,
      disableHostPrefix: true,
    });
    const pages: unknown[] = [];
    for await (const page of ${paginatorName(op)}({ client }, ${literal(input)})) {
      pages.push(page);
      if (pages.length > 5) break;
    }
    client.destroy();
    expect(pages).toHaveLength(2);
    expect(recorded).toHaveLength(2);
    expectRequest(recorded[0]!, ${literal(expectedRequest(view, op, input))});
    expectRequest(recorded[1]!, ${literal(expectedRequest(view, op, second))});
  });
});
`;
  }
  return "";
}
