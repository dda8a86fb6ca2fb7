import type { ServiceView } from "../emit/service-view.js";
import { synthesize } from "./synthesize.js";
import { isPlainObject, pointer, type TypedObject, type TypedValue } from "./values.js";
import { violations } from "./violations.js";

/** One value the repair changed, for the startup notes. */
export interface RepairNote {
  /** JSON Pointer of the value inside the output, e.g. `/assessmentRunAgents/0/agentHealthCode`. */
  readonly path: string;
  readonly was: TypedValue | undefined;
  readonly now: TypedValue | undefined;
  readonly why: string;
}

export interface Repaired {
  /** The value, valid against the shape; undefined when no valid value could be made. */
  readonly value: TypedValue | undefined;
  readonly notes: RepairNote[];
}

const MAX_PASSES = 8;

/**
 * Makes `value` valid against shape `id` by changing only what breaks it: a value that breaks a
 * constraint is replaced by a synthesized one (the old string as the hint, so a pattern-breaking
 * "string" becomes the closest value that matches), a missing required member is added, a key
 * that is not a member is dropped. Everything valid is kept as it is. The input is not mutated.
 */
export function repair(view: ServiceView, id: string, value: TypedValue): Repaired {
  let current: TypedValue | undefined = structuredClone(value);
  const notes: RepairNote[] = [];
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const found = violations(view, id, current);
    if (found.length === 0) return { value: current, notes };
    for (const v of found) {
      if (v.path.length === 0) {
        const now = synthesize(view, id);
        notes.push({ path: "", was: current, now, why: v.message });
        current = now;
        break;
      }
      const parentPath = v.path.slice(0, -1);
      const key = v.path[v.path.length - 1]!;
      const parent = at(current, parentPath);
      if (!Array.isArray(parent) && !isPlainObject(parent)) continue;
      const was = (parent as Record<string | number, TypedValue>)[key];
      const why = `${v.message}`;
      if (v.kind === "remove") {
        if (isPlainObject(parent)) delete parent[key as string];
        notes.push({ path: pointer(v.path), was, now: undefined, why });
        continue;
      }
      const hint = typeof was === "string" ? was : typeof key === "string" ? key : "string";
      const now = synthesize(view, v.target, v.traits, hint);
      if (now === undefined) {
        // Nothing valid to put here: drop an optional member; a required one makes the
        // structure itself unrepairable, which the next pass reports on its parent.
        if (isPlainObject(parent)) delete parent[key as string];
        else (parent as TypedValue[])[key as number] = null;
      } else {
        (parent as Record<string | number, TypedValue>)[key] = now;
      }
      notes.push({ path: pointer(v.path), was, now, why });
    }
  }
  return violations(view, id, current).length === 0
    ? { value: current, notes }
    : { value: undefined, notes };
}

function at(
  value: TypedValue | undefined,
  path: readonly (string | number)[],
): TypedValue | undefined {
  let node = value;
  for (const key of path) {
    if (Array.isArray(node) && typeof key === "number") node = node[key];
    else if (isPlainObject(node) && typeof key === "string") node = (node as TypedObject)[key];
    else return undefined;
  }
  return node;
}
