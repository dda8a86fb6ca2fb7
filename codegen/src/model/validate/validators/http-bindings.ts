import type { NodeValue } from "../../ast.js";
import type { ValidationContext } from "../context.js";
import type { IndexedShape } from "../model-index.js";
import { compilePattern } from "../node-value.js";
import { uriLabels } from "./http-label.js";

/**
 * HTTP binding rules for REST protocols: no two operations of a service share a method and a
 * conflicting URI (HttpUriConflict); with an @httpPayload member every other member is bound
 * elsewhere (HttpPayload); query parameter and header names are bound once per structure
 * (HttpQueryTrait, HttpHeaderTrait).
 */
const HTTP = "smithy.api#http";
const UNIT = "smithy.api#Unit";
const REQUEST_BINDINGS = [
  "smithy.api#httpLabel",
  "smithy.api#httpQuery",
  "smithy.api#httpQueryParams",
  "smithy.api#httpHeader",
  "smithy.api#httpPrefixHeaders",
  "smithy.api#httpPayload",
];
const RESPONSE_BINDINGS = [
  "smithy.api#httpHeader",
  "smithy.api#httpPrefixHeaders",
  "smithy.api#httpPayload",
  "smithy.api#httpResponseCode",
];

export function validateHttpBindings(ctx: ValidationContext): void {
  const operations = ctx.index.withTrait(HTTP).filter((s) => s.type === "operation");
  if (operations.length === 0) return;
  for (const operation of operations) {
    const input = io(ctx, operation, "input");
    const output = io(ctx, operation, "output");
    if (input) {
      payload(ctx, input, REQUEST_BINDINGS);
      uniqueNames(
        ctx,
        input,
        "smithy.api#httpQuery",
        "HttpQueryTrait",
        "query string parameter",
        false,
      );
    }
    if (output) payload(ctx, output, RESPONSE_BINDINGS);
  }
  for (const error of ctx.index.withTrait("smithy.api#error")) {
    if (error.type === "structure") payload(ctx, error, RESPONSE_BINDINGS);
  }
  for (const structure of ctx.index.userShapes) {
    if (structure.type === "structure")
      uniqueNames(ctx, structure, "smithy.api#httpHeader", "HttpHeaderTrait", "HTTP header", true);
  }
  for (const service of ctx.index.shapes.values()) {
    if (service.type === "service") uriConflicts(ctx, service);
  }
}

function io(ctx: ValidationContext, operation: IndexedShape, side: "input" | "output") {
  return ctx.index.get(operation.ast[side]?.target ?? UNIT);
}

function payload(ctx: ValidationContext, structure: IndexedShape, bindings: string[]): void {
  const members = ctx.index.membersOf(structure);
  if (!members.some((m) => m.traits["smithy.api#httpPayload"] !== undefined)) return;
  const unbound = members
    .filter((m) => !bindings.some((b) => m.traits[b] !== undefined))
    .map((m) => `\`${m.memberName}\``);
  if (unbound.length === 0) return;
  ctx.emit(
    "HttpPayload",
    "ERROR",
    structure.id,
    `A member of this structure is marked with the \`httpPayload\` trait, but the following structure members are not explicitly bound to the HTTP message: ${unbound.sort().join(", ")}`,
  );
}

