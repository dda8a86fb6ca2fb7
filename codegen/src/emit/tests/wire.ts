import type { MemberShape } from "../../model/ast.js";
import { hasTrait, type OperationView, type ServiceView, trait, UNIT } from "../service-view.js";
import type { SampleValue } from "./samples.js";

/**
 * What a sample input looks like on the wire, and what a sample output or error looks like in a
 * response, worked out from the AWS protocol specs (awsJson1_1, restJson1) independently of the
 * runtime's codecs: the generated tests hold the runtime to these.
 */
export interface WireRequest {
  method: string;
  path: string;
  /** Sorted [name, value] pairs. */
  query: [string, string][];
  /** Lower-cased names; only the headers the protocol fixes. */
  headers: Record<string, string>;
  /** Parsed JSON body, raw text for a string/blob payload, null for no body. */
  json?: unknown;
  text?: string;
}

export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("base64");
}

function timestampText(date: Date, format: string): string | number {
  if (format === "epoch-seconds") return date.getTime() / 1000;
  if (format === "http-date") return date.toUTCString();
  return date.toISOString().replace(".000Z", "Z");
}

function formatOf(
  view: ServiceView,
  m: MemberShape | undefined,
  target: string,
  fallback: string,
): string {
  return (
    trait<string>(m?.traits, "timestampFormat") ??
    trait<string>(view.get(target).traits, "timestampFormat") ??
    fallback
  );
}

/** A value as a JSON body carries it (awsJson ignores @jsonName; restJson honours it). */
export function toJson(
  view: ServiceView,
  id: string,
  value: SampleValue,
  member?: MemberShape,
): Json {
  if (id === UNIT || value === null) return (value ?? null) as Json;
  const shape = view.get(id);
  switch (shape.type) {
    case "timestamp":
      return timestampText(value as Date, formatOf(view, member, id, "epoch-seconds"));
    case "blob":
      return base64(value as Uint8Array);
    case "list":
    case "set":
      return (value as SampleValue[]).map((v) =>
        toJson(view, shape.member!.target, v, shape.member),
      );
    case "map":
      return Object.fromEntries(
        Object.entries(value as Record<string, SampleValue>).map(([k, v]) => [
          k,
          toJson(view, shape.value!.target, v, shape.value),
        ]),
      );
    case "structure":
    case "union": {
      const out: { [key: string]: Json } = {};
      for (const [name, m] of Object.entries(shape.members ?? {})) {
        const v = (value as Record<string, SampleValue>)[name];
        if (v === undefined) continue;
        out[jsonKey(view, name, m)] = toJson(view, m.target, v, m);
      }
      return out;
    }
    default:
      return value as Json;
  }
}

function jsonKey(view: ServiceView, name: string, m: MemberShape): string {
  return view.protocol === "restJson1" ? (trait<string>(m.traits, "jsonName") ?? name) : name;
}

/** A scalar as a header, query or label value. */
function scalarText(
  view: ServiceView,
  id: string,
  value: SampleValue,
  member: MemberShape,
  where: "header" | "query" | "label",
): string {
  const shape = view.get(id);
  if (shape.type === "timestamp") {
    const fallback = where === "header" ? "http-date" : "date-time";
    return String(timestampText(value as Date, formatOf(view, member, id, fallback)));
  }
  if (shape.type === "blob") return base64(value as Uint8Array);
  if (shape.type === "string" && where === "header" && trait(shape.traits, "mediaType")) {
    return Buffer.from(String(value)).toString("base64");
  }
  return String(value);
}

