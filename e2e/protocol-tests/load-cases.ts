import type { AstShape, Model, NodeValue } from "@docsmith/codegen";
import { PROTOCOL_TRAITS, type ProtocolName, type SuiteService } from "./model.js";

/** `smithy.test#httpRequestTests` members (smithy.io/2.0/additional-specs/http-protocol-compliance-tests). */
export interface HttpRequestTestCase {
  readonly id: string;
  readonly protocol: string;
  readonly method: string;
  readonly uri: string;
  readonly host?: string;
  readonly resolvedHost?: string;
  readonly queryParams?: readonly string[];
  readonly forbidQueryParams?: readonly string[];
  readonly requireQueryParams?: readonly string[];
  readonly headers?: Readonly<Record<string, string>>;
  readonly forbidHeaders?: readonly string[];
  readonly requireHeaders?: readonly string[];
  readonly body?: string;
  readonly bodyMediaType?: string;
  readonly params?: Record<string, NodeValue>;
  readonly appliesTo?: "client" | "server";
  readonly tags?: readonly string[];
}

/** `smithy.test#httpResponseTests` members. */
export interface HttpResponseTestCase {
  readonly id: string;
  readonly protocol: string;
  readonly code: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly forbidHeaders?: readonly string[];
  readonly requireHeaders?: readonly string[];
  readonly body?: string;
  readonly bodyMediaType?: string;
  readonly params?: Record<string, NodeValue>;
  readonly appliesTo?: "client" | "server";
  readonly tags?: readonly string[];
}

/** One `smithy.test#httpMalformedRequestTests` case, after its testParameters are expanded. */
export interface MalformedRequestTestCase {
  readonly id: string;
  readonly protocol: string;
  readonly request: {
    readonly method: string;
    readonly uri: string;
    readonly host?: string;
    readonly queryParams?: readonly string[];
    readonly headers?: Readonly<Record<string, string>>;
    readonly body?: string;
  };
  readonly response: {
    readonly code: number;
    readonly headers?: Readonly<Record<string, string>>;
    readonly body?: {
      readonly mediaType: string;
      readonly assertion: { readonly contents?: string; readonly messageRegex?: string };
    };
  };
  readonly tags?: readonly string[];
}

/** A test case with what it runs against. */
export interface ProtocolCase<T> {
  readonly service: SuiteService;
  /** The operation's shape id. */
  readonly operation: string;
  /** For response tests defined on an error structure: the error's shape id. */
  readonly error?: string;
  readonly def: T;
}

export interface ProtocolCases {
  readonly requests: ProtocolCase<HttpRequestTestCase>[];
  readonly responses: ProtocolCase<HttpResponseTestCase>[];
  readonly malformed: ProtocolCase<MalformedRequestTestCase>[];
  /** Cases on operations no service of the suites binds: nothing generated can run them. */
  readonly unbound: UnboundCase[];
}

export interface UnboundCase {
  readonly kind: "request" | "response" | "malformed";
  readonly id: string;
  readonly operation: string;
  readonly appliesTo?: "client" | "server";
}

const REQUEST_TESTS = "smithy.test#httpRequestTests";
const RESPONSE_TESTS = "smithy.test#httpResponseTests";
const MALFORMED_TESTS = "smithy.test#httpMalformedRequestTests";

/**
 * Every httpRequestTests, httpResponseTests and httpMalformedRequestTests case of the suites'
 * services, per protocol, each once (a case whose `protocol` is not its service's is not run).
 */
