import { wordsOf } from "./words.js";

/** test/contract-harness.ts: the declarations the operations' files share, and which they are. */
export interface ContractHarness {
  text: string;
  /** The names it exports, and whether each is a type (imported with `type`). */
  exports: Map<string, { type: boolean }>;
}

/**
 * The fixed part of the contract tests: the documented-exchange types and the in-process
 * transports (no network) the generated tests use, each declaration only when `used` (the words
 * of the generated tests) names it, directly or through another, and exported. `client` is the
 * client class.
 */
export function harness(client: string, used: Set<string>): ContractHarness {
  const declarations = declarationsOf(client);
  const kept = new Set<string>();
  const visit = (words: Set<string>): void => {
    for (const [name, d] of declarations) {
      if (kept.has(name) || !words.has(name)) continue;
      kept.add(name);
      visit(wordsOf(d.code));
    }
  };
  visit(used);
  const exports = new Map<string, { type: boolean }>();
  const code: string[] = [];
  for (const [name, d] of declarations) {
    if (!kept.has(name)) continue;
    exports.set(name, { type: d.type });
    code.push(d.code.replace(/^(interface|type|function|async function) /m, "export $1 "));
  }
  const body = code.join("\n\n");
  const words = wordsOf(body);
  const smithy = ["HttpRequest", "HttpResponse"].filter((n) => words.has(n));
  const imports = [
    smithy.length > 0 ? `import type { ${smithy.join(", ")} } from "@smithy/types";` : "",
    words.has("expect") ? `import { expect } from "vitest";` : "",
    words.has(client) ? `import { ${client} } from "../src/index.js";` : "",
  ].filter(Boolean);
  const text = `${imports.join("\n")}${imports.length > 0 ? "\n\n" : ""}${body}\n`;
  return { text, exports };
}

/** Each top-level declaration of the harness by the name it declares, in source order. */
function declarationsOf(client: string): Map<string, { code: string; type: boolean }> {
  const out = new Map<string, { code: string; type: boolean }>();
  for (const chunk of source(client).split(
    /\n\n(?=\/\*\*|interface |type |function |async function )/,
  )) {
    const match = /^(interface|type|function|async function) (\w+)/m.exec(chunk);
    if (!match) throw new Error(`harness chunk declares nothing: ${chunk.slice(0, 60)}`);
    out.set(match[2]!, {
      code: chunk.trim(),
      type: match[1] === "interface" || match[1] === "type",
    });
  }
  return out;
}