function headerList(items: string[]): string {
  return items.map((s) => (/[",]/.test(s) ? `"${s.replaceAll('"', '\\"')}"` : s)).join(", ");
}

function isHttpBound(m: MemberShape): boolean {
  return [
    "httpLabel",
    "httpQuery",
    "httpQueryParams",
    "httpHeader",
    "httpPrefixHeaders",
    "httpPayload",
    "httpResponseCode",
  ].some((t) => hasTrait(m.traits, t));
}

/** The members of a structure that travel in the JSON body (restJson: the unbound ones). */
function bodyOf(
  view: ServiceView,
  id: string,
  value: Record<string, SampleValue>,
): Json | undefined {
  const out: { [key: string]: Json } = {};
  let any = false;
  for (const [name, m] of Object.entries(view.get(id).members ?? {})) {
    if (view.protocol === "restJson1" && isHttpBound(m)) continue;
    any = true;
    const v = value[name];
    if (v !== undefined) out[jsonKey(view, name, m)] = toJson(view, m.target, v, m);
  }
  return any ? out : undefined;
}

export function expectedRequest(
  view: ServiceView,
  op: OperationView,
  input: Record<string, SampleValue>,
): WireRequest {
  if (view.protocol !== "restJson1") {
    const json = op.input === UNIT ? {} : (bodyOf(view, op.input, input) ?? {});
    return {
      method: "POST",
      path: "/",
      query: [],
      headers: {
        "x-amz-target": `${view.id.slice(view.id.indexOf("#") + 1)}.${op.name}`,
        "content-type": `application/x-amz-json-${view.protocol === "awsJson1_1" ? "1.1" : "1.0"}`,
      },
      json,
    };
  }
  const http = trait<{ method: string; uri: string }>(op.shape.traits, "http")!;
  const [template, literalQuery] = http.uri.split("?", 2) as [string, string | undefined];
  const members = op.input === UNIT ? {} : (view.get(op.input).members ?? {});
  const path = template.replace(/\{(\w+)(\+?)\}/g, (_m, name: string, greedy: string) => {
    const m = members[name]!;
    const text = scalarText(view, m.target, input[name]!, m, "label");
    return greedy ? text.split("/").map(encodeURIComponent).join("/") : encodeURIComponent(text);
  });
  const query: [string, string][] = [];
  for (const pair of literalQuery ? literalQuery.split("&") : []) {
    const [k, v = ""] = pair.split("=");
    query.push([decodeURIComponent(k!), decodeURIComponent(v)]);
  }
  const headers: Record<string, string> = {};
  let json: unknown;
  let text: string | undefined;
  const setQuery = new Set(query.map(([k]) => k));
  for (const [name, m] of Object.entries(members)) {
    const v = input[name];
    if (v === undefined) continue;
    const target = view.get(m.target);
    const q = trait<string>(m.traits, "httpQuery");
    const h = trait<string>(m.traits, "httpHeader");
    const prefix = trait<string>(m.traits, "httpPrefixHeaders");
    if (q !== undefined) {
      setQuery.add(q);
      const items = target.type === "list" || target.type === "set" ? (v as SampleValue[]) : [v];
      const itemId =
        target.type === "list" || target.type === "set" ? target.member!.target : m.target;
      for (const item of items) query.push([q, scalarText(view, itemId, item, m, "query")]);
    } else if (h !== undefined) {
      if (target.type === "list" || target.type === "set") {
        headers[h.toLowerCase()] = headerList(
          (v as SampleValue[]).map((item) =>
            scalarText(view, target.member!.target, item, target.member!, "header"),
          ),
        );
      } else {
        headers[h.toLowerCase()] = scalarText(view, m.target, v, m, "header");
      }
    } else if (prefix !== undefined) {
      for (const [k, item] of Object.entries(v as Record<string, SampleValue>)) {
        headers[(prefix + k).toLowerCase()] = String(item);
      }
    } else if (hasTrait(m.traits, "httpPayload")) {
      if (target.type === "blob") {
        text = Buffer.from(v as Uint8Array).toString("utf8");
        headers["content-type"] =
          trait<string>(target.traits, "mediaType") ?? "application/octet-stream";
      } else if (target.type === "string") {
        text = String(v);
        headers["content-type"] = trait<string>(target.traits, "mediaType") ?? "text/plain";
      } else {
        json = toJson(view, m.target, v, m);
        headers["content-type"] = "application/json";
      }
    }
  }
  for (const [name, m] of Object.entries(members)) {
    if (!hasTrait(m.traits, "httpQueryParams") || input[name] === undefined) continue;
    for (const [k, v] of Object.entries(input[name] as Record<string, SampleValue>)) {
      if (setQuery.has(k)) continue;
      for (const item of Array.isArray(v) ? v : [v]) query.push([k, String(item)]);
    }
  }
  const hasPayload = Object.values(members).some((m) => hasTrait(m.traits, "httpPayload"));
  if (!hasPayload && op.input !== UNIT) {
    const body = bodyOf(view, op.input, input);
    if (body !== undefined && Object.keys(body as object).length > 0) {
      json = body;
      headers["content-type"] = "application/json";
    }
  }
  query.sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
  const out: WireRequest = { method: http.method, path, query, headers };
  if (json !== undefined) out.json = json;
  if (text !== undefined) out.text = text;
  return out;
}

/** The response a server sends for a sample output. */
export function responseFor(
  view: ServiceView,
  op: OperationView,
  output: Record<string, SampleValue>,
): WireResponse {
  if (view.protocol !== "restJson1") {
    const body = op.output === UNIT ? {} : (bodyOf(view, op.output, output) ?? {});
    return {
      status: 200,
      headers: {
        "content-type": `application/x-amz-json-${view.protocol === "awsJson1_1" ? "1.1" : "1.0"}`,
      },
      body: JSON.stringify(body),
    };
  }
  const http = trait<{ code?: number }>(op.shape.traits, "http")!;
  return restResponse(view, op.output, output, http.code ?? 200);
}

function restResponse(
  view: ServiceView,
  id: string,
  value: Record<string, SampleValue>,
  status: number,
): WireResponse {
  const members = id === UNIT ? {} : (view.get(id).members ?? {});
  const headers: Record<string, string> = {};
  let body = "";
  for (const [name, m] of Object.entries(members)) {
    const v = value[name];
    if (v === undefined) continue;
    const target = view.get(m.target);
    const h = trait<string>(m.traits, "httpHeader");
    const prefix = trait<string>(m.traits, "httpPrefixHeaders");
    if (h !== undefined) {
      headers[h.toLowerCase()] =
        target.type === "list" || target.type === "set"
          ? headerList(
              (v as SampleValue[]).map((item) =>
                scalarText(view, target.member!.target, item, target.member!, "header"),
              ),
            )
          : scalarText(view, m.target, v, m, "header");
    } else if (prefix !== undefined) {
      for (const [k, item] of Object.entries(v as Record<string, SampleValue>))
        headers[(prefix + k).toLowerCase()] = String(item);
    } else if (hasTrait(m.traits, "httpPayload")) {
      if (target.type === "blob") {
        body = Buffer.from(v as Uint8Array).toString("utf8");
        headers["content-type"] = "application/octet-stream";
      } else if (target.type === "string") {
        body = String(v);
        headers["content-type"] = "text/plain";
      } else {
        body = JSON.stringify(toJson(view, m.target, v, m));
        headers["content-type"] = "application/json";
      }
    }
  }
  const hasPayload = Object.values(members).some((m) => hasTrait(m.traits, "httpPayload"));
  if (!hasPayload) {
    const json = id === UNIT ? undefined : bodyOf(view, id, value);
    if (json !== undefined) {
      body = JSON.stringify(json);
      headers["content-type"] = "application/json";
    }
  }
  return { status, headers, body };
}

/** An error response: awsJson names the type in `__type`, restJson in `x-amzn-errortype`. */
export function errorResponseFor(
  view: ServiceView,
  errorId: string,
  members: Record<string, SampleValue>,
  status: number,
): WireResponse {
  const name = errorId.slice(errorId.indexOf("#") + 1);
  if (view.protocol !== "restJson1") {
    const body = { __type: errorId, ...((bodyOf(view, errorId, members) ?? {}) as object) };
    return {
      status,
      headers: {
        "content-type": `application/x-amz-json-${view.protocol === "awsJson1_1" ? "1.1" : "1.0"}`,
      },
      body: JSON.stringify(body),
    };
  }
  const response = restResponse(view, errorId, members, status);
  response.headers["x-amzn-errortype"] =
    `${name}:http://internal.amazon.com/coral/com.amazon.coral.validate/`;
  if (!response.body) {
    response.body = "{}";
    response.headers["content-type"] = "application/json";
  }
  return response;
}
