import type { AstShape, MemberShape, NodeValue, Traits } from "../../model/ast.js";
import { exampleSource, TranscribeError } from "../transcribed.js";
import type { ShapeSet } from "./build-shapes.js";
import type { Skeleton } from "./http-syntax.js";
import type { ActionPage } from "./read-page.js";
import { type StringConstraints, sampleString } from "./sample-values.js";

export const SYNTAX_EXAMPLE_TITLE = "Request and response syntax";
const PROTOCOL = "aws.protocols#restJson1";

/**
 * Turns the page's Request Syntax and Response Syntax into an example of the operation and into
 * the HTTP request and response tests the contract tests replay. Placeholders become values of
 * the member's type that meet its constraints; each substitution is recorded as a repair.
 */
export function attachSyntaxExamples(set: ShapeSet, page: ActionPage, opId: string): void {
  const op = set.shapes[opId];
  const input = set.shapes[op.input!.target];
  const output = set.shapes[op.output!.target];
  const subject = `${opId} example "${SYNTAX_EXAMPLE_TITLE}"`;
  const values = new ValueMaker(set, subject);

  const params: Record<string, NodeValue> = {};
  const labels: Record<string, string> = {};
  const queryParams: string[] = [];
  const headers: Record<string, string> = {};
  for (const h of page.request.headers) headers[canonicalHeader(h.name)] = h.value;
  for (const [name, member] of Object.entries(input.members ?? {})) {
    const t = member.traits ?? {};
    const bound =
      t["smithy.api#httpLabel"] !== undefined
        ? "label"
        : t["smithy.api#httpQuery"] !== undefined
          ? "query"
          : t["smithy.api#httpHeader"] !== undefined
            ? "header"
            : undefined;
    if (!bound) continue;
    const line = set.sources[`${op.input!.target}$${name}`]?.line ?? page.request.line;
    const value = values.of(
      member,
      { kind: "scalar", line, text: name, quoted: false },
      `$.${name}`,
    );
    params[name] = value;
    const text = String(value);
    if (bound === "label") labels[name] = text;
    else if (bound === "query")
      queryParams.push(`${t["smithy.api#httpQuery"]}=${encodeURIComponent(text)}`);
    else {
      const printedName = page.request.headers.find((h) => h.value.replace(/[{}]/g, "") === name);
      if (printedName) delete headers[canonicalHeader(printedName.name)];
      headers[String(t["smithy.api#httpHeader"])] = text;
    }
  }
  const requestBody = bodyValues(values, input, page.request.skeleton);
  Object.assign(params, requestBody ?? {});

  const outputParams: Record<string, NodeValue> = {};
  const responseHeaders: Record<string, string> = {};
  for (const h of page.response.headers) responseHeaders[canonicalHeader(h.name)] = h.value;
  for (const [name, member] of Object.entries(output.members ?? {})) {
    const header = member.traits?.["smithy.api#httpHeader"];
    if (header === undefined) continue;
    const printed = page.response.headers.find((h) => h.value.replace(/[{}]/g, "") === name)!;
    const value = values.of(
      member,
      { kind: "scalar", line: printed.line, text: name, quoted: false },
      `$.${name}`,
    );
    outputParams[name] = value;
    delete responseHeaders[canonicalHeader(printed.name)];
    responseHeaders[String(header)] = String(value);
  }
  const responseBody = bodyValues(values, output, page.response.skeleton);
  Object.assign(outputParams, responseBody ?? {});

  const http = op.traits!["smithy.api#http"] as { method: string; uri: string; code: number };
  const uri = http.uri.replace(/\{(\w+)\+?\}/g, (_, name: string) =>
    encodeURIComponent(labels[name] ?? ""),
  );
  const request: Record<string, NodeValue> = {
    id: `${page.name.text}_RequestSyntax`,
    documentation: "The request the Request Syntax of the docs shows, placeholders filled in.",
    protocol: PROTOCOL,
    method: http.method,
    uri: uri.split("?")[0],
  };
  if (queryParams.length) request.queryParams = queryParams;
  if (Object.keys(headers).length) request.headers = headers;
  if (requestBody) {
    request.body = JSON.stringify(requestBody);
    request.bodyMediaType = "application/json";
  }
  request.params = params;

  const response: Record<string, NodeValue> = {
    id: `${page.name.text}_ResponseSyntax`,
    documentation: "The response the Response Syntax of the docs shows, placeholders filled in.",
    protocol: PROTOCOL,
    code: http.code,
  };
  if (Object.keys(responseHeaders).length) response.headers = responseHeaders;
  if (responseBody) {
    response.body = JSON.stringify(responseBody);
    response.bodyMediaType = "application/json";
  }
  response.params = outputParams;

  set.sources[exampleSource(opId, SYNTAX_EXAMPLE_TITLE, "input")] = set.at(page.request.line);
  set.sources[exampleSource(opId, SYNTAX_EXAMPLE_TITLE, "output")] = set.at(page.response.line);
  const traits: Traits = op.traits ?? {};
  traits["smithy.api#examples"] = [
    {
      title: SYNTAX_EXAMPLE_TITLE,
      documentation:
        "The Request Syntax and Response Syntax of the docs, each placeholder replaced by a value of its type that meets its constraints.",
      input: params,
      output: outputParams,
    },
  ];
  traits["smithy.test#httpRequestTests"] = [request];
  traits["smithy.test#httpResponseTests"] = [response];
  op.traits = traits;
}