export function collectCases(
  model: Model,
  services: readonly SuiteService[],
): Record<ProtocolName, ProtocolCases> {
  const out: Record<ProtocolName, ProtocolCases> = {
    awsJson1_1: { requests: [], responses: [], malformed: [], unbound: [] },
    restJson1: { requests: [], responses: [], malformed: [], unbound: [] },
  };
  const seen = new Set<string>();
  const once = (kind: string, id: string) => {
    const key = `${kind} ${id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };
  for (const service of services) {
    const cases = out[service.protocol];
    const protocolId = PROTOCOL_TRAITS[service.protocol];
    const ours = (c: { protocol: string }) => c.protocol === protocolId;
    const operations = operationsOf(model, service.id);
    const serviceErrors = (model.shapes[service.id]?.errors ?? []).map((e) => e.target);
    // An error's response tests run through the first operation that can return it.
    const errorOwner = new Map<string, string>();
    for (const op of operations) {
      const shape = model.shapes[op]!;
      for (const error of [...(shape.errors ?? []).map((e) => e.target), ...serviceErrors]) {
        if (!errorOwner.has(error)) errorOwner.set(error, op);
      }
      for (const def of traitList<HttpRequestTestCase>(shape, REQUEST_TESTS).filter(ours)) {
        if (once("request", def.id)) cases.requests.push({ service, operation: op, def });
      }
      for (const def of traitList<HttpResponseTestCase>(shape, RESPONSE_TESTS).filter(ours)) {
        if (once("response", def.id)) cases.responses.push({ service, operation: op, def });
      }
      for (const def of traitList<ParameterizedMalformedCase>(shape, MALFORMED_TESTS).filter(
        ours,
      )) {
        for (const expanded of expandMalformed(def)) {
          if (once("malformed", expanded.id)) {
            cases.malformed.push({ service, operation: op, def: expanded });
          }
        }
      }
    }
    for (const [error, op] of [...errorOwner].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      const shape = model.shapes[error];
      if (!shape) continue;
      for (const def of traitList<HttpResponseTestCase>(shape, RESPONSE_TESTS).filter(ours)) {
        if (once("response", def.id)) cases.responses.push({ service, operation: op, error, def });
      }
    }
  }
  const bound = new Set(services.flatMap((s) => operationsOf(model, s.id)));
  for (const [id, shape] of Object.entries(model.shapes)) {
    if (shape.type !== "operation" || bound.has(id)) continue;
    for (const protocol of Object.keys(PROTOCOL_TRAITS) as ProtocolName[]) {
      const ours = (c: { protocol: string }) => c.protocol === PROTOCOL_TRAITS[protocol];
      const add = (
        kind: UnboundCase["kind"],
        defs: HttpRequestTestCase[] | HttpResponseTestCase[],
      ) => {
        for (const def of defs.filter(ours)) {
          out[protocol].unbound.push({ kind, id: def.id, operation: id, appliesTo: def.appliesTo });
        }
      };
      add("request", traitList<HttpRequestTestCase>(shape, REQUEST_TESTS));
      add("response", traitList<HttpResponseTestCase>(shape, RESPONSE_TESTS));
      for (const def of traitList<ParameterizedMalformedCase>(shape, MALFORMED_TESTS).filter(
        ours,
      )) {
        for (const e of expandMalformed(def)) {
          out[protocol].unbound.push({
            kind: "malformed",
            id: e.id,
            operation: id,
            appliesTo: "server",
          });
        }
      }
    }
  }
  return out;
}

function traitList<T>(shape: AstShape, trait: string): T[] {
  const value = shape.traits?.[trait];
  return Array.isArray(value) ? (value as unknown as T[]) : [];
}

/** The operations a service reaches (directly and through its resources), sorted. */
export function operationsOf(model: Model, serviceId: string): string[] {
  const ops = new Set<string>();
  const visited = new Set<string>();
  const visit = (id: string) => {
    if (visited.has(id)) return;
    visited.add(id);
    const shape = model.shapes[id];
    if (!shape) return;
    if (shape.type === "operation") {
      ops.add(id);
      return;
    }
    const refs = [
      ...(shape.operations ?? []),
      ...(shape.collectionOperations ?? []),
      ...(shape.resources ?? []),
      ...[shape.create, shape.put, shape.read, shape.update, shape.delete, shape.list].filter(
        (r) => r !== undefined,
      ),
    ];
    for (const ref of refs) visit(ref.target);
  };
  visit(serviceId);
  return [...ops].sort();
}

interface ParameterizedMalformedCase extends MalformedRequestTestCase {
  readonly documentation?: string;
  readonly testParameters?: Readonly<Record<string, readonly string[]>>;
}

/**
 * One case per index of `testParameters`, ids suffixed `_case<i>`, as Smithy's
 * generateTestCasesFromParameters does: `$name:L` inserts a value as is, `$name:S` as a quoted,
 * escaped string, `$$` is a dollar sign.
 */
export function expandMalformed(def: ParameterizedMalformedCase): MalformedRequestTestCase[] {
  const { testParameters, documentation: _documentation, ...base } = def;
  const names = Object.keys(testParameters ?? {});
  if (!testParameters || names.length === 0) return [base];
  const count = testParameters[names[0]!]!.length;
  const out: MalformedRequestTestCase[] = [];
  for (let i = 0; i < count; i++) {
    const values = new Map(names.map((n) => [n, testParameters[n]![i]!]));
    const f = (text: string) => interpolate(text, values, def.id);
    const fm = (headers?: Readonly<Record<string, string>>) =>
      headers && Object.fromEntries(Object.entries(headers).map(([k, v]) => [f(k), f(v)]));
    const { request, response } = base;
    const body = response.body;
    out.push({
      ...base,
      id: `${def.id}_case${i}`,
      tags: base.tags?.map(f),
      request: {
        ...request,
        uri: f(request.uri),
        headers: fm(request.headers),
        queryParams: request.queryParams?.map(f),
        body: request.body === undefined ? undefined : f(request.body),
      },
      response: {
        ...response,
        headers: fm(response.headers),
        body: body && {
          mediaType: f(body.mediaType),
          assertion: {
            contents:
              body.assertion.contents === undefined ? undefined : f(body.assertion.contents),
            messageRegex:
              body.assertion.messageRegex === undefined
                ? undefined
                : f(body.assertion.messageRegex),
          },
        },
      },
    });
  }
  return out;
}

function interpolate(text: string, values: ReadonlyMap<string, string>, id: string): string {
  return text.replace(/\$(\$|([A-Za-z_][A-Za-z0-9_]*):([LS]))/g, (_all, dollar, name, format) => {
    if (dollar === "$") return "$";
    const value = values.get(name);
    if (value === undefined) throw new Error(`${id}: no test parameter named ${name}`);
    return format === "S" ? javaQuoted(value) : value;
  });
}

/** A Java string literal (SimpleCodeWriter's `S` format). */
function javaQuoted(value: string): string {
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (ch === '"' || ch === "\\") out += `\\${ch}`;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (ch === "\b") out += "\\b";
    else if (ch === "\f") out += "\\f";
    else if (code < 0x20) out += `\\u${code.toString(16).padStart(4, "0")}`;
    else out += ch;
  }
  return `${out}"`;
}