function source(client: string): string {
  return `/** A request as the docs print it (the operation's smithy.test#httpRequestTests). */
interface DocumentedRequest {
  method: string;
  uri: string;
  queryParams?: string[];
  headers: Record<string, string>;
  body?: string;
}

/** A response as the docs print it (the operation's smithy.test#httpResponseTests). */
interface DocumentedResponse {
  code: number;
  headers: Record<string, string>;
  body?: string;
}

/** A generated validator (ajv standalone): the errors of the last call on \`errors\`. */
type Validator = ((data: unknown) => boolean) & {
  errors?: { instancePath: string; keyword: string }[] | null;
};

type Transport = (request: HttpRequest) => Promise<HttpResponse>;

/** A client whose requests go to \`transport\` in this process: no network. */
function clientOf(transport: Transport, validateInput = true): ${client} {
  return new ${client}({
    region: "us-east-1",
    endpoint: "https://contract.test",
    credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" },
    maxAttempts: 1,
    disableHostPrefix: true,
    validateInput,
    requestHandler: { handle: async (request: HttpRequest) => ({ response: await transport(request) }) },
  });
}

/** Records each request the client sends and answers it with the documented response. */
function answering(response: DocumentedResponse, sent: HttpRequest[]): Transport {
  return async (request) => {
    sent.push(request);
    return {
      statusCode: response.code,
      headers: { ...response.headers },
      body: new TextEncoder().encode(response.body ?? ""),
    };
  };
}

/** Hands each request the client sends to a server handler, as the Fetch API carries it. */
function serving(handler: (request: Request) => Promise<Response>): Transport {
  return async (request) => {
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(request.query ?? {})) {
      for (const item of Array.isArray(value) ? value : [value]) if (item != null) query.append(name, item);
    }
    const search = query.toString() ? \`?\${query}\` : "";
    const { host: _host, ...headers } = request.headers;
    const answer = await handler(
      new Request(\`http://contract.test\${request.path}\${search}\`, {
        method: request.method,
        headers,
        body: request.method === "GET" || request.method === "HEAD" ? undefined : bodyText(request.body),
      }),
    );
    const responseHeaders: Record<string, string> = {};
    answer.headers.forEach((value, name) => {
      responseHeaders[name] = value;
    });
    return {
      statusCode: answer.status,
      headers: responseHeaders,
      body: new Uint8Array(await answer.arrayBuffer()),
    };
  };
}

/** The documented request as a Fetch API Request, for a server handler. */
function fetchRequest(documented: DocumentedRequest): Request {
  const search = documented.queryParams ? \`?\${documented.queryParams.join("&")}\` : "";
  const bodyless = documented.method === "GET" || documented.method === "HEAD";
  return new Request(\`http://contract.test\${documented.uri}\${search}\`, {
    method: documented.method,
    headers: documented.headers,
    body: bodyless ? undefined : (documented.body ?? ""),
  });
}

function bodyText(body: unknown): string {
  if (body === undefined || body === null) return "";
  if (typeof body === "string") return body;
  if (body instanceof Uint8Array) return new TextDecoder().decode(body);
  throw new TypeError(\`unexpected request body \${Object.prototype.toString.call(body)}\`);
}

/**
 * A JSON body as data, compared semantically rather than byte for byte: key order and spacing
 * are the docs' own, an empty body and \`{}\` both carry no members, and timestamps compare as
 * instants (the docs may print a date where the protocol sends epoch seconds).
 */
function jsonOf(text: string | undefined): unknown {
  return instants(text === undefined || text.trim() === "" ? {} : JSON.parse(text));
}

function instants(value: unknown): unknown {
  if (typeof value === "string" && /^(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d|[A-Z][a-z]{2}, \\d\\d [A-Z][a-z]{2} \\d{4} )/.test(value)) {
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? value : ms / 1000;
  }
  if (Array.isArray(value)) return value.map(instants);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, instants(v)]));
  }
  return value;
}

function headerOf(headers: Record<string, string>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  return Object.entries(headers).find(([k]) => k.toLowerCase() === wanted)?.[1];
}

/** Query pairs, decoded and sorted: parameter order carries no meaning. */
function queryPairs(query: HttpRequest["query"]): [string, string][] {
  const pairs: [string, string][] = [];
  for (const [name, value] of Object.entries(query ?? {})) {
    for (const item of Array.isArray(value) ? value : [value]) if (item != null) pairs.push([name, item]);
  }
  return pairs.sort((a, b) => (a.join("=") < b.join("=") ? -1 : a.join("=") > b.join("=") ? 1 : 0));
}

function documentedPairs(queryParams: string[] | undefined): [string, string][] {
  const pairs = (queryParams ?? []).map((pair) => {
    const [name = "", value = ""] = pair.split("=", 2);
    return [decodeURIComponent(name), decodeURIComponent(value)] as [string, string];
  });
  return pairs.sort((a, b) => (a.join("=") < b.join("=") ? -1 : a.join("=") > b.join("=") ? 1 : 0));
}

/** The request the client sent is the documented one: method, path, query, headers, JSON body. */
function expectSent(sent: HttpRequest[], documented: DocumentedRequest): void {
  expect(sent).toHaveLength(1);
  const request = sent[0]!;
  expect(request.method).toBe(documented.method);
  expect(request.path).toBe(documented.uri);
  expect(queryPairs(request.query)).toEqual(documentedPairs(documented.queryParams));
  for (const [name, value] of Object.entries(documented.headers)) {
    expect(headerOf(request.headers, name), name).toBe(value);
  }
  expect(jsonOf(bodyText(request.body))).toEqual(jsonOf(documented.body));
}

/** The server's answer is the documented response: status, documented headers, JSON body. */
async function expectAnswered(answer: Response, documented: DocumentedResponse): Promise<void> {
  const text = await answer.text();
  expect(answer.status, text).toBe(documented.code);
  for (const [name, value] of Object.entries(documented.headers)) {
    expect(answer.headers.get(name), name).toBe(value);
  }
  expect(jsonOf(text)).toEqual(jsonOf(documented.body));
}

/** The validator accepts the value; its errors are the failure message otherwise. */
function expectValid(validate: Validator, value: unknown): void {
  const valid = validate(value);
  expect(validate.errors ?? [], "validation errors").toEqual([]);
  expect(valid).toBe(true);
}

/**
 * The validator refuses the value, and only at \`path\` (a JSON Pointer). Summary errors
 * (if, anyOf, allOf, not) repeat a failure below them on its ancestors, so they are left out.
 */
function expectInvalidAt(validate: Validator, value: unknown, path: string): void {
  expect(validate(value)).toBe(false);
  const summary = ["if", "anyOf", "allOf", "not"];
  const specific = (validate.errors ?? []).filter((e) => !summary.includes(e.keyword));
  expect([...new Set(specific.map((e) => e.instancePath))]).toEqual([path]);
}
`;
}
