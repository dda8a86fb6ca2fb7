/**
 * Mixins over the JSON AST, as Smithy defines them (smithy.io/2.0/spec/mixins.html): a shape
 * holds its own members and traits; inherited members whose traits it changes appear as
 * `"ns#Shape$member": {"type": "apply", ...}` entries. `flattenMixins` copies everything in and
 * drops the mixin shapes, like Smithy's ModelTransformer.flattenAndRemoveMixins.
 */
import {
  type AstShape,
  type MemberShape,
  type Model,
  REF_LIST_PROPERTIES,
  type ShapeRef,
  SINGLE_REF_PROPERTIES,
  type Traits,
} from "./ast.js";

const MIXIN = "smithy.api#mixin";

/** Shape-level traits a mixin does not pass on: `mixin` itself and its `localTraits`. */
function inheritableTraits(mixin: AstShape): Traits {
  const out: Traits = {};
  const local = new Set<string>([MIXIN]);
  const mixinTrait = mixin.traits?.[MIXIN];
  if (mixinTrait && typeof mixinTrait === "object" && !Array.isArray(mixinTrait)) {
    const list = mixinTrait.localTraits;
    if (Array.isArray(list)) for (const t of list) if (typeof t === "string") local.add(t);
  }
  for (const [k, v] of Object.entries(mixin.traits ?? {})) if (!local.has(k)) out[k] = v;
  return out;
}

/** The member names of a shape, as the JSON AST stores them (map/list members included). */
export function ownMembers(shape: AstShape): [string, MemberShape][] {
  if (shape.members) return Object.entries(shape.members);
  const out: [string, MemberShape][] = [];
  if (shape.member) out.push(["member", shape.member]);
  if (shape.key) out.push(["key", shape.key]);
  if (shape.value) out.push(["value", shape.value]);
  return out;
}

/**
 * Computes flattened views (members with inherited traits, shape traits, operation errors...)
 * with memoisation; mixin cycles are cut (the assembler reports them).
 */
export class MixinResolver {
  private readonly members = new Map<string, Map<string, MemberShape>>();
  private readonly traits = new Map<string, Traits>();
  private readonly active = new Set<string>();

  constructor(readonly model: Model) {}

  private applied(memberId: string): Traits | undefined {
    const entry = this.model.shapes[memberId];
    return entry?.type === "apply" ? entry.traits : undefined;
  }

  /** Members inherited from the mixins of `id` only (not its own), flattened. */
  inheritedMembers(id: string): Map<string, MemberShape> {
    const out = new Map<string, MemberShape>();
    const shape = this.model.shapes[id];
    for (const ref of shape?.mixins ?? []) {
      for (const [name, m] of this.flatMembers(ref.target)) {
        const prev = out.get(name);
        out.set(name, {
          target: m.target,
          traits: { ...(prev?.traits ?? {}), ...(m.traits ?? {}) },
        });
      }
    }
    return out;
  }

  /** All members of `id` in Smithy's order (inherited first, in mixin order), with traits. */
  flatMembers(id: string): Map<string, MemberShape> {
    const done = this.members.get(id);
    if (done) return done;
    const shape = this.model.shapes[id];
    if (!shape || this.active.has(id)) return new Map();
    this.active.add(id);
    const out = this.inheritedMembers(id);
    for (const [name, m] of out) {
      const extra = this.applied(`${id}$${name}`);
      if (extra) out.set(name, { target: m.target, traits: { ...(m.traits ?? {}), ...extra } });
    }
    for (const [name, m] of ownMembers(shape)) {
      const extra = this.applied(`${id}$${name}`);
      const traits = { ...(m.traits ?? {}), ...(extra ?? {}) };
      out.set(
        name,
        Object.keys(traits).length ? { target: m.target, traits } : { target: m.target },
      );
    }
    for (const [name, m] of out) {
      if (m.traits && Object.keys(m.traits).length === 0) out.set(name, { target: m.target });
    }
    this.active.delete(id);
    this.members.set(id, out);
    return out;
  }

