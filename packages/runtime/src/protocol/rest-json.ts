import {
  deref,
  type MemberSchema,
  type OperationSchema,
  type Schema,
  type ServiceSchema,
  type StructureSchema,
} from "../schema.js";
import { ProtocolError, serializationError } from "./errors.js";
import { expandHostPrefix } from "./host-prefix.js";
import { acceptable } from "./rest-json/accept.js";
import {
  formatHttpScalar,
  joinHeaderList,
  listMember,
  parseHttpScalar,
  splitHeaderList,
} from "./rest-json/http-values.js";
import { buildPath, matchPath, parseUriTemplate } from "./rest-json/uri-template.js";
import { utf8Decode, utf8Encode } from "./serde/base64.js";
import {
  isBound,
  type JsonCodecOptions,
  type Message,
  readJsonValue,
  readStructure,
  writeJsonValue,
  writeStructure,
} from "./serde/json-values.js";
import { ownValue, setOwn } from "./serde/own-property.js";
import { errorStatus, parseJsonBody, readServiceError, shapeName } from "./service-errors.js";
import type { HttpRequestMessage, HttpResponseMessage, Protocol } from "./types.js";

// restJson1 (smithy.io/2.0/aws/protocols/aws-restjson1-protocol.html): members bound by the HTTP
// binding traits travel in the URI, query, headers or status; the rest form a JSON body, or the
// `@httpPayload` member is the body.

const CLIENT: JsonCodecOptions = { jsonName: true, side: "client" };
const UNIT = "smithy.api#Unit";
const SERVER: JsonCodecOptions = { jsonName: true, side: "server" };

type Entry = readonly [name: string, member: MemberSchema];
type Named = readonly [name: string, member: MemberSchema, key: string];

/** A structure's members grouped by where they travel, computed once per schema. */
interface Bindings {
  labels: Entry[];
  query: Named[];
  queryParams?: Entry;
  headers: Named[];
  prefixHeaders: Named[];
  payload?: Entry;
  responseCode?: string;
  /** Members that form the JSON body (no binding in this message, or only `@hostLabel`). */
  hasBody: boolean;
  /** The structure has no members at all. */
  readonly noMembers: boolean;
  readonly message: Message;
}

const requestBindings = new WeakMap<StructureSchema, Bindings>();
const responseBindings = new WeakMap<StructureSchema, Bindings>();

/** Where `schema`'s members travel in a request, or in a response or error. */
function bindingsOf(schema: StructureSchema, message: Message): Bindings {
  const cache = message === "request" ? requestBindings : responseBindings;
  let b = cache.get(schema);
  if (b) return b;
  b = {
    labels: [],
    query: [],
    headers: [],
    prefixHeaders: [],
    hasBody: false,
    noMembers: Object.keys(schema.members).length === 0,
    message,
  };
  for (const [name, member] of Object.entries(schema.members)) {
    const http = member.http;
    if (!isBound(member, message)) {
      b.hasBody = true;
      continue;
    }
    switch (http!.in) {
      case "label":
        b.labels.push([name, member]);
        break;
      case "query":
        b.query.push([name, member, http!.name!]);
        break;
      case "queryParams":
        b.queryParams = [name, member];
        break;
      case "header":
        b.headers.push([name, member, http!.name!.toLowerCase()]);
        break;
      case "prefixHeaders":
        b.prefixHeaders.push([name, member, http!.name!.toLowerCase()]);
        break;
      case "payload":
        b.payload = [name, member];
        break;
      case "responseCode":
        b.responseCode = name;
        break;
    }
  }
  cache.set(schema, b);
  return b;
}

function present(v: unknown): boolean {
  return v !== undefined && v !== null;
}

// ---------------------------------------------------------------------------------------------
// Writing a message: headers, prefix headers and body (shared by requests, responses, errors)

