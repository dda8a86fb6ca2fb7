// Node's checks of response headers (`validateHeaderName`, `validateHeaderValue`) as loops over
// character codes: on the few short headers of an answer, a regular expression call costs more
// than the check itself. The node adapter falls back on node's own functions for their errors.

import { charTable } from "./char-table.js";

/** RFC 9110 token characters: what node's `checkIsHttpToken` accepts. */
const TOKEN = /* @__PURE__ */ charTable(
  "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
);

/** A header name node accepts: one or more token characters. */
export function isHeaderName(name: string): boolean {
  if (name.length === 0) return false;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c >= 128 || TOKEN[c] === 0) return false;
  }
  return true;
}

/** A header value node accepts: tab, printable ASCII and latin-1 past DEL, nothing else. */
export function isHeaderValue(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09) || c === 0x7f || c > 0xff) return false;
  }
  return true;
}
