import type { AstShape, MemberShape, Model, NodeValue } from "../model/ast.js";
import type { ApiChange, Bump } from "./api-change.js";

/**
 * Compares two versions of one service's model (flattened, bundled shapes left out) and lists
 * the API changes, each classified for semver:
 * - major: operation, shape, member or enum value removed; member newly required on input;
 *   type or HTTP binding changed; constraint tightened;
 * - minor: operation, shape, optional member or enum value added; constraint loosened;
 * - patch: documentation or examples only.
 */
export function diffModels(before: Model, after: Model): ApiChange[] {
  const changes: ApiChange[] = [];
  const inputShapes = new Set([...reachableFromInputs(before), ...reachableFromInputs(after)]);
  const ids = [...new Set([...Object.keys(before.shapes), ...Object.keys(after.shapes)])].sort();
  // Shapes added or removed are said so once; a service's operation list then says nothing more.
  const addedOrRemoved = new Set(ids.filter((id) => !before.shapes[id] !== !after.shapes[id]));
  for (const id of ids) {
    const a = before.shapes[id];
    const b = after.shapes[id];
    const name = shortName(id);
    if (a && !b) {
      changes.push(change("major", name, `${kindName(a)} \`${name}\` was removed.`));
    } else if (!a && b) {
      changes.push(change("minor", name, `${kindName(b)} \`${name}\` was added.`));
    } else if (a && b) {
      diffShape(name, a, b, inputShapes.has(id), addedOrRemoved, changes);
    }
  }
  return changes;
}

function diffShape(
  name: string,
  a: AstShape,
  b: AstShape,
  onInput: boolean,
  addedOrRemoved: ReadonlySet<string>,
  out: ApiChange[],
) {
  if (a.type !== b.type) {
    out.push(change("major", name, `\`${name}\` changed from ${a.type} to ${b.type}.`));
    return;
  }
  diffTraits(name, a.traits, b.traits, out);
  if (a.type === "enum" || a.type === "intEnum") {
    diffEnum(name, a, b, out);
  } else if (a.members || b.members) {
    diffMembers(name, a.members ?? {}, b.members ?? {}, onInput, out);
  }
  for (const slot of ["member", "key", "value"] as const) {
    const ma = a[slot];
    const mb = b[slot];
    if (ma && mb) diffMember(`${name}.${slot}`, ma, mb, onInput, out);
  }
  if (a.type === "operation") diffOperation(name, a, b, out);
  if (a.type === "service") {
    const listed = (refs: AstShape["operations"]) =>
      refs?.filter((r) => !addedOrRemoved.has(r.target));
    diffRefs(name, "operation", listed(a.operations), listed(b.operations), out);
  }
}

function diffEnum(name: string, a: AstShape, b: AstShape, out: ApiChange[]) {
  const enumValueOf = (m: MemberShape, key: string) =>
    JSON.stringify(m.traits?.["smithy.api#enumValue"] ?? key);
  const va = new Map(Object.entries(a.members ?? {}).map(([k, m]) => [enumValueOf(m, k), k]));
  const vb = new Map(Object.entries(b.members ?? {}).map(([k, m]) => [enumValueOf(m, k), k]));
  for (const [v] of va)
    if (!vb.has(v)) out.push(change("major", name, `Enum \`${name}\` lost the value ${v}.`));
  for (const [v] of vb)
    if (!va.has(v)) out.push(change("minor", name, `Enum \`${name}\` gained the value ${v}.`));
}

function diffMembers(
  name: string,
  a: Record<string, MemberShape>,
  b: Record<string, MemberShape>,
  onInput: boolean,
  out: ApiChange[],
) {
  for (const [m, ma] of Object.entries(a)) {
    const mb = b[m];
    if (!mb) out.push(change("major", `${name}.${m}`, `Member \`${name}.${m}\` was removed.`));
    else diffMember(`${name}.${m}`, ma, mb, onInput, out);
  }
  for (const [m, mb] of Object.entries(b)) {
    if (a[m]) continue;
    const required = isRequired(mb);
    const bump: Bump = required && onInput ? "major" : "minor";
    const what = required ? "required member" : "optional member";
    out.push(change(bump, `${name}.${m}`, `New ${what} \`${name}.${m}\`.`));
  }
}