function writeHeadersAndBody(
  schema: StructureSchema,
  value: Record<string, unknown>,
  opts: JsonCodecOptions,
  fillDefaults: boolean,
  alwaysBody: boolean,
  message: Message,
): { headers: Record<string, string>; body?: Uint8Array | string } {
  const b = bindingsOf(schema, message);
  const headers: Record<string, string> = {};
  // Prefix headers first: a member bound to a specific header wins over the map.
  for (const [name, member, prefix] of b.prefixHeaders) {
    const map = value[name] as Record<string, unknown> | undefined;
    if (!present(map)) continue;
    const target = deref(member.target);
    const valueSchema = target.type === "map" ? deref(target.value) : target;
    for (const key of Object.keys(map!)) {
      const v = map![key];
      if (present(v))
        setOwn(
          headers,
          `${prefix}${key.toLowerCase()}`,
          formatHttpScalar(v, valueSchema, undefined, "header"),
        );
    }
  }
  for (const [name, member, header] of b.headers) {
    const v = value[name];
    if (!present(v)) continue;
    const list = listMember(member);
    if (list) {
      // An empty list is an empty header (RestJsonNullAndEmptyHeaders).
      const items = (v as unknown[]).filter(present);
      const strings = items.map((i) => formatHttpScalar(i, list.schema, list.tsFormat, "header"));
      const isHttpDate =
        list.schema.type === "timestamp" &&
        (list.tsFormat ?? list.schema.format ?? "http-date") === "http-date";
      headers[header] = isHttpDate ? strings.join(", ") : joinHeaderList(strings);
    } else {
      headers[header] = formatHttpScalar(v, deref(member.target), member.timestampFormat, "header");
    }
  }
  let body: Uint8Array | string | undefined;
  if (b.payload) {
    const [name, member] = b.payload;
    const v = value[name];
    const target = deref(member.target);
    if (present(v)) {
      const [payloadBody, contentType] = writePayload(v, member, target, opts);
      body = payloadBody;
      headers["content-type"] ??= contentType;
    } else if (opts.side === "client" && target.type === "structure") {
      // An unset structure payload is still an (empty) JSON object in a request
      // (RestJsonHttpWithEmptyStructurePayload); an unset union or a response has no body.
      body = "{}";
      headers["content-type"] ??= "application/json";
    }
  } else if (b.hasBody || alwaysBody) {
    body = JSON.stringify(writeStructure(value, schema, opts, fillDefaults, message));
    headers["content-type"] ??= "application/json";
  }
  return body === undefined ? { headers } : { headers, body };
}

function writePayload(
  v: unknown,
  member: MemberSchema,
  target: Schema,
  opts: JsonCodecOptions,
): [Uint8Array | string, string] {
  switch (target.type) {
    case "blob":
      return [
        typeof v === "string" ? utf8Encode(v) : (v as Uint8Array),
        target.mediaType ?? "application/octet-stream",
      ];
    case "string":
    case "enum":
      return [String(v), ("mediaType" in target && target.mediaType) || "text/plain"];
    default:
      return [
        JSON.stringify(writeJsonValue(v, member.target, member.timestampFormat, opts)),
        "application/json",
      ];
  }
}

// ---------------------------------------------------------------------------------------------
// Reading a message

function bodyIsEmpty(body: Uint8Array | string | undefined): boolean {
  return body === undefined || body.length === 0;
}

function readHeaders(
  b: Bindings,
  headers: Record<string, string>,
  into: Record<string, unknown>,
  strict = false,
): void {
  for (const [name, member, header] of b.headers) {
    const raw = headers[header];
    if (raw === undefined) continue;
    const list = listMember(member);
    if (list) {
      const isHttpDate =
        list.schema.type === "timestamp" &&
        (list.tsFormat ?? list.schema.format ?? "http-date") === "http-date";
      into[name] = splitHeaderList(raw, isHttpDate).map((item) =>
        parseHttpScalar(item, list.schema, list.tsFormat, "header", `header '${header}'`, strict),
      );
    } else {
      into[name] = parseHttpScalar(
        raw,
        deref(member.target),
        member.timestampFormat,
        "header",
        `header '${header}'`,
        strict,
      );
    }
  }
  for (const [name, member, prefix] of b.prefixHeaders) {
    const target = deref(member.target);
    const valueSchema = target.type === "map" ? deref(target.value) : target;
    const map: Record<string, unknown> = {};
    let any = false;
    for (const h of Object.keys(headers)) {
      if (!h.startsWith(prefix)) continue;
      setOwn(
        map,
        h.slice(prefix.length),
        parseHttpScalar(headers[h]!, valueSchema, undefined, "header", `header '${h}'`, strict),
      );
      any = true;
    }
    if (any) into[name] = map;
  }
}

