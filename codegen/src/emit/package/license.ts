import { readFileSync } from "node:fs";

/**
 * The license every generated package ships: the Apache-2.0 text @docsmith/codegen itself
 * carries (codegen/LICENSE, in its published files), so a package is complete on its own.
 */
export function licenseText(): string {
  return readFileSync(new URL("../../../LICENSE", import.meta.url), "utf8");
}
