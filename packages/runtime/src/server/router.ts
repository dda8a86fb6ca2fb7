import {
  compareTemplates,
  matchPath,
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
  const routes: Array<{ method: string; template: UriTemplate; op: OperationSchema }> = [];
  for (const op of Object.values(operations)) {
    if (!op.http) throw new TypeError(`restJson1 operation ${op.name} has no @http trait`);
    routes.push({
      method: op.http.method.toUpperCase(),
      template: parseUriTemplate(op.http.uri),
      op,
    });
  }
  routes.sort((a, b) => compareTemplates(a.template, b.template));
  return ({ method, path, query }) => {
    const segments = splitPath(path);
    const allowed = new Set<string>();
    for (const route of routes) {
      if (!matchQuery(route.template, query)) continue;
      const labels = matchPath(route.template, segments);
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

function shapeNameOf(id: string): string {
  return id.slice(id.indexOf("#") + 1);
}

/** Echoed request text stays short: error messages must not amplify what the client sent. */
export function truncate(text: string, max = 200): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
