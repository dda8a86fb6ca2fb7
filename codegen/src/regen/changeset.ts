import { createHash } from "node:crypto";
import { type ApiChange, bumpFor } from "./api-change.js";

export interface Changeset {
  /** File name under .changeset/ (see changesetFileName). */
  fileName: string;
  text: string;
}

/**
 * The changeset file of a package's API change since `baseline` (the commit the change is
 * measured from): one file per package and baseline, so running regen again while editing the
 * docs rewrites it instead of adding another; without a baseline, a digest of the text.
 */
export function changesetFileName(packageName: string, baseline: string): string {
  const slug = packageName.replace(/^@/, "").replace(/[^a-z0-9]+/gi, "-");
  return `${slug}-docs-${baseline}.md`;
}

/**
 * Renders a changeset (changesets' markdown with front matter) for one package, or nothing when
 * its API did not change. Breaking changes come first so a reviewer sees them at once.
 */
export function renderChangeset(
  packageName: string,
  serviceTitle: string,
  changes: readonly ApiChange[],
  baseline?: string,
): Changeset | undefined {
  const bump = bumpFor(changes);
  if (!bump) return undefined;
  const sections: [string, ApiChange["bump"]][] = [
    ["Breaking changes", "major"],
    ["New features", "minor"],
    ["Documentation", "patch"],
  ];
  const lines = [
    `---`,
    `"${packageName}": ${bump}`,
    `---`,
    ``,
    `${serviceTitle}: API reference docs updated.`,
  ];
  for (const [heading, level] of sections) {
    const of = changes.filter((c) => c.bump === level);
    if (of.length === 0) continue;
    lines.push("", `${heading}:`, "");
    for (const c of of) lines.push(`- ${c.summary}`);
  }
  const text = `${lines.join("\n")}\n`;
  const id = baseline ?? createHash("sha256").update(text).digest("hex").slice(0, 8);
  return { fileName: changesetFileName(packageName, id), text };
}
