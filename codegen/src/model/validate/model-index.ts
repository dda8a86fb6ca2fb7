import {
  type AstShape,
  type Model,
  type NodeValue,
  REF_LIST_PROPERTIES,
  type ShapeRef,
  SINGLE_REF_PROPERTIES,
  type Traits,
} from "../ast.js";
import { ownMembers } from "../mixins.js";

/**
 * A read-only view of an assembled model for validation: every shape and member addressable by
 * id, mixins applied (members, traits and bindings inherited, as Smithy's own model does after
 * loading), and the relationships between shapes that selectors walk.
 */

export type IndexedType = AstShape["type"] | "member";

export interface IndexedShape {
  id: string;
  type: IndexedType;
  /** Effective traits: inherited from mixins, then the shape's own. */
  traits: Traits;
  /** The shape's own traits only (what the model author wrote on it). */
  ownTraits: Traits;
  /** Members: the targeted shape id. */
  target?: string;
  /** Members: the id of the shape that holds the member. */
  container?: string;
  /** Members: the member name. */
  memberName?: string;
  /** Aggregates: member ids in definition order (inherited first). */
  members: string[];
  /** The flattened AST of a non-member shape (bindings merged from mixins). */
  ast: AstShape;
}

/** A directed edge; `label` is the selector relationship name (`""` for member -> target). */
export interface Relationship {
  label: string;
  to: string;
}

const PRELUDE = "smithy.api#";
/** Members have no shape AST of their own; validators read `target` and `traits` instead. */
const MEMBER_AST: AstShape = Object.freeze({ type: "structure" }) as AstShape;
const MIXIN_TRAIT = "smithy.api#mixin";

/** Namespaces of the bundled prelude and AWS trait models (validated by Smithy, not by users). */
export const BUNDLED_NAMESPACES = new Set([
  "smithy.api",
  "smithy.test",
  "smithy.protocols",
  "smithy.framework",
  "aws.api",
  "aws.auth",
  "aws.protocols",
  "aws.customizations",
]);

/** Returns the namespace of a shape id (`ns` in `ns#Name$member`). */
export function namespaceOf(id: string): string {
  const hash = id.indexOf("#");
  return hash < 0 ? "" : id.slice(0, hash);
}

/** Returns `ns#Name` of a member id, or the id itself. */
export function rootOf(id: string): string {
  const dollar = id.indexOf("$");
  return dollar < 0 ? id : id.slice(0, dollar);
}

/** Trait names in messages: `length` for prelude traits, the full id otherwise (as Smithy does). */
export function idiomaticTraitName(traitId: string): string {
  return traitId.startsWith(PRELUDE) ? traitId.slice(PRELUDE.length) : traitId;
}

export class ModelIndex {
  readonly shapes = new Map<string, IndexedShape>();
  readonly version: string;
  readonly metadata: Record<string, NodeValue>;
  private readonly forwardEdges = new Map<string, Relationship[]>();
  private readonly reverseEdges = new Map<string, Relationship[]>();
  private readonly byTrait = new Map<string, IndexedShape[]>();
  /**
   * Shapes and members outside the bundled namespaces. The bundled prelude and AWS trait models
   * are known to be valid (a test proves it), so per-shape validators skip them.
   */
  readonly userShapes: IndexedShape[] = [];

  constructor(
    readonly model: Model,
    /** Treat the bundled shapes as user shapes (see validateModel's `validateBundled`). */
    readonly bundledAsUser = false,
  ) {
    this.version = model.smithy;
    this.metadata = model.metadata ?? {};
    const flat = new Flattener(model.shapes);
    for (const id of Object.keys(model.shapes)) {
      const shape = model.shapes[id];
      if (shape.type === "apply") continue;
      flat.add(id, this.shapes);
    }
    for (const shape of this.shapes.values()) {
      if (this.isUserShape(shape)) this.userShapes.push(shape);
      const edges = relationshipsOf(shape);
      this.forwardEdges.set(shape.id, edges);
      for (const edge of edges) {
        const list = this.reverseEdges.get(edge.to);
        const back = { label: edge.label, to: shape.id };
        if (list) list.push(back);
        else this.reverseEdges.set(edge.to, [back]);
      }
      for (const traitId of Object.keys(shape.traits)) {
        const list = this.byTrait.get(traitId);
        if (list) list.push(shape);
        else this.byTrait.set(traitId, [shape]);
      }
    }
  }

  /** False for shapes of the bundled models, unless they are validated too. */
  isUserShape(shape: IndexedShape): boolean {
    return this.bundledAsUser || !BUNDLED_NAMESPACES.has(namespaceOf(shape.id));
  }

  get(id: string): IndexedShape | undefined {
    return this.shapes.get(id);
  }

  /** Outgoing relationships (traits excluded). */
  forward(id: string): Relationship[] {
    return this.forwardEdges.get(id) ?? [];
  }

  /** Incoming relationships, as edges back to the shapes that reference `id`. */
  reverse(id: string): Relationship[] {
    return this.reverseEdges.get(id) ?? [];
  }

  /** Shapes (and members) that carry a trait. */
  withTrait(traitId: string): IndexedShape[] {
    return this.byTrait.get(traitId) ?? [];
  }

  /** The shape a member ultimately targets, or the shape itself. */
  resolve(shape: IndexedShape): IndexedShape | undefined {
    return shape.type === "member" && shape.target ? this.shapes.get(shape.target) : shape;
  }

  /** True when `id` names a trait definition (a shape carrying `@trait`). */
  isTraitShape(id: string): boolean {
    return this.shapes.get(id)?.traits["smithy.api#trait"] !== undefined;
  }

