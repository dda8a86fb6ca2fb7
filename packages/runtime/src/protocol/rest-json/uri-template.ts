/**
 * Smithy `@http(uri)` templates: `/things/{thingId}/files/{path+}?fixed=1&flag`. Labels are whole
 * path segments; a greedy label (`{x+}`) spans one or more segments and keeps its `/`. The one
 * implementation behind the client (building paths), the server router (ranking and matching
 * templates) and the restJson1 codec (reading labels), so they cannot disagree.
 */
export type UriSegment =
  | {
      /** As written in the template (what requests carry). */
      readonly literal: string;
      /** Percent-decoded (what a request's decoded segment is compared with). */
      readonly decoded: string;
    }
  | { readonly label: string; readonly greedy: boolean };

export interface UriTemplate {
  readonly uri: string;
  readonly segments: readonly UriSegment[];
  /** Query parameters fixed by the template, e.g. `?fixed=1&flag` -> { fixed: "1", flag: "" }. */
  readonly query: Readonly<Record<string, string>>;
  readonly trailingSlash: boolean;
  /**
   * Specificity, compared element by element, higher first: literal segments, no greedy label,
   * query literals, segments. So `/a/{b}/c` is tried before `/a/{b+}`, `/list?type=v2` before
   * `/list`.
   */
  readonly rank: readonly number[];
}

const cache = new Map<string, UriTemplate>();

/** Parses (once per distinct URI) a template; throws a TypeError for one no request can match. */
export function parseUriTemplate(uri: string): UriTemplate {
  let parsed = cache.get(uri);
  if (parsed) return parsed;
  const q = uri.indexOf("?");
  const pathPart = q >= 0 ? uri.slice(0, q) : uri;
  if (!pathPart.startsWith("/")) throw new TypeError(`URI template must start with "/": ${uri}`);
  const query: Record<string, string> = {};
  let queryLiterals = 0;
  if (q >= 0) {
    for (const pair of uri.slice(q + 1).split("&")) {
      if (!pair) continue;
      const eq = pair.indexOf("=");
      const key = decodeOr(eq >= 0 ? pair.slice(0, eq) : pair);
      Object.defineProperty(query, key, {
        value: eq >= 0 ? decodeOr(pair.slice(eq + 1)) : "",
        enumerable: true,
      });
      queryLiterals++;
    }
  }
  let literals = 0;
  let greedy = 0;
  const segments = splitPath(pathPart).map((s): UriSegment => {
    const m = /^\{([^{}+]+)(\+)?\}$/.exec(s);
    if (m) {
      if (m[2]) greedy = 1;
      return { label: m[1]!, greedy: m[2] === "+" };
    }
    if (s.includes("{") || s.includes("}")) {
      throw new TypeError(`Unsupported URI template segment "${s}": ${uri}`);
    }
    literals++;
    return { literal: s, decoded: decodeOr(s) };
  });
  parsed = {
    uri,
    segments,
    query,
    trailingSlash: pathPart.length > 1 && pathPart.endsWith("/"),
    rank: [literals, -greedy, queryLiterals, segments.length],
  };
  cache.set(uri, parsed);
  return parsed;
}

/** Orders templates most specific first (then by URI, so the order is stable). */
export function compareTemplates(a: UriTemplate, b: UriTemplate): number {
  for (let k = 0; k < a.rank.length; k++) {
    const d = b.rank[k]! - a.rank[k]!;
    if (d !== 0) return d;
  }
  return a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0;
}

/** RFC 3986 percent-encoding: everything but unreserved characters (as SigV4 encodes). */
export function encodeStrict(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** The path for `labels` (already strings); greedy labels keep `/` between encoded segments. */
export function buildPath(template: UriTemplate, labels: Record<string, string>): string {
  let path = "";
  for (const seg of template.segments) {
    if ("literal" in seg) {
      path += `/${seg.literal}`;
      continue;
    }
    const value = labels[seg.label]!;
    path += `/${seg.greedy ? value.split("/").map(encodeStrict).join("/") : encodeStrict(value)}`;
  }
  if (path === "") return "/";
  return template.trailingSlash ? `${path}/` : path;
}

/** A path's segments, still percent-encoded: `/` has none, a trailing `/` adds none. */
export function splitPath(path: string): string[] {
  const parts = path.split("/").slice(1);
  if (parts.length > 0 && parts[parts.length - 1] === "") parts.pop();
  return parts;
}

function decodeSegment(s: string): string | undefined {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
}

function decodeOr(s: string): string {
  return decodeSegment(s) ?? s;
}

/**
 * Matches a request path against a template: the decoded label values (in a prototype-free
 * record), or undefined when the path does not fit. `path` is the percent-encoded path without
 * the query, or its `splitPath` segments. Every label needs a non-empty value; a greedy label
 * takes one or more non-empty segments, leaving enough for the rest of the template; an empty
 * inner segment (`/a//b`) matches nothing.
 */
export function matchPath(
  template: UriTemplate,
  path: string | readonly string[],
): Record<string, string> | undefined {
  return matchDecodedPath(template, decodePath(typeof path === "string" ? splitPath(path) : path));
}

/**
 * A path's `splitPath` segments percent-decoded, `undefined` for a segment whose encoding is
 * invalid (it matches no literal and is no label value). A router decodes once for all
 * templates, with `matchDecodedPath`.
 */
export function decodePath(parts: readonly string[]): Array<string | undefined> {
  return parts.map(decodeSegment);
}

/** `matchPath` on segments `decodePath` decoded. */
export function matchDecodedPath(
  template: UriTemplate,
  parts: readonly (string | undefined)[],
): Record<string, string> | undefined {
  const segs = template.segments;
  const labels: Record<string, string> = Object.create(null);
  let i = 0;
  for (let s = 0; s < segs.length; s++) {
    const seg = segs[s]!;
    if ("literal" in seg) {
      if (i >= parts.length || parts[i++] !== seg.decoded) return undefined;
      continue;
    }
    if (!seg.greedy) {
      const v = parts[i++];
      if (v === undefined || v === "") return undefined;
      labels[seg.label] = v;
      continue;
    }
    const take = parts.length - i - (segs.length - s - 1);
    if (take < 1) return undefined;
    let v = "";
    for (let k = i; k < i + take; k++) {
      const d = parts[k];
      if (d === undefined || d === "") return undefined;
      v = k === i ? d : `${v}/${d}`;
    }
    labels[seg.label] = v;
    i += take;
  }
  return i === parts.length ? labels : undefined;
}

/** Each template's fixed query keys, listed once rather than for every request it is tried on. */
const queryKeys = new WeakMap<UriTemplate, readonly string[]>();

/**
 * Whether the request's (decoded) query has every parameter the template fixes: `?k=v` needs
 * that value (among repeated ones), `?k` only the parameter's presence.
 */
export function matchQuery(
  template: UriTemplate,
  query: Readonly<Record<string, string | string[]>>,
): boolean {
  let keys = queryKeys.get(template);
  if (!keys) {
    keys = Object.keys(template.query);
    queryKeys.set(template, keys);
  }
  for (const key of keys) {
    const want = template.query[key]!;
    const got = Object.hasOwn(query, key) ? query[key] : undefined;
    if (got === undefined) return false;
    if (want !== "" && (Array.isArray(got) ? !got.includes(want) : got !== want)) return false;
  }
  return true;
}
