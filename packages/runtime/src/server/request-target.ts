// The node adapter's view of a request target (`req.url`) without building a WHATWG URL per
// request (about 1 µs and two objects each): a plain origin-form target is split at its `?`;
// anything a URL parser would rewrite goes through `new URL` as before.

import { charTable } from "./char-table.js";

/**
 * Characters a WHATWG URL keeps as they are in the path of an http URL: unreserved and
 * sub-delim characters, `:`, `@`, `/` and `%` (no space, quote, `#`, backslash, `<>`, `` ` ``,
 * `{}`, non-ASCII or control characters, which the parser percent-encodes or treats specially).
 * In the query `?` is kept too, and `'` is not (http URLs encode it there).
 */
const PATH_CHARS = /* @__PURE__ */ charTable(
  "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@/%",
);
const QUERY_CHARS = /* @__PURE__ */ charTable(
  "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&()*+,;=:@/%?",
);

/** `.` and `..` segments (also written `%2e`), which a URL parser resolves away. */
const DOT_SEGMENT = /(?:^|\/)(?:\.|%2e){1,2}(?:\/|$)/i;
/** A Host header that can stand in a URL's authority. */
const PLAUSIBLE_HOST = /^[A-Za-z0-9.\-_:[\]]{1,255}$/;

export interface TargetParts {
  /** As `URL.pathname`. */
  readonly path: string;
  /** As `URL.search` without the `?`. */
  readonly search: string;
}

/** `path` and `search` of a request target, equal to those of `requestUrl(target, host)`. */
export function targetParts(target: string, host: string | undefined): TargetParts {
  const plain = plainParts(target);
  if (plain) return plain;
  const url = requestUrl(target, host);
  return { path: url.pathname, search: url.search.slice(1) };
}

/** The parts of an origin-form target a URL parser would keep as they are; else undefined. */
function plainParts(target: string): TargetParts | undefined {
  if (target.charCodeAt(0) !== 47 /* / */) return undefined;
  let mark = -1;
  let dots = false;
  for (let i = 1; i < target.length; i++) {
    const c = target.charCodeAt(i);
    if (mark < 0) {
      if (c === 63 /* ? */) mark = i;
      else if (c >= 128 || PATH_CHARS[c] === 0) return undefined;
      else if (c === 46 /* . */ || c === 37 /* % */) dots = true;
    } else if (c >= 128 || QUERY_CHARS[c] === 0) return undefined;
  }
  const path = mark < 0 ? target : target.slice(0, mark);
  // Only a path with a dot or a percent sign can hold a dot segment.
  if (dots && DOT_SEGMENT.test(path)) return undefined;
  return { path, search: mark < 0 ? "" : target.slice(mark + 1) };
}

/** The request's URL; the Host header is used only when it is a plausible host. */
export function requestUrl(rawTarget: string, host: string | undefined): URL {
  let target = rawTarget;
  if (!target.startsWith("/")) {
    try {
      const absolute = new URL(target);
      target = absolute.pathname + absolute.search;
      // A scheme without authority (`a:b`) has a path without `/`, which no host can precede.
      if (!target.startsWith("/")) target = `/${target}`;
    } catch {
      target = `/${target}`;
    }
  }
  if (host !== undefined && PLAUSIBLE_HOST.test(host)) {
    try {
      return new URL(`http://${host}${target}`);
    } catch {
      // An invalid port or the like: fall through to localhost.
    }
  }
  return new URL(`http://localhost${target}`);
}