function readBody(
  schema: StructureSchema,
  b: Bindings,
  body: Uint8Array | string | undefined,
  opts: JsonCodecOptions,
  into: Record<string, unknown>,
): void {
  if (b.payload) {
    const [name, member] = b.payload;
    if (bodyIsEmpty(body)) return;
    const target = deref(member.target);
    if (target.type === "blob") {
      into[name] = typeof body === "string" ? utf8Encode(body) : body;
    } else if (target.type === "string" || target.type === "enum") {
      into[name] = typeof body === "string" ? body : utf8Decode(body!);
    } else {
      const json = parseJson(body);
      if (json === undefined || (opts.side === "server" && isUnsetPayload(json, target))) return;
      into[name] = readJsonValue(json, member.target, member.timestampFormat, opts, name);
    }
    return;
  }
  const json = parseJson(body);
  // Only an empty body means "no members"; `null`, `[]` or a string are not an object.
  readStructure(json === undefined ? {} : json, schema, opts, "", b.message, into);
}

/**
 * A client sends `{}` for an unset structure payload, so a server reads `{}` back as unset
 * (RestJsonHttpWithEmptyStructurePayload), unless the structure has required or default members,
 * for which `{}` says something (and must be validated or filled).
 */
function isUnsetPayload(json: unknown, target: Schema): boolean {
  if (target.type !== "structure" || json === null || typeof json !== "object") return false;
  if (Array.isArray(json) || Object.keys(json).length > 0) return false;
  return Object.values(target.members).every((m) => !m.required && m.default === undefined);
}

function parseJson(body: Uint8Array | string | undefined): unknown {
  try {
    return parseJsonBody(body);
  } catch (e) {
    throw serializationError(`Body is not valid JSON: ${(e as Error).message}`);
  }
}

// ---------------------------------------------------------------------------------------------
// The protocol

function serializeRequest(
  _service: ServiceSchema,
  op: OperationSchema,
  inputObj: object,
): HttpRequestMessage {
  const input = inputObj as Record<string, unknown>;
  const b = bindingsOf(op.input, "request");
  const http = op.http ?? { method: "POST", uri: `/${op.name}`, code: 200 };
  const template = parseUriTemplate(http.uri);
  const labels: Record<string, string> = {};
  for (const [name, member] of b.labels) {
    const v = input[name];
    if (!present(v)) throw new Error(`No value provided for input HTTP label: ${name}.`);
    const s = formatHttpScalar(v, deref(member.target), member.timestampFormat, "label");
    if (s === "") throw new Error(`Empty value provided for input HTTP label: ${name}.`);
    labels[name] = s;
  }
  const query: Record<string, string | string[]> = { ...template.query };
  if (b.queryParams) {
    const map = input[b.queryParams[0]] as Record<string, unknown> | undefined;
    if (present(map)) {
      for (const key of Object.keys(map!)) {
        const v = map![key];
        if (!present(v)) continue;
        setOwn(query, key, Array.isArray(v) ? v.map(String) : String(v));
      }
    }
  }
  for (const [name, member, key] of b.query) {
    const v = input[name];
    if (!present(v)) continue;
    const list = listMember(member);
    query[key] = list
      ? (v as unknown[])
          .filter(present)
          .map((i) => formatHttpScalar(i, list.schema, list.tsFormat, "query"))
      : formatHttpScalar(v, deref(member.target), member.timestampFormat, "query");
  }
  const { headers, body } = writeHeadersAndBody(op.input, input, CLIENT, false, false, "request");
  const request: HttpRequestMessage = {
    method: http.method,
    path: buildPath(template, labels),
    query,
    headers,
  };
  if (body !== undefined) request.body = body;
  if (op.hostPrefix) request.hostPrefix = expandHostPrefix(op, input);
  return request;
}