function uniqueNames(
  ctx: ValidationContext,
  structure: IndexedShape,
  traitId: string,
  eventId: string,
  what: string,
  caseInsensitive: boolean,
): void {
  const byName = new Map<string, string[]>();
  for (const member of ctx.index.membersOf(structure)) {
    const value = member.traits[traitId];
    if (typeof value !== "string") continue;
    const key = caseInsensitive ? value.toLowerCase() : value;
    byName.set(key, [...(byName.get(key) ?? []), member.memberName!]);
  }
  for (const [name, members] of byName) {
    if (members.length < 2) continue;
    ctx.emit(
      eventId,
      "ERROR",
      structure.id,
      `The ${what} \`${name}\` is bound to multiple members: ${members.map((m) => `\`${m}\``).join(", ")}`,
    );
  }
}

interface Segment {
  content: string;
  label: boolean;
  greedy: boolean;
}

interface Uri {
  text: string;
  segments: Segment[];
  query: Map<string, string>;
}

export function parseUri(uri: string): Uri {
  const [path, query = ""] = uri.split("?", 2);
  const segments = path
    .split("/")
    .filter((s) => s !== "")
    .map((s) => {
      const label = s.startsWith("{") && s.endsWith("}");
      const greedy = label && s.endsWith("+}");
      return { content: label ? s.slice(1, greedy ? -2 : -1) : s, label, greedy };
    });
  const literals = new Map<string, string>();
  for (const part of query.split("&").filter(Boolean)) {
    const eq = part.indexOf("=");
    literals.set(eq < 0 ? part : part.slice(0, eq), eq < 0 ? "" : part.slice(eq + 1));
  }
  return { text: uri, segments, query: literals };
}

/** Smithy's UriPattern#conflictsWith: the first label/literal mismatch is a conflict. */
export function urisConflict(a: Uri, b: Uri): boolean {
  const n = Math.min(a.segments.length, b.segments.length);
  for (let i = 0; i < n; i++) {
    const x = a.segments[i];
    const y = b.segments[i];
    if (x.label !== y.label || x.greedy !== y.greedy) return true;
    if (!x.label && x.content !== y.content) return false;
  }
  if (a.segments.length !== b.segments.length) return false;
  if (a.query.size !== b.query.size) return false;
  for (const [k, v] of a.query) if (b.query.get(k) !== v) return false;
  return true;
}

interface Bound {
  operation: IndexedShape;
  method: string;
  uri: Uri;
}

function uriConflicts(ctx: ValidationContext, service: IndexedShape): void {
  const bound: Bound[] = [];
  for (const shape of ctx.closure(service).values()) {
    const http = shape.type === "operation" ? shape.traits[HTTP] : undefined;
    if (!isObject(http) || typeof http.method !== "string" || typeof http.uri !== "string")
      continue;
    bound.push({ operation: shape, method: http.method, uri: parseUri(http.uri) });
  }
  for (const subject of bound) {
    const errors: string[] = [];
    const allowable: string[] = [];
    for (const other of bound) {
      if (other === subject || other.method !== subject.method) continue;
      if (!urisConflict(other.uri, subject.uri)) continue;
      if (!endpointsConflict(subject.operation, other.operation)) continue;
      const entry = `\`${other.operation.id}\` (${other.uri.text})`;
      if (allowableConflict(ctx, subject, other)) allowable.push(entry);
      else errors.push(entry);
    }
    const message = (list: string[]) =>
      `Operation URI, \`${subject.uri.text}\`, conflicts with other operation URIs in the same service: [${list.sort().join(", ")}]`;
    if (errors.length) ctx.emit("HttpUriConflict", "ERROR", subject.operation.id, message(errors));
    if (allowable.length)
      ctx.emit(
        "HttpUriConflict",
        "DANGER",
        subject.operation.id,
        `${message(allowable)}. Pattern traits applied to the label members prevent the label value from evaluating to a conflict, but this is still a poor design. If this is acceptable, this can be suppressed.`,
      );
  }
}

/** Operations on different host prefixes (@endpoint) cannot conflict. */
function endpointsConflict(a: IndexedShape, b: IndexedShape): boolean {
  const ea = a.traits["smithy.api#endpoint"];
  const eb = b.traits["smithy.api#endpoint"];
  if (ea === undefined && eb === undefined) return true;
  if (!isObject(ea) || !isObject(eb)) return false;
  return ea.hostPrefix === eb.hostPrefix;
}

/**
 * A conflict is allowable (DANGER, not ERROR) when every conflicting position is a label
 * against a literal, and the label member's @pattern cannot match that literal.
 */
function allowableConflict(ctx: ValidationContext, a: Bound, b: Bound): boolean {
  let conflicting = 0;
  const n = Math.min(a.uri.segments.length, b.uri.segments.length);
  for (let i = 0; i < n; i++) {
    const x = a.uri.segments[i];
    const y = b.uri.segments[i];
    if (!x.label && !y.label) continue;
    conflicting++;
    if (x.label === y.label) return false;
    const [label, literal, owner] = x.label ? [x, y, a] : [y, x, b];
    const pattern = labelPattern(ctx, owner.operation, label.content);
    if (pattern === undefined) return false;
    const regex = compilePattern(pattern);
    if (!regex || regex.test(literal.content)) return false;
  }
  return conflicting > 0;
}

function labelPattern(ctx: ValidationContext, operation: IndexedShape, label: string) {
  const input = io(ctx, operation, "input");
  if (!input || !uriLabels(String((operation.traits[HTTP] as { uri: string }).uri)).has(label))
    return undefined;
  const member = ctx.index.memberNamed(input, label);
  if (!member || member.traits["smithy.api#httpLabel"] === undefined) return undefined;
  const own = member.traits["smithy.api#pattern"];
  if (typeof own === "string") return own;
  const target = member.target ? ctx.index.get(member.target) : undefined;
  const inherited = target?.traits["smithy.api#pattern"];
  return typeof inherited === "string" ? inherited : undefined;
}

function isObject(value: NodeValue | undefined): value is { [key: string]: NodeValue } {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