function canonicalHeader(name: string): string {
  return name
    .split("-")
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1).toLowerCase())
    .join("-");
}

function bodyValues(
  values: ValueMaker,
  structure: AstShape,
  skeleton: Skeleton | undefined,
): Record<string, NodeValue> | undefined {
  if (skeleton === undefined) return undefined;
  return values.structure(structure, skeleton, "$") as Record<string, NodeValue>;
}

/** Values for placeholders, walking a skeleton alongside the shapes it shows. */
class ValueMaker {
  constructor(
    private readonly set: ShapeSet,
    private readonly subject: string,
  ) {}

  private fail(line: number, message: string): never {
    throw new TranscribeError(this.set.at(line), message);
  }

  structure(shape: AstShape, skeleton: Skeleton, path: string): NodeValue {
    if (skeleton.kind !== "object") this.fail(skeleton.line, `${path}: expected an object`);
    const out: Record<string, NodeValue> = {};
    for (const e of skeleton.entries) {
      const member = shape.members?.[e.key];
      if (!member) this.fail(e.line, `${path}: "${e.key}" is not a member`);
      out[e.key] = this.of(member, e.value, `${path}.${e.key}`);
    }
    return out;
  }

  of(member: MemberShape, skeleton: Skeleton, path: string): NodeValue {
    const target = member.target;
    const shape = this.set.shapes[target];
    if (shape?.type === "structure" || shape?.type === "union") {
      return this.structure(shape, skeleton, path);
    }
    if (shape?.type === "list") {
      if (skeleton.kind !== "array") this.fail(skeleton.line, `${path}: expected an array`);
      return skeleton.items.map((item, i) => this.of(shape.member!, item, `${path}[${i}]`));
    }
    if (shape?.type === "map") {
      if (skeleton.kind !== "object") this.fail(skeleton.line, `${path}: expected an object`);
      const out: Record<string, NodeValue> = {};
      for (const e of skeleton.entries) {
        const key = String(
          this.scalar(
            shape.key!,
            { kind: "scalar", line: e.line, text: e.key, quoted: true },
            `${path} key`,
          ),
        );
        out[key] = this.of(shape.value!, e.value, `${path}.${key}`);
      }
      return out;
    }
    if (skeleton.kind !== "scalar") this.fail(skeleton.line, `${path}: expected a placeholder`);
    return this.scalar(member, skeleton, path);
  }

  private scalar(
    member: MemberShape,
    skeleton: Skeleton & { kind: "scalar" },
    path: string,
  ): NodeValue {
    const target = member.target;
    const shape = this.set.shapes[target];
    const printed = skeleton.quoted ? JSON.stringify(skeleton.text) : skeleton.text;
    let value: NodeValue;
    let why: string;
    if (shape?.type === "enum") {
      const first = Object.values(shape.members ?? {})[0];
      value = first?.traits?.["smithy.api#enumValue"] as string;
      why = "the docs print a placeholder; this is the first documented valid value";
    } else if (target === "smithy.api#String" || target === "smithy.api#Blob") {
      const c = stringConstraints(member.traits ?? {});
      const v = sampleString(skeleton.text, c);
      if (v === undefined) {
        this.fail(
          skeleton.line,
          `${path}: no value meets length ${JSON.stringify([c.min, c.max])} and pattern ${c.pattern}`,
        );
      }
      value = v;
      why =
        "the docs print a placeholder; this value meets the member's documented pattern and length";
    } else if (
      ["smithy.api#Integer", "smithy.api#Long", "smithy.api#Double", "smithy.api#Float"].includes(
        target,
      )
    ) {
      const range = (member.traits?.["smithy.api#range"] ?? {}) as { min?: number; max?: number };
      value = range.min ?? Math.min(0, range.max ?? 0);
      why = "the docs print a placeholder; this is the smallest number the documented range allows";
    } else if (target === "smithy.api#Boolean") {
      value = true;
      why = "the docs print a placeholder; this is a boolean";
    } else if (target === "smithy.api#Timestamp") {
      value = 1700000000;
      why =
        "the docs print a placeholder; this is a timestamp in epoch seconds (2023-11-14T22:13:20Z)";
    } else {
      this.fail(skeleton.line, `${path}: cannot fill a placeholder of type ${target}`);
    }
    // A bare placeholder (a label's name in the URI) that is itself a fitting value stays as is.
    const same = skeleton.quoted ? JSON.stringify(value) === printed : value === skeleton.text;
    if (!same) {
      this.set.repair(
        skeleton.line,
        `${this.subject} ${path}`,
        printed,
        JSON.stringify(value),
        why,
      );
    }
    return value;
  }
}

function stringConstraints(traits: Traits): StringConstraints {
  const length = (traits["smithy.api#length"] ?? {}) as { min?: number; max?: number };
  const pattern = traits["smithy.api#pattern"];
  return {
    min: length.min,
    max: length.max,
    pattern: typeof pattern === "string" ? pattern : undefined,
  };
}
