import type { ServiceSchema } from "../schema.js";

/** The runtime's version, written in by its build (scripts/bundle.mjs); absent in its sources. */
declare const __DOCSMITH_VERSION__: string | undefined;

/** `customUserAgent`, as AWS SDK v3 takes it: text, or `[name, version?]` pairs. */
export type CustomUserAgent = string | ReadonlyArray<readonly [string, string?]>;

/** Characters a user-agent token keeps (RFC 9110 tchar); others become `-`, as the SDK does. */
const UNSAFE = /[^!#$%&'*+\-.^_`|~\w]/g;

function token(text: string): string {
  return text.replace(UNSAFE, "-");
}

/**
 * What the client says it is, AWS SDK style: `docsmith-js/<version> ua/2.1 api/<service>#<api
 * version> lang/js md/nodejs#<node version> os/<platform>`, then the caller's own parts. Sent as
 * `x-amz-user-agent` (browsers refuse to set User-Agent) and, on Node, as `user-agent` too.
 */
export function userAgent(service: ServiceSchema, custom?: CustomUserAgent): string {
  const version = typeof __DOCSMITH_VERSION__ === "string" ? __DOCSMITH_VERSION__ : "dev";
  const parts = [
    `docsmith-js/${version}`,
    "ua/2.1",
    `api/${token(service.sdkId.toLowerCase().replace(/\s+/g, "-"))}#${token(service.version)}`,
    "lang/js",
  ];
  const node = nodeProcess();
  if (node) parts.push(`md/nodejs#${node.versions.node}`, `os/${node.platform}`);
  if (typeof custom === "string" && custom.trim() !== "") parts.push(custom.trim());
  else if (Array.isArray(custom)) {
    for (const [name, value] of custom) {
      parts.push(value === undefined ? token(name) : `${token(name)}/${token(value)}`);
    }
  }
  return parts.join(" ");
}

/** Whether this runtime lets a request carry its own User-Agent (Node does; browsers do not). */
export function canSetUserAgent(): boolean {
  return nodeProcess() !== undefined;
}

/** Node's `process`, or undefined in browsers and other runtimes. */
function nodeProcess(): { versions: { node: string }; platform: string } | undefined {
  const p = (globalThis as { process?: { versions?: { node?: string }; platform?: string } })
    .process;
  return p?.versions?.node
    ? { versions: { node: p.versions.node }, platform: String(p.platform) }
    : undefined;
}