  memberNamed(shape: IndexedShape, name: string): IndexedShape | undefined {
    return this.shapes.get(`${shape.id}$${name}`);
  }

  membersOf(shape: IndexedShape): IndexedShape[] {
    const out: IndexedShape[] = [];
    for (const id of shape.members) {
      const member = this.shapes.get(id);
      if (member) out.push(member);
    }
    return out;
  }
}

/** Applies mixins transitively; a cycle stops the walk (the loader reports cycles). */
class Flattener {
  private readonly done = new Map<string, IndexedShape>();
  private readonly active = new Set<string>();

  constructor(private readonly ast: Record<string, AstShape>) {}

  add(id: string, into: Map<string, IndexedShape>): IndexedShape | undefined {
    const existing = this.done.get(id);
    if (existing) return existing;
    const shape = this.ast[id];
    if (!shape || shape.type === "apply" || this.active.has(id)) return undefined;
    this.active.add(id);
    const traits: Traits = {};
    const members = new Map<string, { target: string; traits: Traits; own: Traits }>();
    const flat: AstShape = { ...shape };
    for (const ref of shape.mixins ?? []) {
      const mixin = this.add(ref.target, into);
      if (!mixin) continue;
      const local = localTraitsOf(mixin);
      for (const [key, value] of Object.entries(mixin.traits)) {
        if (key !== MIXIN_TRAIT && !local.has(key)) traits[key] = value;
      }
      for (const memberId of mixin.members) {
        const member = into.get(memberId);
        if (!member?.memberName) continue;
        const prior = members.get(member.memberName);
        members.set(member.memberName, {
          target: member.target ?? "",
          traits: { ...prior?.traits, ...member.traits },
          own: {},
        });
      }
      inheritBindings(flat, mixin.ast);
    }
    Object.assign(traits, shape.traits);
    for (const [name, member] of ownMembers(shape)) {
      const prior = members.get(name);
      members.set(name, {
        target: member.target || prior?.target || "",
        traits: { ...prior?.traits, ...member.traits },
        own: member.traits ?? {},
      });
    }
    const indexed: IndexedShape = {
      id,
      type: shape.type,
      traits,
      ownTraits: shape.traits ?? {},
      members: [],
      ast: flat,
    };
    // The shape first, then its members: iteration order is model order.
    into.set(id, indexed);
    for (const [name, member] of members) {
      const memberId = `${id}$${name}`;
      indexed.members.push(memberId);
      into.set(memberId, {
        id: memberId,
        type: "member",
        traits: member.traits,
        ownTraits: member.own,
        target: member.target,
        container: id,
        memberName: name,
        members: [],
        ast: MEMBER_AST,
      });
    }
    this.active.delete(id);
    this.done.set(id, indexed);
    return indexed;
  }
}

function localTraitsOf(mixin: IndexedShape): Set<string> {
  const value = mixin.ownTraits[MIXIN_TRAIT];
  const local = new Set<string>();
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const list = value.localTraits;
    if (Array.isArray(list)) for (const item of list) if (typeof item === "string") local.add(item);
  }
  return local;
}

/** Service, resource and operation mixins contribute their bindings. */
function inheritBindings(into: AstShape, mixin: AstShape): void {
  for (const key of REF_LIST_PROPERTIES) {
    const inherited = mixin[key];
    if (!inherited?.length) continue;
    const own = into[key] ?? [];
    const seen = new Set(own.map((ref) => ref.target));
    into[key] = [...inherited.filter((ref) => !seen.has(ref.target)), ...own];
  }
  for (const key of SINGLE_REF_PROPERTIES) {
    if (!into[key] && mixin[key]) into[key] = mixin[key];
  }
  for (const key of ["identifiers", "properties", "rename"] as const) {
    const inherited = mixin[key];
    if (inherited) into[key] = { ...inherited, ...into[key] } as never;
  }
}

function refs(list: ShapeRef[] | undefined, label: string, out: Relationship[]): void {
  for (const ref of list ?? []) out.push({ label, to: ref.target });
}

/** Relationships as Smithy's neighbor provider yields them (member -> container excluded). */
function relationshipsOf(shape: IndexedShape): Relationship[] {
  const out: Relationship[] = [];
  if (shape.type === "member") {
    if (shape.target) out.push({ label: "", to: shape.target });
    return out;
  }
  const ast = shape.ast;
  for (const member of shape.members) out.push({ label: "member", to: member });
  switch (shape.type) {
    case "operation":
      if (ast.input) out.push({ label: "input", to: ast.input.target });
      if (ast.output) out.push({ label: "output", to: ast.output.target });
      refs(ast.errors, "error", out);
      break;
    case "service":
      refs(ast.operations, "operation", out);
      refs(ast.resources, "resource", out);
      refs(ast.errors, "error", out);
      break;
    case "resource":
      for (const ref of Object.values(ast.identifiers ?? {}))
        out.push({ label: "identifier", to: ref.target });
      for (const ref of Object.values(ast.properties ?? {}))
        out.push({ label: "property", to: ref.target });
      // Lifecycle and collection operations are also plain `operation` relationships.
      for (const key of ["create", "put", "read", "update", "delete", "list"] as const) {
        const ref = ast[key];
        if (!ref) continue;
        out.push({ label: key, to: ref.target });
        out.push({ label: "operation", to: ref.target });
        if (key === "create" || key === "list")
          out.push({ label: "collectionOperation", to: ref.target });
      }
      refs(ast.operations, "operation", out);
      refs(ast.collectionOperations, "collectionOperation", out);
      refs(ast.collectionOperations, "operation", out);
      refs(ast.resources, "resource", out);
      break;
  }
  refs(ast.mixins, "mixin", out);
  return out;
}
