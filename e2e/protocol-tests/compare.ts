/**
 * Comparisons for protocol tests, each returning the differences found (empty when equal), so a
 * failing case names what is wrong.
 */

/** Deep equality of operation values: Date by time, Uint8Array by bytes, NaN equals NaN, an
 *  undefined member is an absent one. */
export function diffValues(expected: unknown, actual: unknown, path = "$"): string[] {
  if (expected === undefined || actual === undefined) {
    return expected === actual ? [] : [`${path}: expected ${show(expected)}, got ${show(actual)}`];
  }
  if (expected === null || actual === null) {
    return expected === actual ? [] : [`${path}: expected ${show(expected)}, got ${show(actual)}`];
  }
  if (typeof expected === "number" && typeof actual === "number") {
    if (Object.is(expected, actual) || expected === actual) return [];
    return [`${path}: expected ${show(expected)}, got ${show(actual)}`];
  }
  if (expected instanceof Date) {
    return actual instanceof Date && actual.getTime() === expected.getTime()
      ? []
      : [`${path}: expected ${show(expected)}, got ${show(actual)}`];
  }
  if (expected instanceof Uint8Array) {
    return actual instanceof Uint8Array && sameBytes(expected, actual)
      ? []
      : [`${path}: expected bytes ${show(expected)}, got ${show(actual)}`];
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [`${path}: expected an array, got ${show(actual)}`];
    if (actual.length !== expected.length) {
      return [`${path}: expected ${show(expected)}, got ${show(actual)}`];
    }
    return expected.flatMap((item, i) => diffValues(item, actual[i], `${path}[${i}]`));
  }
  if (typeof expected === "object") {
    if (typeof actual !== "object" || Array.isArray(actual) || actual instanceof Date) {
      return [`${path}: expected an object, got ${show(actual)}`];
    }
    const e = expected as Record<string, unknown>;
    const a = actual as Record<string, unknown>;
    const keys = new Set([...Object.keys(e), ...Object.keys(a)]);
    return [...keys].sort().flatMap((k) => diffValues(e[k], a[k], `${path}.${k}`));
  }
  return expected === actual ? [] : [`${path}: expected ${show(expected)}, got ${show(actual)}`];
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A short printable form of a value for failure messages. */
export function show(value: unknown): string {
  if (value === undefined) return "undefined";
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  if (value instanceof Date)
    return `Date(${Number.isNaN(value.getTime()) ? "invalid" : value.toISOString()})`;
  if (value instanceof Uint8Array) return JSON.stringify(new TextDecoder().decode(value));
  let text: string;
  try {
    text = JSON.stringify(value, (_k, v) =>
      typeof v === "bigint" ? `${v}n` : v instanceof Uint8Array ? new TextDecoder().decode(v) : v,
    );
  } catch {
    text = String(value);
  }
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

export type Body = string | Uint8Array | undefined | null;

export function bodyText(body: Body): string {
  if (body === undefined || body === null) return "";
  return typeof body === "string" ? body : new TextDecoder().decode(body);
}

/**
 * Body comparison as the compliance tests define it: JSON-equal when the media type is JSON,
 * byte-exact otherwise. An expected empty body matches an absent one.
 */
export function diffBody(expected: string, actual: Body, mediaType: string | undefined): string[] {
  const actualText = bodyText(actual);
  if (mediaType && /[/+]json\b/.test(mediaType) && expected !== "") {
    let parsed: unknown;
    try {
      parsed = JSON.parse(actualText);
    } catch {
      return [`body: expected JSON ${expected}, got ${show(actualText)}`];
    }
    const wanted = JSON.parse(expected) as unknown;
    return diffJson(wanted, parsed, "body");
  }
  if (actual instanceof Uint8Array) {
    const wanted = new TextEncoder().encode(expected);
    return sameBytes(wanted, actual)
      ? []
      : [`body: expected ${show(expected)}, got ${show(actualText)}`];
  }
  return expected === actualText
    ? []
    : [`body: expected ${show(expected)}, got ${show(actualText)}`];
}

/** JSON equality (object key order ignored; numbers by value). */
function diffJson(expected: unknown, actual: unknown, path: string): string[] {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      return [`${path}: expected ${show(expected)}, got ${show(actual)}`];
    }
    return expected.flatMap((item, i) => diffJson(item, actual[i], `${path}[${i}]`));
  }
  if (expected !== null && typeof expected === "object") {
    if (actual === null || typeof actual !== "object" || Array.isArray(actual)) {
      return [`${path}: expected ${show(expected)}, got ${show(actual)}`];
    }
    const e = expected as Record<string, unknown>;
    const a = actual as Record<string, unknown>;
    const keys = new Set([...Object.keys(e), ...Object.keys(a)]);
    return [...keys]
      .sort()
      .flatMap((k) =>
        !(k in e) || !(k in a)
          ? [`${path}.${k}: expected ${show(e[k])}, got ${show(a[k])}`]
          : diffJson(e[k], a[k], `${path}.${k}`),
      );
  }
  return expected === actual ? [] : [`${path}: expected ${show(expected)}, got ${show(actual)}`];
}

/** Expected headers (names case-insensitive, values exact), forbidden and required ones. */
export function diffHeaders(
  actual: Readonly<Record<string, string>>,
  expected: Readonly<Record<string, string>> = {},
  forbid: readonly string[] = [],
  require: readonly string[] = [],
): string[] {
  const lower: Record<string, string> = {};
  for (const [k, v] of Object.entries(actual)) lower[k.toLowerCase()] = v;
  const out: string[] = [];
  for (const [name, value] of Object.entries(expected)) {
    const got = lower[name.toLowerCase()];
    if (got !== value) out.push(`header ${name}: expected ${show(value)}, got ${show(got)}`);
  }
  for (const name of forbid) {
    if (lower[name.toLowerCase()] !== undefined) {
      out.push(`header ${name} is forbidden, got ${show(lower[name.toLowerCase()])}`);
    }
  }
  for (const name of require) {
    if (lower[name.toLowerCase()] === undefined) out.push(`header ${name} is required, absent`);
  }
  return out;
}

/**
 * Query parameters: each expected `key=value` (as the test writes it, percent-encoded) must be
 * present, decoded, in the request; forbidden keys absent, required keys present.
 */
export function diffQuery(
  actual: Readonly<Record<string, string | string[] | null | undefined>>,
  expected: readonly string[] = [],
  forbid: readonly string[] = [],
  require: readonly string[] = [],
): string[] {
  const pairs: [string, string][] = [];
  for (const [k, v] of Object.entries(actual)) {
    if (v === undefined || v === null) continue;
    for (const item of Array.isArray(v) ? v : [v]) pairs.push([k, item]);
  }
  const out: string[] = [];
  for (const param of expected) {
    const eq = param.indexOf("=");
    const key = decode(eq < 0 ? param : param.slice(0, eq));
    const value = eq < 0 ? "" : decode(param.slice(eq + 1));
    const i = pairs.findIndex(([k, v]) => k === key && v === value);
    if (i < 0) out.push(`query ${param}: absent (query is ${show(actual)})`);
    else pairs.splice(i, 1);
  }
  for (const key of forbid) {
    if (actual[key] !== undefined) out.push(`query ${key} is forbidden, got ${show(actual[key])}`);
  }
  for (const key of require) {
    if (actual[key] === undefined) out.push(`query ${key} is required, absent`);
  }
  return out;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
