import { shapeName } from "../emit/naming.js";
import { trait } from "../emit/service-view.js";
import type { ServiceAnswers } from "./service-answers.js";
import type { FetchHandler } from "./service-package.js";

/** One service behind the shared port of `docsmith serve all`. */
export interface RoutedService {
  readonly answers: ServiceAnswers;
  readonly handler: FetchHandler;
}

interface Route {
  readonly method: string;
  /** Path segments: a literal, `{label}` or `{label+}` (greedy). */
  readonly segments: readonly string[];
}

/**
 * One Fetch handler in front of several services' handlers. A request goes to:
 * 1. the service its SigV4 credential scope names (`Credential=AKID/DATE/REGION/SERVICE/aws4_request`
 *    in the Authorization header, or the presigned `X-Amz-Credential` query parameter);
 * 2. else, with an `X-Amz-Target` header, the awsJson service whose target prefix it starts with;
 * 3. else the restJson service with an `@http` route matching the method and path (a route
 *    matching the path only comes second, so the right service answers 405);
 * 4. else the first service, which answers as AWS does for an unknown operation.
 * The chosen service's handler does everything else (validation, authentication, logging).
 */
export function routeAll(services: readonly RoutedService[]): FetchHandler {
  if (services.length === 0) throw new Error("routeAll needs at least one service");
  const bySigningName = new Map(services.map((s) => [s.answers.view.signingName, s]));
  const byTarget = new Map(
    services
      .filter((s) => s.answers.view.protocol !== "restJson1")
      .map((s) => [shapeName(s.answers.view.id), s]),
  );
  const rest = services
    .filter((s) => s.answers.view.protocol === "restJson1")
    .map((s) => ({ service: s, routes: restRoutes(s.answers) }));
  const pick = (request: Request): RoutedService => {
    const scope = credentialScopeService(request);
    const signed = scope ? bySigningName.get(scope) : undefined;
    if (signed) return signed;
    const target = request.headers.get("x-amz-target");
    if (target !== null) {
      const prefix = target.slice(0, Math.max(target.lastIndexOf("."), 0));
      return byTarget.get(prefix) ?? [...byTarget.values()][0] ?? services[0]!;
    }
    let path: string[];
    try {
      path = new URL(request.url).pathname.split("/").slice(1);
    } catch {
      return services[0]!;
    }
    const method = request.method.toUpperCase();
    const full = rest.find((r) =>
      r.routes.some((route) => route.method === method && matches(route, path)),
    );
    if (full) return full.service;
    const pathOnly = rest.find((r) => r.routes.some((route) => matches(route, path)));
    return pathOnly?.service ?? services[0]!;
  };
  return (request: Request) => pick(request).handler(request);
}

/** The service name of a request's SigV4 credential scope, if it has one. */
export function credentialScopeService(request: Request): string | undefined {
  const header = request.headers.get("authorization");
  let credential = header ? /Credential=([^,\s]+)/.exec(header)?.[1] : undefined;
  if (!credential) {
    try {
      credential = new URL(request.url).searchParams.get("X-Amz-Credential") ?? undefined;
    } catch {
      return undefined;
    }
  }
  const parts = credential?.split("/");
  return parts && parts.length === 5 ? parts[3] : undefined;
}

function restRoutes(answers: ServiceAnswers): Route[] {
  return answers.view.operations.flatMap((op) => {
    const http = trait<{ method: string; uri: string }>(op.shape.traits, "http");
    if (!http) return [];
    const path = http.uri.split("?")[0]!;
    return [{ method: http.method.toUpperCase(), segments: path.split("/").slice(1) }];
  });
}

function matches(route: Route, path: readonly string[]): boolean {
  for (const [n, segment] of route.segments.entries()) {
    if (/^\{.+\+\}$/.test(segment)) return path.length > n && path.slice(n).join("/") !== "";
    if (n >= path.length) return false;
    if (/^\{.+\}$/.test(segment)) {
      if (path[n] === "") return false;
    } else if (segment !== path[n]) {
      return false;
    }
  }
  return path.length === route.segments.length;
}
