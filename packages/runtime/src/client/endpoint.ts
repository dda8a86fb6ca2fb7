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

/** Which of AWS's endpoint variants to use (the SDK's `useFipsEndpoint`, `useDualstackEndpoint`). */
export interface EndpointVariant {
  readonly fips?: boolean;
  readonly dualstack?: boolean;
}

/**
 * The AWS default, as AWS's endpoint rules build it for the aws and aws-cn partitions:
 * `https://<endpointPrefix>[-fips].<region>.<suffix>`, the suffix `amazonaws.com` (`.com.cn` in
 * China), or for dual-stack (IPv4 and IPv6) `api.aws` (`api.amazonwebservices.com.cn`).
 */
export function defaultEndpoint(
  endpointPrefix: string,
  region: string,
  variant: EndpointVariant = {},
): Endpoint {
  const china = region.startsWith("cn-");
  const suffix = variant.dualstack
    ? china
      ? "api.amazonwebservices.com.cn"
      : "api.aws"
    : china
      ? "amazonaws.com.cn"
      : "amazonaws.com";
  const name = variant.fips ? `${endpointPrefix}-fips` : endpointPrefix;
  return { protocol: "https:", hostname: `${name}.${region}.${suffix}`, path: "" };
}
