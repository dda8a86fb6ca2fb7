import type { NodeValue } from "./ast.js";

/** Deep equality of node values (object key order does not matter, array order does). */
export function nodeEquals(a: NodeValue | undefined, b: NodeValue | undefined): boolean {
  if (a === b) return true;
  if (a === null || b === null || a === undefined || b === undefined) return false;
  if (typeof a !== "object" || typeof b !== "object") return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as NodeValue[];
    if (a.length !== bb.length) return false;
    for (let i = 0; i < a.length; i++) if (!nodeEquals(a[i], bb[i])) return false;
    return true;
  }
  const ao = a as Record<string, NodeValue>;
  const bo = b as Record<string, NodeValue>;
  const keys = Object.keys(ao);
  if (keys.length !== Object.keys(bo).length) return false;
  for (const k of keys) {
    if (!Object.hasOwn(bo, k) || !nodeEquals(ao[k], bo[k])) return false;
  }
  return true;
}
