import type { IntegerWidth } from "../../schema.js";

/**
 * Range checks for Smithy's integer widths. A JSON number is a double, so a `long` is checked
 * against ±2^63 as doubles (2^63 - 1 parses to 2^63, and must pass); text (headers, query, path)
 * is checked exactly.
 */
const LIMITS: Record<IntegerWidth, readonly [min: number, max: number]> = {
  byte: [-128, 127],
  short: [-32768, 32767],
  integer: [-2147483648, 2147483647],
  long: [-(2 ** 63), 2 ** 63],
};

const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

/** Whether an integral number fits the width (no width: any number does). */
export function fitsWidth(value: number, width: IntegerWidth | undefined): boolean {
  if (width === undefined) return true;
  const [min, max] = LIMITS[width];
  return value >= min && value <= max;
}

/** Whether decimal integer text (`-?\d+`) fits the width, exactly. */
export function textFitsWidth(text: string, width: IntegerWidth | undefined): boolean {
  if (width !== "long") return fitsWidth(Number(text), width);
  // Up to 18 digits always fit a long; only longer text needs exact arithmetic.
  if (text.length <= 18) return true;
  const value = BigInt(text);
  return value >= LONG_MIN && value <= LONG_MAX;
}