  /** Shape traits with the inheritable traits of the mixins underneath (local ones win). */
  flatTraits(id: string): Traits {
    const done = this.traits.get(id);
    if (done) return done;
    const shape = this.model.shapes[id];
    if (!shape || this.active.has(id)) return {};
    this.active.add(id);
    let out: Traits = {};
    for (const ref of shape.mixins ?? []) {
      const mixin = this.model.shapes[ref.target];
      if (!mixin) continue;
      const flat = { ...this.flatTraits(ref.target) };
      const own = inheritableTraits({ ...mixin, traits: flat });
      out = { ...out, ...own };
    }
    out = { ...out, ...(shape.traits ?? {}) };
    this.active.delete(id);
    this.traits.set(id, out);
    return out;
  }

  /** A list-valued property (errors, operations...) with the mixins' entries first. */
  flatRefs(
    id: string,
    key: "errors" | "operations" | "resources" | "collectionOperations",
  ): ShapeRef[] {
    const seen = new Set<string>();
    const out: ShapeRef[] = [];
    const visit = (sid: string, depth: number): void => {
      const shape = this.model.shapes[sid];
      if (!shape || depth > 64) return;
      for (const ref of shape.mixins ?? []) visit(ref.target, depth + 1);
      for (const r of shape[key] ?? []) {
        if (!seen.has(r.target)) {
          seen.add(r.target);
          out.push({ target: r.target });
        }
      }
    };
    visit(id, 0);
    return out;
  }
}

/**
 * Copies members, traits, operations and other properties from mixins into the shapes that use
 * them, merges `apply` entries into their members, and removes mixin shapes.
 */
export function flattenMixins(model: Model): Model {
  const r = new MixinResolver(model);
  const shapes: Record<string, AstShape> = {};
  for (const [id, shape] of Object.entries(model.shapes)) {
    if (shape.type === "apply") continue;
    if (shape.traits?.[MIXIN] !== undefined) continue;
    const out: AstShape = { type: shape.type };
    const hasMixins = (shape.mixins?.length ?? 0) > 0;
    const members = r.flatMembers(id);
    if (shape.type === "list" || shape.type === "set") {
      const m = members.get("member");
      if (m) out.member = m;
    } else if (shape.type === "map") {
      const k = members.get("key");
      const v = members.get("value");
      if (k) out.key = k;
      if (v) out.value = v;
    } else if (shape.members !== undefined || members.size > 0) {
      out.members = Object.fromEntries(members);
    }
    if (hasMixins) {
      // Properties a shape does not set itself come from its mixins, nearest first.
      const chain = (sid: string, depth: number): AstShape[] => {
        const s = model.shapes[sid];
        if (!s || depth > 64) return [];
        return [s, ...(s.mixins ?? []).flatMap((m) => chain(m.target, depth + 1))];
      };
      const lineage = chain(id, 0);
      for (const key of SINGLE_REF_PROPERTIES) {
        const found = lineage.find((s) => s[key] && s[key]?.target !== "smithy.api#Unit");
        const own = shape[key];
        if (found?.[key]) out[key] = { target: (found[key] as ShapeRef).target };
        else if (own) out[key] = { target: own.target };
      }
      for (const key of REF_LIST_PROPERTIES) {
        const refs = r.flatRefs(id, key);
        if (refs.length) out[key] = refs;
      }
      const version = lineage.find((s) => s.version !== undefined)?.version;
      if (version !== undefined) out.version = version;
      for (const key of ["identifiers", "properties", "rename"] as const) {
        const merged: Record<string, unknown> = {};
        for (const s of [...lineage].reverse()) Object.assign(merged, s[key] ?? {});
        if (Object.keys(merged).length) (out as unknown as Record<string, unknown>)[key] = merged;
      }
    } else {
      for (const key of SINGLE_REF_PROPERTIES)
        if (shape[key]) out[key] = { target: (shape[key] as ShapeRef).target };
      for (const key of REF_LIST_PROPERTIES)
        if (shape[key]) out[key] = shape[key]?.map((x) => ({ target: x.target }));
      if (shape.version !== undefined) out.version = shape.version;
      if (shape.identifiers) out.identifiers = { ...shape.identifiers };
      if (shape.properties) out.properties = { ...shape.properties };
      if (shape.rename) out.rename = { ...shape.rename };
    }
    const traits = r.flatTraits(id);
    if (Object.keys(traits).length) out.traits = traits;
    shapes[id] = out;
  }
  const result: Model = { smithy: model.smithy, shapes };
  if (model.metadata) result.metadata = model.metadata;
  return result;
}
