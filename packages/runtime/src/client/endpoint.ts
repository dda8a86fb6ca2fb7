import type { Endpoint, Provider } from "@smithy/types";

/** What `endpoint` may be in the client config, as in the AWS SDK. */
export type EndpointInput = string | URL | Endpoint | Provider<string | URL | Endpoint>;

/** A URL-ish endpoint as the request's protocol/hostname/port/base path. */
export function toEndpoint(input: string | URL | Endpoint): Endpoint {
  if (typeof input === "string" || input instanceof URL) {
    const url = typeof input === "string" ? new URL(input) : input;
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      throw new Error(`Endpoint must be an http(s) URL, got '${url.href}'`);
    }
    return {
      protocol: url.protocol,
      hostname: url.hostname,
      port: url.port ? Number(url.port) : undefined,
      path: url.pathname === "/" ? "" : url.pathname.replace(/\/$/, ""),
    };
  }
  return { ...input, path: input.path === "/" ? "" : (input.path ?? "").replace(/\/$/, "") };
}

/** The AWS default: `https://<endpointPrefix>.<region>.amazonaws.com` (`.com.cn` in China). */
export function defaultEndpoint(endpointPrefix: string, region: string): Endpoint {
  const suffix = region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
  return { protocol: "https:", hostname: `${endpointPrefix}.${region}.${suffix}`, path: "" };
}
