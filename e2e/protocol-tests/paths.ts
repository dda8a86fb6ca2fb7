import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The checkout root (this file is e2e/protocol-tests/paths.ts). */
export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

/**
 * The AWS protocol compliance suites (Apache-2.0, see ../shared/smithy/NOTICE), read in place
 * beside the checkout rather than vendored.
 */
export const suitesDir = resolve(repoRoot, "../shared/smithy/protocol-tests");

/** Generated test-service packages (gitignored). */
export const generatedDir = resolve(repoRoot, "e2e/.generated");
