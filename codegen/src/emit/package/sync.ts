import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { isGenerated } from "../header.js";
import type { PlannedPackage } from "./plan.js";

/** What writing a planned package would change on disk (absolute paths). */
export interface PackageDiff {
  write: { path: string; content: string }[];
  remove: string[];
}

function readOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

/** Files under `dir` (node_modules and dist skipped), absolute. */
function walk(dir: string): string[] {
  let entries: import("node:fs").Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => {
    if (e.name === "node_modules" || e.name === "dist" || e.name.startsWith(".")) return [];
    const path = join(dir, e.name);
    return e.isDirectory() ? walk(path) : [path];
  });
}

/**
 * Files whose content would change, and stale files to remove: generated files (they carry the
 * generator's header) that the new plan no longer holds. Anything else is left alone.
 */
export function diffPackage(pkg: PlannedPackage): PackageDiff {
  const planned = new Map(pkg.files.map((f) => [join(pkg.dir, f.path), f.content]));
  const write = [...planned]
    .filter(([path, content]) => readOrUndefined(path) !== content)
    .map(([path, content]) => ({ path, content }));
  const remove = walk(pkg.dir)
    .filter((path) => !planned.has(path))
    .filter((path) => isGenerated(readOrUndefined(path) ?? ""))
    .sort();
  return { write, remove };
}

/** Applies a diff; each file is written to a temporary name first and renamed into place. */
export function applyDiff(diff: PackageDiff): void {
  for (const { path, content } of diff.write) {
    mkdirSync(dirname(path), { recursive: true });
    const temp = `${path}.docsmith-tmp`;
    writeFileSync(temp, content);
    renameSync(temp, path);
  }
  for (const path of diff.remove) rmSync(path);
}