async function deserializeResponse(
  service: ServiceSchema,
  op: OperationSchema,
  response: HttpResponseMessage,
): Promise<object> {
  if (response.statusCode >= 300) throw readServiceError(service, op, response, readErrorMembers);
  const b = bindingsOf(op.output, "response");
  const out: Record<string, unknown> = {};
  if (b.responseCode) out[b.responseCode] = response.statusCode;
  readHeaders(b, response.headers, out);
  readBody(op.output, b, response.body, CLIENT, out);
  return out;
}

/** Error members travel in headers and the body, as the error's bindings say. */
function readErrorMembers(
  schema: StructureSchema,
  response: HttpResponseMessage,
  body: unknown,
  out: Record<string, unknown>,
): void {
  readHeaders(bindingsOf(schema, "response"), response.headers, out);
  if (body !== undefined) readStructure(body, schema, CLIENT, "", "response", out);
}

function deserializeRequest(
  _service: ServiceSchema,
  op: OperationSchema,
  request: HttpRequestMessage,
): object {
  const b = bindingsOf(op.input, "request");
  const input: Record<string, unknown> = {};
  if (b.labels.length > 0) {
    const labels =
      request.labels ?? matchPath(parseUriTemplate(op.http?.uri ?? `/${op.name}`), request.path);
    if (!labels)
      throw serializationError(`Path '${request.path}' does not match '${op.http?.uri}'`);
    for (const [name, member] of b.labels) {
      const raw = labels[name];
      if (raw !== undefined) {
        input[name] = parseHttpScalar(
          raw,
          deref(member.target),
          member.timestampFormat,
          "label",
          `label '${name}'`,
          true,
        );
      }
    }
  }
  for (const [name, member, key] of b.query) {
    const raw = ownValue(request.query, key);
    if (raw === undefined) continue;
    const list = listMember(member);
    const what = `query parameter '${key}'`;
    if (list) {
      const items = Array.isArray(raw) ? raw : [raw];
      input[name] = items.map((i) =>
        parseHttpScalar(i, list.schema, list.tsFormat, "query", what, true),
      );
    } else {
      if (Array.isArray(raw) && raw.length > 1) throw serializationError(`Repeated ${what}`);
      const one = Array.isArray(raw) ? raw[0]! : raw;
      input[name] = parseHttpScalar(
        one,
        deref(member.target),
        member.timestampFormat,
        "query",
        what,
        true,
      );
    }
  }
  if (b.queryParams) {
    const [name, member] = b.queryParams;
    const target = deref(member.target);
    const valueSchema = target.type === "map" ? deref(target.value) : target;
    const asList = valueSchema.type === "list";
    const map: Record<string, unknown> = {};
    let any = false;
    // Every parameter, those bound to `@httpQuery` members too (RestJsonServersPutAllQueryParamsInMap).
    for (const key of Object.keys(request.query)) {
      const raw = request.query[key]!;
      setOwn(
        map,
        key,
        asList ? (Array.isArray(raw) ? raw : [raw]) : Array.isArray(raw) ? raw[0] : raw,
      );
      any = true;
    }
    if (any) input[name] = map;
  }
  readHeaders(b, request.headers, input, true);
  checkContentType(op.input, b, request);
  checkAccept(op, request.headers.accept);
  readBody(op.input, b, request.body, SERVER, input);
  return input;
}

/**
 * Content-Type rules of the malformed-request tests: a JSON body must say application/json
 * (415 otherwise), a payload its media type, and an operation with no modeled body (Unit input, or
 * only bound members) takes no body at all. An empty input structure tolerates a JSON object.
 */
