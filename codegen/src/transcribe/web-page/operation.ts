import type { MemberShape, Traits } from "../../model/ast.js";
import { TranscribeError } from "../transcribed.js";
import { entryMember, type ShapeSet } from "./build-shapes.js";
import { docText } from "./doc-text.js";
import type { Entry } from "./entries.js";
import type { HttpSyntax, Skeleton } from "./http-syntax.js";
import type { ActionPage } from "./read-page.js";

/** How a URI parameter travels: in the path, the query string or a header. */
type Binding =
  | { kind: "label" }
  | { kind: "query"; name: string }
  | { kind: "header"; name: string };

/** Builds the operation, its input and output structures and its errors from one page. */
export function buildOperation(set: ShapeSet, page: ActionPage): string {
  const op = page.name.text;
  const opId = set.id(op);
  const { uri, bindings } = resolveUri(set, page);
  const inputName = `${op}Request`;
  const outputName = `${op}Response`;

  const input: Record<string, MemberShape> = {};
  const requestSkeleton = objectEntries(page.request.skeleton);
  for (const entry of page.uriParameters) {
    const member = entryMember(set, entry, { owner: inputName, syntax: "Request Syntax" });
    const binding = bindings.get(entry.name)!;
    const traits: Traits = { ...(member.traits ?? {}) };
    if (binding.kind === "label") {
      traits["smithy.api#httpLabel"] = {};
      traits["smithy.api#required"] = {};
    } else if (binding.kind === "query") traits["smithy.api#httpQuery"] = binding.name;
    else traits["smithy.api#httpHeader"] = binding.name;
    input[entry.name] = { target: member.target, traits };
    set.sources[`${set.id(inputName)}$${entry.name}`] = set.at(entry.line);
  }
  for (const entry of page.body) {
    const skeleton = requestSkeleton.get(entry.name);
    input[entry.name] = entryMember(set, entry, {
      owner: inputName,
      skeleton,
      syntax: "Request Syntax",
    });
    set.sources[`${set.id(inputName)}$${entry.name}`] = set.at(entry.line);
  }
  checkSkeletonKeys(set, page.request.skeleton, page.body, "Request Syntax", "Request Body");

  const output: Record<string, MemberShape> = {};
  const responseSkeleton = objectEntries(page.response.skeleton);
  const responseHeaders = new Map(
    page.response.headers.map((h) => [h.value.replace(/[{}]/g, ""), h]),
  );
  for (const entry of page.responseElements) {
    const member = entryMember(set, entry, {
      owner: outputName,
      skeleton: responseSkeleton.get(entry.name),
      syntax: "Response Syntax",
    });
    const header = responseHeaders.get(entry.name);
    if (header) member.traits = { ...(member.traits ?? {}), "smithy.api#httpHeader": header.name };
    output[entry.name] = member;
    set.sources[`${set.id(outputName)}$${entry.name}`] = set.at(entry.line);
  }
  const bodyElements = page.responseElements.filter((e) => !responseHeaders.has(e.name));
  checkSkeletonKeys(
    set,
    page.response.skeleton,
    bodyElements,
    "Response Syntax",
    "Response Elements",
  );

  const inputId = set.add(
    inputName,
    { type: "structure", members: input, traits: { "smithy.api#input": {} } },
    page.request.line,
  );
  const outputId = set.add(
    outputName,
    { type: "structure", members: output, traits: { "smithy.api#output": {} } },
    page.response.line,
  );
  const errors = page.errors.map((e) => buildError(set, e));
  const traits: Traits = {};
  const doc = docText(page.description, opId, set.file, set.repairs);
  if (doc) traits["smithy.api#documentation"] = doc;
  traits["smithy.api#http"] = { method: page.request.method!, uri, code: page.response.code! };
  set.shapes[opId] = {
    type: "operation",
    input: { target: inputId },
    output: { target: outputId },
    ...(errors.length ? { errors: errors.map((target) => ({ target })) } : {}),
    traits,
  };
  set.sources[opId] = set.at(page.name.line);
  return opId;
}

