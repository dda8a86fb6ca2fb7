/**
 * The JSON AST as text, with a stable key order: shapes sorted by id, shape properties in the
 * order Smithy's serializer writes them, members in definition order, traits and metadata
 * sorted by key; 2-space indentation and a trailing newline. Trait values keep their own order.
 */
import type { AstShape, MemberShape, Model, NodeValue, Traits } from "./ast.js";

const SHAPE_KEYS: (keyof AstShape)[] = [
  "type",
  "version",
  "mixins",
  "operations",
  "resources",
  "errors",
  "rename",
  "identifiers",
  "properties",
  "create",
  "put",
  "read",
  "update",
  "delete",
  "list",
  "collectionOperations",
  "input",
  "output",
  "member",
  "key",
  "value",
  "members",
  "traits",
];

function sortedTraits(traits: Traits): Traits {
  const out: Traits = {};
  for (const k of Object.keys(traits).sort()) out[k] = traits[k] as NodeValue;
  return out;
}

function member(m: MemberShape): MemberShape {
  const out: MemberShape = { target: m.target };
  if (m.traits && Object.keys(m.traits).length) out.traits = sortedTraits(m.traits);
  return out;
}

function shape(s: AstShape): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of SHAPE_KEYS) {
    const v = s[key];
    if (v === undefined) continue;
    if (key === "member" || key === "key" || key === "value") out[key] = member(v as MemberShape);
    else if (key === "members") {
      out[key] = Object.fromEntries(
        Object.entries(v as Record<string, MemberShape>).map(([n, m]) => [n, member(m)]),
      );
    } else if (key === "traits") {
      if (Object.keys(v as Traits).length) out[key] = sortedTraits(v as Traits);
    } else if (key === "rename" || key === "identifiers" || key === "properties") {
      const obj = v as Record<string, unknown>;
      out[key] = Object.fromEntries(
        Object.keys(obj)
          .sort()
          .map((k) => [k, obj[k]]),
      );
    } else out[key] = v;
  }
  // Anything this serializer does not know about is kept, after the known keys.
  for (const [k, v] of Object.entries(s))
    if (!(k in out) && !SHAPE_KEYS.includes(k as keyof AstShape)) out[k] = v;
  return out;
}

export function toCanonicalJson(model: Model): string {
  const out: Record<string, unknown> = { smithy: model.smithy };
  if (model.metadata && Object.keys(model.metadata).length) {
    out.metadata = Object.fromEntries(
      Object.keys(model.metadata)
        .sort()
        .map((k) => [k, model.metadata?.[k]]),
    );
  }
  const ids = Object.keys(model.shapes).sort();
  out.shapes = Object.fromEntries(ids.map((id) => [id, shape(model.shapes[id] as AstShape)]));
  return `${JSON.stringify(out, null, 2)}\n`;
}
