/**
 * Smithy `@http` URI templates (`/detector/{DetectorId}/filter/{FilterName}`, `/{Key+}`,
 * `/path?type=literal&flag`), compiled once into matchers and ranked so the most specific
 * template wins.
 */

type Segment =
  | { readonly kind: "literal"; readonly text: string }
  | { readonly kind: "label"; readonly name: string }
  | { readonly kind: "greedy"; readonly name: string };

export interface CompiledTemplate {
  readonly template: string;
  readonly segments: readonly Segment[];
  /** Query literals: `?key=value` requires that value, `?key` (value "") requires presence. */
  readonly query: ReadonlyArray<readonly [string, string]>;
  /** Higher is more specific. */
  readonly rank: readonly number[];
}

export function compileTemplate(template: string): CompiledTemplate {
  const q = template.indexOf("?");
  const pathPart = q === -1 ? template : template.slice(0, q);
  const queryPart = q === -1 ? "" : template.slice(q + 1);
  if (!pathPart.startsWith("/"))
    throw new TypeError(`URI template must start with "/": ${template}`);
  const segments: Segment[] = splitPath(pathPart).map((text) => {
    const m = /^\{([^{}+]+)(\+?)\}$/.exec(text);
    if (m) return m[2] ? { kind: "greedy", name: m[1]! } : { kind: "label", name: m[1]! };
    if (text.includes("{"))
      throw new TypeError(`Unsupported URI template segment "${text}": ${template}`);
    return { kind: "literal", text: safeDecode(text) ?? text };
  });
  const query = queryPart
    .split("&")
    .filter((pair) => pair !== "")
    .map((pair): [string, string] => {
      const eq = pair.indexOf("=");
      return eq === -1 ? [pair, ""] : [pair.slice(0, eq), pair.slice(eq + 1)];
    });
  const literals = segments.filter((s) => s.kind === "literal").length;
  const greedy = segments.some((s) => s.kind === "greedy") ? 1 : 0;
  // Literal segments beat labels, labels beat greedy labels, query literals break ties; then
  // longer templates first, so `/a/{b}/c` is tried before `/a/{b+}`.
  return { template, segments, query, rank: [literals, -greedy, query.length, segments.length] };
}

/** Splits a path into its segments; `/` is no segment, a trailing `/` adds none. */
export function splitPath(path: string): string[] {
  const parts = path.split("/").slice(1);
  if (parts.length > 0 && parts[parts.length - 1] === "") parts.pop();
  return parts;
}

export function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/**
 * Matches a request path (already split, still percent-encoded) and query against a template;
 * returns the decoded label values, or undefined.
 */
export function matchTemplate(
  compiled: CompiledTemplate,
  pathSegments: readonly string[],
  query: Readonly<Record<string, string | string[]>>,
): Record<string, string> | undefined {
  const labels: Record<string, string> = {};
  const { segments } = compiled;
  let i = 0;
  for (let s = 0; s < segments.length; s++) {
    const segment = segments[s]!;
    if (segment.kind === "greedy") {
      // A greedy label takes one or more segments, leaving enough for the literals after it.
      const rest = segments.length - s - 1;
      const take = pathSegments.length - i - rest;
      if (take < 1) return undefined;
      const parts = pathSegments.slice(i, i + take).map(safeDecode);
      if (parts.some((p) => p === undefined || p === "")) return undefined;
      labels[segment.name] = parts.join("/");
      i += take;
      continue;
    }
    const raw = pathSegments[i++];
    if (raw === undefined) return undefined;
    const decoded = safeDecode(raw);
    if (decoded === undefined) return undefined;
    if (segment.kind === "literal") {
      if (decoded !== segment.text) return undefined;
    } else {
      if (decoded === "") return undefined;
      labels[segment.name] = decoded;
    }
  }
  if (i !== pathSegments.length) return undefined;
  for (const [key, literal] of compiled.query) {
    const got = query[key];
    if (got === undefined) return undefined;
    if (literal !== "" && !(Array.isArray(got) ? got.includes(literal) : got === literal)) {
      return undefined;
    }
  }
  return labels;
}

export function compareRank(a: CompiledTemplate, b: CompiledTemplate): number {
  for (let k = 0; k < a.rank.length; k++) {
    const d = b.rank[k]! - a.rank[k]!;
    if (d !== 0) return d;
  }
  return a.template < b.template ? -1 : a.template > b.template ? 1 : 0;
}