function objectEntries(skeleton: Skeleton | undefined): Map<string, Skeleton> {
  if (skeleton?.kind !== "object") return new Map();
  return new Map(skeleton.entries.map((e) => [e.key, e.value]));
}

/** A key the skeleton prints but the member list does not document is a page error. */
function checkSkeletonKeys(
  set: ShapeSet,
  skeleton: Skeleton | undefined,
  entries: Entry[],
  syntax: string,
  section: string,
): void {
  if (skeleton === undefined) return;
  if (skeleton.kind !== "object") {
    throw new TranscribeError(set.at(skeleton.line), `${syntax}: the body is not a JSON object`);
  }
  const documented = new Set(entries.map((e) => e.name));
  for (const e of skeleton.entries) {
    if (!documented.has(e.key)) {
      throw new TranscribeError(
        set.at(e.line),
        `${syntax} prints "${e.key}" but ${section} does not document it`,
      );
    }
  }
}

function buildError(set: ShapeSet, entry: Entry): string {
  if (!entry.status) {
    throw new TranscribeError(
      set.at(entry.line),
      `error ${entry.name} has no "HTTP Status Code:" line (truncated?)`,
    );
  }
  const id = set.id(entry.name);
  const traits: Traits = {};
  const doc = docText(entry.doc, id, set.file, set.repairs);
  if (doc) traits["smithy.api#documentation"] = doc;
  traits["smithy.api#error"] = entry.status.code >= 500 ? "server" : "client";
  traits["smithy.api#httpError"] = entry.status.code;
  return set.add(entry.name, { type: "structure", members: {}, traits }, entry.line);
}

/**
 * The request URI with its labels in braces, and how each URI parameter is bound. The web text
 * drops the braces the HTML shows around labels and may wrap the request line; both are repaired.
 */
function resolveUri(
  set: ShapeSet,
  page: ActionPage,
): { uri: string; bindings: Map<string, Binding> } {
  const request: HttpSyntax = page.request;
  const printed = request.uri!;
  const [path, query = ""] = printed.split("?");
  const segments = path.split("/");
  const bindings = new Map<string, Binding>();
  const bare: string[] = [];
  for (const entry of page.uriParameters) {
    const i = segments.findIndex(
      (s) => s === entry.name || s === `{${entry.name}}` || s === `{${entry.name}+}`,
    );
    if (i >= 0) {
      if (segments[i] === entry.name) {
        segments[i] = `{${entry.name}}`;
        bare.push(entry.name);
      }
      bindings.set(entry.name, { kind: "label" });
      continue;
    }
    const pair = query
      .split("&")
      .map((p) => p.split("="))
      .find(([, v]) => v?.replace(/[{}]/g, "") === entry.name);
    if (pair) {
      bindings.set(entry.name, { kind: "query", name: pair[0] });
      continue;
    }
    const header = request.headers.find((h) => h.value.replace(/[{}]/g, "") === entry.name);
    if (header) {
      bindings.set(entry.name, { kind: "header", name: header.name });
      continue;
    }
    throw new TranscribeError(
      set.at(entry.line),
      `URI parameter ${entry.name} appears neither in the path, the query string nor the headers of the Request Syntax`,
    );
  }
  const queryText = query
    .split("&")
    .filter((p) => p && !p.includes("="))
    .join("&");
  const uri = segments.join("/") + (queryText ? `?${queryText}` : "");
  const opId = set.id(page.name.text);
  if (bare.length || request.wrapped) {
    const why = [
      bare.length
        ? `the page lists ${bare.join(", ")} as ${bare.length === 1 ? "a URI parameter" : "URI parameters"} but its text lost the label braces`
        : "",
      request.wrapped ? "the page wraps the request line" : "",
    ]
      .filter(Boolean)
      .join("; ");
    set.repair(request.line, opId, request.printed, `${request.method} ${uri} HTTP/1.1`, why);
  }
  return { uri, bindings };
}
