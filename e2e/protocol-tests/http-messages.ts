import type { HttpRequest } from "@smithy/types";

/**
 * A Fetch Request as a test case writes one: `uri` is the path (percent-encoded), `queryParams`
 * are `key=value` strings already encoded.
 */
export function fetchRequest(def: {
  method: string;
  uri: string;
  host?: string;
  queryParams?: readonly string[];
  headers?: Readonly<Record<string, string>>;
  body?: string;
}): Request {
  const query = def.queryParams?.length ? `?${def.queryParams.join("&")}` : "";
  const url = `http://${def.host ?? "localhost"}${def.uri}${query}`;
  const method = def.method.toUpperCase();
  // Bytes, not a string: Fetch would add `Content-Type: text/plain` to a string body.
  const body =
    def.body === undefined || def.body === "" ? undefined : new TextEncoder().encode(def.body);
  if (body !== undefined && (method === "GET" || method === "HEAD")) {
    throw new Error(`a Fetch ${method} request cannot carry the case's body`);
  }
  return new Request(url, { method, headers: { ...def.headers }, body });
}

/** A Fetch Request carrying a request the client built (as a transport would send it). */
export function fetchRequestOf(request: HttpRequest): Request {
  const search = queryString(request.query ?? {});
  const url = `http://localhost${request.path}${search ? `?${search}` : ""}`;
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (name.toLowerCase() !== "host" && name.toLowerCase() !== "content-length") {
      headers.set(name, value);
    }
  }
  const method = request.method.toUpperCase();
  const raw = request.body as string | Uint8Array | undefined;
  // Bytes, not a string: Fetch would add `Content-Type: text/plain` to a string body.
  const bytes = typeof raw === "string" ? new TextEncoder().encode(raw) : raw;
  const body = method === "GET" || method === "HEAD" ? undefined : (bytes as BodyInit | undefined);
  return new Request(url, { method, headers, body });
}

function queryString(query: Readonly<Record<string, string | string[] | null>>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === null || value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      parts.push(`${strict(key)}=${strict(item)}`);
    }
  }
  return parts.join("&");
}

/** RFC 3986 percent-encoding of everything but unreserved characters. */
function strict(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** A Fetch Response's parts as they go on the wire, header names lower-cased. */
export async function responseParts(
  response: Response,
): Promise<{ status: number; headers: Record<string, string>; body: Uint8Array }> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const body = new Uint8Array(await response.arrayBuffer());
  // A Fetch Response leaves Content-Length to the transport, which sends the body's length.
  headers["content-length"] ??= String(body.byteLength);
  return { status: response.status, headers, body };
}

/** Why the server answered as it did, from its log line (internal failures carry a detail). */
export function serverDetail(log: readonly string[]): string {
  const last = log[log.length - 1];
  const match = last?.match(/ms ("(?:[^"\\]|\\.)*")$/);
  if (!match) return "";
  try {
    return ` [server: ${JSON.parse(match[1]!) as string}]`;
  } catch {
    return "";
  }
}