function checkContentType(schema: StructureSchema, b: Bindings, request: HttpRequestMessage): void {
  const ct = mediaType(request.headers["content-type"]);
  const hasBody = !bodyIsEmpty(request.body);
  const unsupported = () =>
    new ProtocolError(
      "UnsupportedMediaTypeException",
      `Unsupported content type: ${ct ?? "(none)"}`,
      415,
    );
  if (b.payload) {
    const target = deref(b.payload[1].target);
    const expected =
      target.type === "blob"
        ? target.mediaType // a blob without @mediaType accepts any content type
        : target.type === "string"
          ? (target.mediaType ?? "text/plain")
          : target.type === "enum"
            ? "text/plain"
            : "application/json";
    if (hasBody && expected && ct !== expected.toLowerCase()) throw unsupported();
    return;
  }
  if (schema.id === UNIT || (!b.hasBody && !b.noMembers)) {
    // A stray body is refused only when it claims a type; one without is ignored
    // (RestJsonMalformedLengthQueryStringNoValue sends `{}` with no Content-Type).
    if (hasBody && ct !== undefined && ct !== "") throw unsupported();
    return;
  }
  if (hasBody && ct !== "application/json") throw unsupported();
}

/** A Content-Type's media type, lower-cased, without parameters. */
function mediaType(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (header === "application/json") return header; // what clients send, as is
  return header.split(";")[0]!.trim().toLowerCase();
}

/**
 * The answer's Content-Type must be one the client accepts: a JSON body, or a payload's media
 * type (a blob's `@mediaType`, a string's or text/plain). An output with no body (Unit, or only
 * bound members) or a blob payload without `@mediaType` satisfies any Accept.
 */
function checkAccept(op: OperationSchema, accept: string | undefined): void {
  if (accept === undefined) return;
  const b = bindingsOf(op.output, "response");
  let produced: string | undefined;
  if (b.payload) {
    const target = deref(b.payload[1].target);
    produced =
      target.type === "blob"
        ? target.mediaType // a blob without @mediaType satisfies any Accept (…BlobAcceptsAllAccepts)
        : target.type === "string" || target.type === "enum"
          ? ("mediaType" in target && target.mediaType) || "text/plain"
          : "application/json";
  } else if (b.hasBody) {
    produced = "application/json";
  }
  if (produced !== undefined && !acceptable(accept, produced)) {
    throw new ProtocolError(
      "NotAcceptableException",
      `Cannot answer with ${produced}, which the Accept header does not admit`,
      406,
    );
  }
}

function serializeResponse(
  _service: ServiceSchema,
  op: OperationSchema,
  outputObj: object,
): HttpResponseMessage {
  const output = outputObj as Record<string, unknown>;
  const b = bindingsOf(op.output, "response");
  // An operation without output answers with no body at all; an empty structure with `{}`.
  const unit = op.output.id === UNIT;
  const { headers, body } = writeHeadersAndBody(op.output, output, SERVER, true, !unit, "response");
  const code = b.responseCode ? output[b.responseCode] : undefined;
  const statusCode = typeof code === "number" ? code : (op.http?.code ?? 200);
  return body === undefined ? { statusCode, headers } : { statusCode, headers, body };
}

function serializeError(
  _service: ServiceSchema,
  error: StructureSchema,
  value: Record<string, unknown>,
): HttpResponseMessage {
  const { headers, body } = writeHeadersAndBody(error, value, SERVER, true, true, "response");
  headers["x-amzn-errortype"] = shapeName(error.id);
  return body === undefined
    ? { statusCode: errorStatus(error), headers }
    : { statusCode: errorStatus(error), headers, body };
}

/** AWS restJson1 (Security Lake, GuardDuty, Security Hub). */
export const restJson1: Protocol = {
  serializeRequest,
  deserializeResponse,
  deserializeRequest,
  serializeResponse,
  serializeError,
};

/** URI templates, shared by the client, the codec and the server router. */
export {
  buildPath,
  compareTemplates,
  encodeStrict,
  matchPath,
  matchQuery,
  parseUriTemplate,
  splitPath,
} from "./rest-json/uri-template.js";
