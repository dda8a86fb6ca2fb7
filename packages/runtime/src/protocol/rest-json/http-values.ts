import { deref, type MemberSchema, type Schema, type TimestampFormat } from "../../schema.js";
import { serializationError } from "../errors.js";
import { fromBase64, toBase64, utf8Decode, utf8Encode } from "../serde/base64.js";
import { textFitsWidth } from "../serde/integer-width.js";
import { toDate } from "../serde/json-values.js";
import { formatTimestamp, parseTimestamp } from "../serde/timestamps.js";

/**
 * Scalars as they travel in URI labels, query strings and headers (restJson1): timestamps as
 * date-time in labels and query, http-date in headers, unless `@timestampFormat` says otherwise;
 * blobs and `@mediaType` strings in headers as base64.
 */
export type HttpLocation = "label" | "query" | "header";

function defaultFormat(where: HttpLocation): TimestampFormat {
  return where === "header" ? "http-date" : "date-time";
}

export function formatHttpScalar(
  value: unknown,
  schema: Schema,
  tsFormat: TimestampFormat | undefined,
  where: HttpLocation,
): string {
  switch (schema.type) {
    case "timestamp":
      return String(
        formatTimestamp(toDate(value), tsFormat ?? schema.format ?? defaultFormat(where)),
      );
    case "blob":
      return toBase64(typeof value === "string" ? utf8Encode(value) : (value as Uint8Array));
    case "string":
      if (where === "header" && schema.mediaType) return toBase64(utf8Encode(String(value)));
      return String(value);
    case "float":
      if (typeof value === "number" && !Number.isFinite(value)) {
        return Number.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity";
      }
      return String(value);
    case "document":
      return JSON.stringify(value);
    default:
      return String(value);
  }
}

function bad(what: string, expected: string, raw: string): never {
  throw serializationError(`Expected ${expected} for ${what}, got ${JSON.stringify(raw)}`);
}

export function parseHttpScalar(
  raw: string,
  schema: Schema,
  tsFormat: TimestampFormat | undefined,
  where: HttpLocation,
  what: string,
  strict = false,
): unknown {
  switch (schema.type) {
    case "string":
      if (where === "header" && schema.mediaType) {
        const bytes = fromBase64(raw);
        return bytes ? utf8Decode(bytes) : bad(what, "base64", raw);
      }
      return raw;
    case "enum":
      return raw;
    case "boolean":
      return raw === "true" ? true : raw === "false" ? false : bad(what, "boolean", raw);
    case "integer":
      if (!/^-?\d+$/.test(raw)) return bad(what, "integer", raw);
      // A server refuses a number past the shape's width (Rest{Path,Query,Header}*Overflow).
      if (strict && !textFitsWidth(raw, schema.width)) return bad(what, schema.width!, raw);
      return Number(raw);
    case "intEnum":
      return /^-?\d+$/.test(raw) ? Number(raw) : bad(what, "integer", raw);
    case "bigInteger":
      return /^-?\d+$/.test(raw) ? Number(raw) : bad(what, "integer", raw);
    case "float":
    case "bigDecimal": {
      if (raw === "NaN") return Number.NaN;
      if (raw === "Infinity") return Number.POSITIVE_INFINITY;
      if (raw === "-Infinity") return Number.NEGATIVE_INFINITY;
      return /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(raw)
        ? Number(raw)
        : bad(what, "number", raw);
    }
    case "timestamp": {
      const format = tsFormat ?? schema.format ?? defaultFormat(where);
      return parseTimestamp(raw, format, strict) ?? bad(what, `timestamp (${format})`, raw);
    }
    case "blob":
      return fromBase64(raw) ?? bad(what, "base64", raw);
    case "document":
      try {
        return JSON.parse(raw);
      } catch {
        return bad(what, "JSON", raw);
      }
    default:
      return bad(what, "a scalar", raw);
  }
}

/** The list's member schema and timestamp format, or undefined for a scalar member. */
export function listMember(
  member: MemberSchema,
): { schema: Schema; tsFormat?: TimestampFormat } | undefined {
  const target = deref(member.target);
  if (target.type !== "list") return undefined;
  return {
    schema: deref(target.member),
    tsFormat: target.memberTimestampFormat ?? member.timestampFormat,
  };
}

/** Header list items: quoted when they hold a comma or a quote (RFC 7230 quoted-string). */
export function joinHeaderList(items: readonly string[]): string {
  return items
    .map((s) => (/[",]/.test(s) ? `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"` : s))
    .join(", ");
}

/**
 * Splits a list header into items: quoted strings unquoted, http-dates (which contain a comma)
 * kept whole.
 */
export function splitHeaderList(value: string, httpDates: boolean): string[] {
  if (value.trim() === "") return [];
  if (httpDates) {
    const parts = value.split(",").map((s) => s.trim());
    const out: string[] = [];
    for (let i = 0; i < parts.length; i += 2) out.push(`${parts[i]}, ${parts[i + 1] ?? ""}`.trim());
    return out;
  }
  const out: string[] = [];
  let i = 0;
  const n = value.length;
  while (i <= n) {
    while (i < n && value[i] === " ") i++;
    if (value[i] === '"') {
      let item = "";
      i++;
      while (i < n && value[i] !== '"') {
        if (value[i] === "\\" && i + 1 < n) i++;
        item += value[i];
        i++;
      }
      out.push(item);
      i++; // closing quote
      while (i < n && value[i] !== ",") i++;
      i++;
    } else {
      const comma = value.indexOf(",", i);
      const end = comma < 0 ? n : comma;
      out.push(value.slice(i, end).trim());
      i = end + 1;
    }
  }
  return out;
}
