import type { Traits } from "../model/ast.js";

/**
 * A TSDoc block from a shape's `@documentation` (AWS writes it in HTML, which TSDoc readers and
 * aws-sdk-js-v3 keep as is), plus `@deprecated` when the shape is. Empty when neither applies.
 */
export function tsdoc(traits: Traits | undefined, extra: string[] = []): string {
  const doc = traits?.["smithy.api#documentation"];
  const lines: string[] = [];
  if (typeof doc === "string" && doc.trim()) {
    for (const line of doc.trim().split(/\r?\n/)) lines.push(line.trimEnd());
  }
  const deprecated = traits?.["smithy.api#deprecated"] as { message?: string } | undefined;
  if (deprecated) lines.push(`@deprecated${deprecated.message ? ` ${deprecated.message}` : ""}`);
  lines.push(...extra);
  if (lines.length === 0) return "";
  const body = lines.map((l) => ` *${l ? ` ${l.replaceAll("*/", "*\\/")}` : ""}`).join("\n");
  return `/**\n${body}\n */\n`;
}