function diffMember(
  name: string,
  a: MemberShape,
  b: MemberShape,
  onInput: boolean,
  out: ApiChange[],
) {
  if (a.target !== b.target) {
    out.push(
      change(
        "major",
        name,
        `\`${name}\` now targets \`${shortName(b.target)}\` (was \`${shortName(a.target)}\`).`,
      ),
    );
  }
  const ra = isRequired(a);
  const rb = isRequired(b);
  if (!ra && rb) {
    out.push(change(onInput ? "major" : "minor", name, `\`${name}\` is now required.`));
  } else if (ra && !rb) {
    // An output member that may now be absent breaks readers; an input member made optional does not.
    out.push(change(onInput ? "minor" : "major", name, `\`${name}\` is no longer required.`));
  }
  diffTraits(name, a.traits, b.traits, out);
}

function diffOperation(name: string, a: AstShape, b: AstShape, out: ApiChange[]) {
  if (a.input?.target !== b.input?.target || a.output?.target !== b.output?.target) {
    out.push(change("major", name, `Operation \`${name}\` changed its input or output shape.`));
  }
  diffRefs(name, "error", a.errors, b.errors, out);
}

function diffRefs(
  name: string,
  what: "operation" | "error",
  a: { target: string }[] | undefined,
  b: { target: string }[] | undefined,
  out: ApiChange[],
) {
  const sa = new Set((a ?? []).map((r) => r.target));
  const sb = new Set((b ?? []).map((r) => r.target));
  for (const t of sa) {
    if (sb.has(t)) continue;
    // A removed operation breaks callers; an error no longer returned breaks nobody.
    const bump: Bump = what === "operation" ? "major" : "minor";
    out.push(change(bump, name, `\`${name}\` no longer lists ${what} \`${shortName(t)}\`.`));
  }
  for (const t of sb) {
    if (!sa.has(t))
      out.push(change("minor", name, `\`${name}\` now lists ${what} \`${shortName(t)}\`.`));
  }
}

/** Traits that only document (changing them is a patch), and what a changeset calls them. */
const documentationTraits = new Map([
  ["smithy.api#documentation", "documentation"],
  ["smithy.api#examples", "examples"],
  ["smithy.api#externalDocumentation", "documentation links"],
  ["smithy.api#title", "title"],
  ["smithy.api#deprecated", "deprecation"],
  ["smithy.test#httpRequestTests", "documented HTTP exchanges"],
  ["smithy.test#httpResponseTests", "documented HTTP exchanges"],
]);

