// Where our packages live, and whether they are built and installed for the benchmarks. A
// benchmark measures the anchors alone, and says why, when ours are missing.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const BENCH = fileURLToPath(new URL("../", import.meta.url));

/** `undefined` when `@docsmith/<svc>` is built and resolvable from bench/, else why not. */
export function missing(svc) {
  if (!existsSync(`${ROOT}packages/${svc}/dist/bundle/index.js`)) {
    return `packages/${svc}/dist is not built (run: npx pnpm@10.34.8 run build)`;
  }
  if (!existsSync(`${BENCH}node_modules/@docsmith/${svc}/package.json`)) {
    return `@docsmith/${svc} is not a devDependency of bench (add it as workspace:* and install)`;
  }
  return undefined;
}
