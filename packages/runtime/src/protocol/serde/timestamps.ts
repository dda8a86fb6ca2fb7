import type { TimestampFormat } from "../../schema.js";

/** A timestamp in `format`: epoch-seconds as a number (fractions kept), the others as strings. */
export function formatTimestamp(date: Date, format: TimestampFormat): number | string {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new TypeError("Invalid Date");
  switch (format) {
    case "epoch-seconds":
      return ms / 1000;
    case "date-time": {
      const iso = date.toISOString();
      return iso.endsWith(".000Z") ? `${iso.slice(0, -5)}Z` : iso;
    }
    case "http-date": {
      const utc = date.toUTCString();
      const frac = ms % 1000;
      // toUTCString drops milliseconds; Smithy keeps them as a fraction of the second.
      return frac === 0 ? utc : utc.replace(/ GMT$/, `.${String(frac).padStart(3, "0")} GMT`);
    }
  }
}

// RFC 3339 with any offset and fraction (Smithy's datetime-offsets and fractional-seconds cases).
const DATE_TIME_RE =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;
// RFC 7231 IMF-fixdate, with an optional fraction of the second.
const HTTP_DATE_RE =
  /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d+))? GMT$/;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function millis(fraction: string | undefined): number {
  return fraction ? Math.floor(Number(`0.${fraction}`) * 1000 + 1e-7) : 0;
}

/**
 * Parses a timestamp as it arrives: a number is epoch seconds; a string is parsed in `format`.
 * `strict` (servers) refuses date-times with a UTC offset. Returns undefined when unparseable.
 */
export function parseTimestamp(
  value: unknown,
  format: TimestampFormat,
  strict = false,
): Date | undefined {
  if (typeof value === "number") {
    return Number.isFinite(value) ? new Date(Math.round(value * 1000)) : undefined;
  }
  if (typeof value !== "string") return undefined;
  if (format === "epoch-seconds") {
    return /^-?\d+(\.\d+)?$/.test(value) ? new Date(Math.round(Number(value) * 1000)) : undefined;
  }
  if (format === "date-time") {
    const m = DATE_TIME_RE.exec(value);
    // Servers accept only UTC ("Z"); clients take any offset (Smithy's malformed-request and
    // datetime-offsets tests).
    if (!m || (strict && m[8] !== undefined)) return undefined;
    const utc = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!, millis(m[7]));
    const offset = m[8] ? (m[8] === "-" ? -1 : 1) * (+m[9]! * 60 + +m[10]!) * 60_000 : 0;
    return valid(new Date(utc - offset));
  }
  const m = HTTP_DATE_RE.exec(value);
  if (!m) return undefined;
  const month = MONTHS.indexOf(m[2]!);
  return valid(new Date(Date.UTC(+m[3]!, month, +m[1]!, +m[4]!, +m[5]!, +m[6]!, millis(m[7]))));
}

function valid(date: Date): Date | undefined {
  return Number.isNaN(date.getTime()) ? undefined : date;
}