function diffTraits(
  name: string,
  a: Record<string, NodeValue> | undefined,
  b: Record<string, NodeValue> | undefined,
  out: ApiChange[],
) {
  const ta = a ?? {};
  const tb = b ?? {};
  const keys = [...new Set([...Object.keys(ta), ...Object.keys(tb)])].sort();
  const docsChanged = new Set<string>();
  for (const key of keys) {
    if (key === "smithy.api#required") continue; // handled with its member
    const va = ta[key];
    const vb = tb[key];
    if (JSON.stringify(va) === JSON.stringify(vb)) continue;
    const documents = documentationTraits.get(key);
    if (documents) {
      docsChanged.add(documents);
      continue;
    }
    const constraint = constraintChange(key, va, vb);
    if (constraint) {
      out.push(change(constraint.bump, name, `\`${name}\`: ${constraint.summary}`));
      continue;
    }
    const trait = key.replace(/^smithy\.api#/, "@");
    const summary =
      va === undefined
        ? `trait ${trait} added.`
        : vb === undefined
          ? `trait ${trait} removed.`
          : `trait ${trait} changed from ${JSON.stringify(va)} to ${JSON.stringify(vb)}.`;
    // Unknown trait changes may alter the wire or the contract: call them breaking.
    out.push(change("major", name, `\`${name}\`: ${summary}`));
  }
  if (docsChanged.size > 0)
    out.push(change("patch", name, `\`${name}\`: ${[...docsChanged].join(", ")} changed.`));
}

interface ConstraintChange {
  bump: Bump;
  summary: string;
}

/** Classifies a change of @length, @range or @pattern as tightened (major) or loosened (minor). */
function constraintChange(
  key: string,
  a: NodeValue | undefined,
  b: NodeValue | undefined,
): ConstraintChange | undefined {
  if (key === "smithy.api#length" || key === "smithy.api#range") {
    const bounds = (v: NodeValue | undefined) =>
      v && typeof v === "object" && !Array.isArray(v) ? v : {};
    const ba = bounds(a) as { min?: number; max?: number };
    const bb = bounds(b) as { min?: number; max?: number };
    const minA = ba.min ?? Number.NEGATIVE_INFINITY;
    const minB = bb.min ?? Number.NEGATIVE_INFINITY;
    const maxA = ba.max ?? Number.POSITIVE_INFINITY;
    const maxB = bb.max ?? Number.POSITIVE_INFINITY;
    const tighter = minB > minA || maxB < maxA;
    const looser = minB < minA || maxB > maxA;
    const trait = key === "smithy.api#length" ? "@length" : "@range";
    const text = `${trait} ${describeBounds(ba)} -> ${describeBounds(bb)}`;
    if (tighter) return { bump: "major", summary: `constraint tightened: ${text}.` };
    if (looser) return { bump: "minor", summary: `constraint loosened: ${text}.` };
    return undefined;
  }
  if (key === "smithy.api#pattern") {
    if (a === undefined)
      return {
        bump: "major",
        summary: `constraint tightened: @pattern ${JSON.stringify(b)} added.`,
      };
    if (b === undefined)
      return {
        bump: "minor",
        summary: `constraint loosened: @pattern ${JSON.stringify(a)} removed.`,
      };
    // Whether one regular expression accepts more than another is undecidable in general.
    return {
      bump: "major",
      summary: `constraint changed: @pattern ${JSON.stringify(a)} -> ${JSON.stringify(b)}.`,
    };
  }
  return undefined;
}

function describeBounds(b: { min?: number; max?: number }): string {
  return `[${b.min ?? ""}..${b.max ?? ""}]`;
}

function isRequired(m: MemberShape): boolean {
  return m.traits?.["smithy.api#required"] !== undefined;
}

function change(bump: Bump, subject: string, summary: string): ApiChange {
  return { bump, subject, summary };
}

function shortName(id: string): string {
  return id.slice(id.indexOf("#") + 1);
}

function kindName(shape: AstShape): string {
  if (shape.type === "operation") return "Operation";
  if (shape.type === "structure" && shape.traits?.["smithy.api#error"] !== undefined)
    return "Error";
  return `${shape.type[0]!.toUpperCase()}${shape.type.slice(1)}`;
}

/** Shape ids reachable from any operation's input (where a tighter rule breaks callers). */
function reachableFromInputs(model: Model): Set<string> {
  const seen = new Set<string>();
  const stack: string[] = [];
  for (const shape of Object.values(model.shapes)) {
    if (shape.type === "operation" && shape.input) stack.push(shape.input.target);
  }
  // Bounded by the number of shapes: each id is expanded once.
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    const shape = model.shapes[id];
    if (!shape) continue;
    seen.add(id);
    for (const m of Object.values(shape.members ?? {})) stack.push(m.target);
    for (const m of [shape.member, shape.key, shape.value]) if (m) stack.push(m.target);
  }
  return seen;
}
