import {
  compareTemplates,
  decodePath,
  matchDecodedPath,
  matchQuery,
  parseUriTemplate,
  splitPath,
  type UriTemplate,
} from "../protocol/rest-json/uri-template.js";
import type { OperationSchema, ServiceSchema } from "../schema.js";
import { reject } from "./error-answers.js";

export interface RouteInput {
  readonly method: string;
  /** Path without query, percent-encoded as sent. */
  readonly path: string;
  readonly query: Readonly<Record<string, string | string[]>>;
  readonly headers: Readonly<Record<string, string>>;
}

export interface Route {
  readonly op: OperationSchema;
  /** restJson1: the decoded label values. */
  readonly labels: Record<string, string>;
}

/** Finds the operation a request is for, or throws the Rejection AWS would answer with. */
export type Router = (request: RouteInput) => Route;

export function compileRouter(
  service: ServiceSchema,
  operations: Readonly<Record<string, OperationSchema>>,
): Router {
  return service.protocol === "restJson1"
    ? restJsonRouter(operations)
    : awsJsonRouter(service, operations);
}

/**
 * awsJson1_0 / awsJson1_1: `POST /` with `X-Amz-Target: <targetPrefix>.<Operation>`.
 * Unknown or missing targets get 400 UnknownOperationException, as AWS's JSON front end answers;
 * any other path 404 and any other method 405 (with the same error type).
 */
function awsJsonRouter(
  service: ServiceSchema,
  operations: Readonly<Record<string, OperationSchema>>,
): Router {
  const prefix = service.targetPrefix ?? shapeNameOf(service.id);
  const byTarget = new Map<string, OperationSchema>();
  for (const op of Object.values(operations)) byTarget.set(`${prefix}.${op.name}`, op);
  return ({ method, path, headers }) => {
    if (path !== "/")
      throw reject("UnknownOperationException", 404, `No operation at ${truncate(path)}`);
    if (method !== "POST") {
      throw reject("UnknownOperationException", 405, `Method ${truncate(method)} is not allowed`, {
        allow: "POST",
      });
    }
    const target = headers["x-amz-target"];
    if (target === undefined || target === "") {
      throw reject("UnknownOperationException", 400, "Missing X-Amz-Target header");
    }
    const op = byTarget.get(target);
    if (!op)
      throw reject("UnknownOperationException", 400, `Unknown operation ${truncate(target)}`);
    return { op, labels: {} };
  };
}

/**
 * restJson1: method + URI template, most specific template first. A path no template matches
 * gets 404 UnknownOperationException; a path that matches only under other methods gets 405
 * with an `Allow` header.
 */
function restJsonRouter(operations: Readonly<Record<string, OperationSchema>>): Router {
  const routes: RestRoute[] = [];
  for (const op of Object.values(operations)) {
    if (!op.http) throw new TypeError(`restJson1 operation ${op.name} has no @http trait`);
    routes.push({
      method: op.http.method.toUpperCase(),
      template: parseUriTemplate(op.http.uri),
      op,
    });
  }
  routes.sort((a, b) => compareTemplates(a.template, b.template));
  const candidates = byFirstSegment(routes);
  return ({ method, path, query }) => {
    const segments = decodePath(splitPath(path));
    const first = segments[0];
    const allowed = new Set<string>();
    for (const route of (first !== undefined && candidates.byLiteral.get(first)) ||
      candidates.others) {
      if (!matchQuery(route.template, query)) continue;
      const labels = matchDecodedPath(route.template, segments);
      if (!labels) continue;
      if (route.method === method) return { op: route.op, labels };
      allowed.add(route.method);
    }
    if (allowed.size > 0) {
      throw reject(
        "UnknownOperationException",
        405,
        `Method ${truncate(method)} is not allowed on ${truncate(path)}`,
        { allow: [...allowed].sort().join(", ") },
      );
    }
    throw reject(
      "UnknownOperationException",
      404,
      `No operation matches ${truncate(method)} ${truncate(path)}`,
    );
  };
}

interface RestRoute {
  readonly method: string;
  readonly template: UriTemplate;
  readonly op: OperationSchema;
}

/**
 * The routes a path can match, by its first (decoded) segment, each list still most specific
 * first: a template that starts with another literal can never match, so a service of a hundred
 * operations tries a handful of templates per request instead of all of them. `others` (the
 * templates that start with a label, or have no segment) is what a path whose first segment
 * no template starts with can match.
 */
function byFirstSegment(routes: readonly RestRoute[]): {
  byLiteral: Map<string, RestRoute[]>;
  others: RestRoute[];
} {
  const firstLiteral = (route: RestRoute): string | undefined => {
    const first = route.template.segments[0];
    return first !== undefined && "literal" in first ? first.decoded : undefined;
  };
  const others = routes.filter((route) => firstLiteral(route) === undefined);
  const byLiteral = new Map<string, RestRoute[]>();
  for (const route of routes) {
    const literal = firstLiteral(route);
    if (literal === undefined || byLiteral.has(literal)) continue;
    byLiteral.set(
      literal,
      routes.filter((r) => {
        const other = firstLiteral(r);
        return other === undefined || other === literal;
      }),
    );
  }
  return { byLiteral, others };
}

function shapeNameOf(id: string): string {
  return id.slice(id.indexOf("#") + 1);
}

/** Echoed request text stays short: error messages must not amplify what the client sent. */
export function truncate(text: string, max = 200): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
