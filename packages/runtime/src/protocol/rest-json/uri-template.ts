/**
 * Smithy `@http(uri)` templates: `/things/{thingId}/files/{path+}?fixed=1`. Labels are whole
 * path segments; a greedy label (`{x+}`) spans one or more segments and keeps its `/`.
 */
export type UriSegment =
  | { readonly literal: string }
  | { readonly label: string; readonly greedy: boolean };

export interface UriTemplate {
  readonly segments: readonly UriSegment[];
  /** Query parameters fixed by the template, e.g. `?fixed=1&flag` -> { fixed: "1", flag: "" }. */
  readonly query: Readonly<Record<string, string>>;
  readonly trailingSlash: boolean;
}

const cache = new Map<string, UriTemplate>();

export function parseUriTemplate(uri: string): UriTemplate {
  let parsed = cache.get(uri);
  if (parsed) return parsed;
  const q = uri.indexOf("?");
  const pathPart = q >= 0 ? uri.slice(0, q) : uri;
  const query: Record<string, string> = {};
  if (q >= 0) {
    for (const pair of uri.slice(q + 1).split("&")) {
      if (!pair) continue;
      const eq = pair.indexOf("=");
      query[decodeURIComponent(eq >= 0 ? pair.slice(0, eq) : pair)] =
        eq >= 0 ? decodeURIComponent(pair.slice(eq + 1)) : "";
    }
  }
  const segments = pathPart
    .split("/")
    .filter((s) => s !== "")
    .map((s): UriSegment => {
      const m = /^\{([^}+]+)(\+)?\}$/.exec(s);
      return m ? { label: m[1]!, greedy: m[2] === "+" } : { literal: s };
    });
  parsed = { segments, query, trailingSlash: pathPart.length > 1 && pathPart.endsWith("/") };
  cache.set(uri, parsed);
  return parsed;
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

function decodeSegment(s: string): string | undefined {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
}

/**
 * Matches a request path (percent-encoded, no query) against a template: the decoded label
 * values, or undefined when the path does not fit.
 */
export function matchPath(template: UriTemplate, path: string): Record<string, string> | undefined {
  const parts = path.split("/").filter((s) => s !== "");
  const segs = template.segments;
  const labels: Record<string, string> = {};
  let i = 0;
  for (let s = 0; s < segs.length; s++) {
    const seg = segs[s]!;
    if ("literal" in seg) {
      if (parts[i] === undefined || decodeSegment(parts[i]!) !== decodeSegment(seg.literal))
        return undefined;
      i++;
      continue;
    }
    if (!seg.greedy) {
      if (parts[i] === undefined) return undefined;
      const v = decodeSegment(parts[i]!);
      if (v === undefined || v === "") return undefined;
      labels[seg.label] = v;
      i++;
      continue;
    }
    // A greedy label takes every segment the rest of the template does not need.
    const rest = segs.length - s - 1;
    const take = parts.length - i - rest;
    if (take < 1) return undefined;
    const v = decodeSegment(parts.slice(i, i + take).join("/"));
    if (v === undefined) return undefined;
    labels[seg.label] = v;
    i += take;
  }
  return i === parts.length ? labels : undefined;
}

/** Whether the request's query has every parameter the template fixes. */
export function matchQuery(
  template: UriTemplate,
  query: Record<string, string | string[]>,
): boolean {
  for (const key in template.query) {
    const want = template.query[key]!;
    const got = query[key];
    if (got === undefined) return false;
    if (want !== "" && (Array.isArray(got) ? !got.includes(want) : got !== want)) return false;
  }
  return true;
}
