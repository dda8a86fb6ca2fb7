/** What `docsmith serve` was asked to do. */
export interface ServeArgs {
  /** Service folder names under packages/, or "all". */
  readonly target: string;
  readonly port: number;
  readonly host: string;
  /** Path of the credentials file when SigV4 verification is on. */
  readonly credentials?: string;
  /** `--no-cors`: refuse browsers on other origins (by default any origin may call). */
  readonly noCors?: true;
}

export const SERVE_USAGE =
  "usage: docsmith serve <svc>|all [--port N] [--host 127.0.0.1] [--auth sigv4 --credentials FILE] [--no-cors]";

export const DEFAULT_PORT = 8080;
export const DEFAULT_HOST = "127.0.0.1";

/** Parses the arguments; a string is the usage error to print (exit code 2). */
export function parseServeArgs(args: readonly string[]): ServeArgs | { help: true } | string {
  let target: string | undefined;
  let port = DEFAULT_PORT;
  let host = DEFAULT_HOST;
  let auth: string | undefined;
  let credentials: string | undefined;
  let noCors = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const eq = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const value = (): string => {
      const v = eq > 0 ? arg.slice(eq + 1) : args[++i];
      if (v === undefined || v === "" || (eq < 0 && v.startsWith("--"))) {
        throw new UsageError(`${name} needs a value`);
      }
      return v;
    };
    try {
      switch (name) {
        case "--help":
        case "-h":
          return { help: true };
        case "--port": {
          const v = value();
          if (!/^\d{1,5}$/.test(v) || Number(v) > 65535) {
            return `--port must be a port number (0-65535; 0 picks a free one), got '${v}'`;
          }
          port = Number(v);
          break;
        }
        case "--host":
          host = value();
          break;
        case "--auth":
          auth = value();
          if (auth !== "sigv4") return `--auth must be sigv4, got '${auth}'`;
          break;
        case "--credentials":
          credentials = value();
          break;
        case "--no-cors":
          noCors = true;
          break;
        default:
          if (arg.startsWith("-")) return `unknown option '${arg}'`;
          if (target !== undefined) return `one service (or all), got '${target}' and '${arg}'`;
          target = arg;
      }
    } catch (e) {
      if (e instanceof UsageError) return e.message;
      throw e;
    }
  }
  if (target === undefined) return "name a service, or all";
  if (auth && !credentials) return "--auth sigv4 needs --credentials FILE";
  if (credentials && !auth) return "--credentials needs --auth sigv4";
  return {
    target,
    port,
    host,
    ...(credentials ? { credentials } : {}),
    ...(noCors ? { noCors: true as const } : {}),
  };
}

class UsageError extends Error {}
