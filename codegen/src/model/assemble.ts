/**
 * The assembler: merges parsed files (IDL or JSON AST, bundled prelude included) into one
 * model, as Smithy's ModelAssembler/LoaderShapeMap do. It resolves relative shape ids, detects
 * conflicting definitions, resolves elided members and mixins, merges traits from definitions
 * and `apply` statements, applies IDL 1.0 semantics, and reports loader-level events.
 */
import type {
  ParsedFile,
  ParsedMember,
  ParsedNode,
  ParsedShape,
  ParsedTrait,
  Pos,
  RawId,
} from "../idl/parse-result.js";
import {
  type AstShape,
  type MemberShape,
  type Model,
  type NodeValue,
  REF_LIST_PROPERTIES,
  type ShapeRef,
  SINGLE_REF_PROPERTIES,
  type SourceLocation,
  type Traits,
  type ValidationEvent,
} from "./ast.js";
import { MixinResolver } from "./mixins.js";
import { nodeEquals } from "./node-equality.js";

const PRELUDE_NS = "smithy.api";
/** Path prefix of the bundled model files (see load.ts). */
export const BUNDLED_PREFIX = "<bundled>/";
const UNIT = "smithy.api#Unit";
const MIXIN = "smithy.api#mixin";
const DEFAULT = "smithy.api#default";
const BOX = "smithy.api#box";
const V1_PRIMITIVES: Record<string, NodeValue> = {
  boolean: false,
  byte: 0,
  short: 0,
  integer: 0,
  long: 0,
  float: 0,
  double: 0,
};

export interface AssembleResult {
  model: Model;
  events: ValidationEvent[];
  locations: Map<string, SourceLocation>;
}

interface Def {
  shape: ParsedShape;
  file: ParsedFile;
}

/** A trait as found on a statement or an apply, resolved, with where it came from. */
interface TraitEntry {
  id: string;
  value: NodeValue;
  loc: SourceLocation;
}

interface WorkMember {
  name: string;
  target: string;
  /** True when the member redefines (or elides to) an inherited mixin member. */
  inherited: boolean;
  loc: SourceLocation;
}

interface Work {
  id: string;
  def: Def;
  ast: AstShape;
  members: WorkMember[];
}

function loc(file: ParsedFile, pos: Pos): SourceLocation {
  return { file: file.path, line: pos.line, column: pos.column };
}

export function assemble(files: ParsedFile[]): AssembleResult {
  return new Assembler(files).run();
}

class Assembler {
  private readonly events: ValidationEvent[] = [];
  private readonly locations = new Map<string, SourceLocation>();
  private readonly defs = new Map<string, Def>();
  private readonly work = new Map<string, Work>();
  private readonly traitEntries = new Map<string, TraitEntry[]>();
  private readonly shapes: Record<string, AstShape> = {};

  constructor(readonly files: ParsedFile[]) {}

  private error(id: string, message: string, where?: SourceLocation, shapeId?: string): void {
    this.emit("ERROR", id, message, where, shapeId);
  }

  private emit(
    severity: ValidationEvent["severity"],
    id: string,
    message: string,
    where?: SourceLocation,
    shapeId?: string,
  ): void {
    const ev: ValidationEvent = { id, severity, message };
    if (shapeId) ev.shapeId = shapeId;
    if (where) ev.location = where;
    this.events.push(ev);
  }

  run(): AssembleResult {
    for (const f of this.files) this.events.push(...f.events);
    this.collectDefinitions();
    this.checkUses();
    this.findMixinCycles();
    for (const id of this.defs.keys()) this.build(id);
    const metadata = this.mergeMetadata();
    this.collectTraits();
    this.finishShapes();
    this.checkTargets();
    const model: Model = { smithy: "2.0", shapes: this.shapes };
    if (metadata) model.metadata = metadata;
    return { model, events: this.events, locations: this.locations };
  }

  // --- resolution --------------------------------------------------------------------------------

  /** Resolves a shape id as written in `file` (use statements, then namespace, then prelude). */
  resolve(raw: string, file: ParsedFile): string {
    if (raw.includes("#")) return raw;
    const dollar = raw.indexOf("$");
    const name = dollar < 0 ? raw : raw.slice(0, dollar);
    const member = dollar < 0 ? "" : raw.slice(dollar);
    const used = file.uses.get(name);
    if (used) return used.id + member;
    const ns = file.namespace ?? PRELUDE_NS;
    const local = `${ns}#${name}`;
    if (this.defs.has(local)) return local + member;
    const prelude = `${PRELUDE_NS}#${name}`;
    if (this.defs.has(prelude)) return prelude + member;
    return local + member;
  }

  private exists(id: string): boolean {
    const dollar = id.indexOf("$");
    if (dollar < 0) return this.defs.has(id);
    const root = id.slice(0, dollar);
    if (!this.defs.has(root)) return false;
    return this.memberNames(root).has(id.slice(dollar + 1));
  }

  /** Resolves the syntactic shape ids inside a node value in place; DANGER when unresolved. */
  private resolveNode(node: ParsedNode, file: ParsedFile, report = true): NodeValue {
    if (node.refs.length === 0) return node.value;
    // Copy only the containers on the way to each reference: parsed values may be shared.
    const copied = new Set<object>();
    const copy = (v: NodeValue): NodeValue => {
      const c = (Array.isArray(v) ? [...v] : { ...(v as object) }) as NodeValue;
      copied.add(c as object);
      return c;
    };
    let value = node.value;
    for (const ref of node.refs) {
      const id = this.resolve(ref.raw, file);
      if (report && !this.exists(id)) {
        this.emit(
          "DANGER",
          "SyntacticShapeIdTarget",
          `Syntactic shape ID \`${ref.raw}\` does not resolve to a valid shape ID: \`${id}\`. Did you mean to quote this string? Are you missing a model file?`,
          loc(file, ref.pos),
        );
      }
      if (ref.path.length === 0) {
        value = id;
        continue;
      }
      if (!copied.has(value as object)) value = copy(value);
      let parent = value as Record<string | number, NodeValue>;
      for (let i = 0; i < ref.path.length - 1; i++) {
        const key = ref.path[i] as string;
        let child = parent[key] as NodeValue;
        if (!copied.has(child as object)) {
          child = copy(child);
          parent[key] = child;
        }
        parent = child as Record<string | number, NodeValue>;
      }
      parent[ref.path[ref.path.length - 1] as string] = id;
    }
    return value;
  }

  // --- definitions ---------------------------------------------------------------------------------

  private collectDefinitions(): void {
    const all: Def[] = [];
    for (const file of this.files) for (const shape of file.shapes) all.push({ shape, file });
    // First pass: every id is known before anything resolves (forward references).
    const byId = new Map<string, Def[]>();
    for (const d of all) {
      const list = byId.get(d.shape.id);
      if (list) list.push(d);
      else byId.set(d.shape.id, [d]);
    }
    for (const [id, list] of byId) this.defs.set(id, list[0] as Def);
    for (const [id, list] of byId) {
      if (list.length < 2) continue;
      const first = list[0] as Def;
      const sig = this.signature(first);
      for (const other of list.slice(1)) {
        if (this.signature(other) === sig) {
          const a = loc(first.file, first.shape.pos);
          const b = loc(other.file, other.shape.pos);
          this.emit(
            "NOTE",
            "Model.IgnoredDuplicateDefinition",
            `Ignoring duplicate but equivalent shape definition: ${id} defined at ${a.file}:${a.line}:${a.column} and ${b.file}:${b.line}:${b.column}`,
            b,
            id,
          );
        } else {
          const a = loc(first.file, first.shape.pos);
          const b = loc(other.file, other.shape.pos);
          this.error(
            "Model",
            `Conflicting shape definition for \`${id}\` found at \`${a.file}:${a.line}:${a.column}\` and \`${b.file}:${b.line}:${b.column}\``,
            b,
            id,
          );
        }
      }
    }
  }

  /** What makes two definitions of one id the same: everything but where they were written. */
  private signature(d: Def): string {
    const s = d.shape;
    const r = (x: RawId | undefined) => (x ? this.resolve(x.id, d.file) : undefined);
    // Object key order does not make two definitions different.
    const sorted = (_k: string, v: unknown) =>
      v && typeof v === "object" && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
        : v;
    return JSON.stringify(
      {
        type: s.type,
        mixins: s.mixins.map((m) => r(m)),
        members: s.members.map((m) => {
          const traits = this.traitSig(m.traits, d.file);
          // An enum member without a value has its name as value, however it was written.
          if (s.type === "enum" && !traits.some(([id]) => id === "smithy.api#enumValue")) {
            traits.push(["smithy.api#enumValue", m.name]);
            traits.sort((a, b) => a[0].localeCompare(b[0]));
          }
          return [m.name, r(m.target), traits];
        }),
        traits: this.traitSig(s.traits, d.file),
        refs: Object.entries(s.refs).map(([k, v]) => [k, r(v)]),
        lists: Object.entries(s.refLists).map(([k, v]) => [k, v.map((x) => r(x))]),
        maps: Object.entries(s.refMaps).map(([k, v]) => [
          k,
          Object.entries(v).map(([n, x]) => [n, r(x)]),
        ]),
        rename: s.rename?.map((x) => [r(x.from), x.to]),
        version: s.version,
        forResource: r(s.forResource),
      },
      sorted,
    );
  }

  /** Trait ids and values as they will be in the model: ids resolved, annotations coerced. */
  private traitSig(traits: ParsedTrait[], file: ParsedFile): [string, NodeValue][] {
    return traits
      .map((t): [string, NodeValue] => {
        const id = this.resolve(t.name.id, file);
        let value = this.resolveNode(t.value, file, false);
        if (t.annotation && value === null) {
          const type = this.defs.get(id)?.shape.type;
          if (type === "structure" || type === "map") value = {};
          else if (type === "list") value = [];
        }
        return [id, value];
      })
      .sort((a, b) => a[0].localeCompare(b[0]));
  }

  private checkUses(): void {
    for (const file of this.files) {
      for (const used of file.uses.values()) {
        if (!this.defs.has(used.id)) {
          this.emit(
            "WARNING",
            "Model",
            `Use statement refers to undefined shape: ${used.id}`,
            loc(file, used.pos),
          );
        }
      }
      for (const s of file.shapes) {
        if (s.setSyntax) {
          this.emit(
            "WARNING",
            "ModelDeprecation",
            "Set shapes are deprecated and have been removed in Smithy IDL v2. Use a list shape with the @uniqueItems trait instead.",
            loc(file, s.pos),
            s.id,
          );
        }
      }
    }
  }

  // --- metadata ----------------------------------------------------------------------------------

  private mergeMetadata(): Record<string, NodeValue> | undefined {
    const out: Record<string, NodeValue> = {};
    const where = new Map<string, SourceLocation>();
    let any = false;
    for (const file of this.files) {
      for (const m of file.metadata) {
        any = true;
        const value = this.resolveNode(m.value, file);
        const at = loc(file, m.pos);
        if (!Object.hasOwn(out, m.key)) {
          out[m.key] = value;
          where.set(m.key, at);
          continue;
        }
        const prev = out[m.key] as NodeValue;
        if (Array.isArray(prev) && Array.isArray(value)) {
          out[m.key] = [...prev, ...value];
        } else if (!nodeEquals(prev, value)) {
          const p = where.get(m.key) as SourceLocation;
          this.error(
            "Model",
            `Metadata conflict for key \`${m.key}\`. Defined in both \`${p.file}:${p.line}:${p.column}\` and \`${at.file}:${at.line}:${at.column}\``,
            at,
          );
        }
      }
    }
    // Smithy reads these metadata keys itself; they must be lists.
    for (const key of ["validators", "suppressions", "severityOverrides"]) {
      const v = out[key];
      if (v !== undefined && !Array.isArray(v)) {
        const found = v === null ? "null" : typeof v === "object" ? "object" : typeof v;
        this.error("Model", `${key} must be an array. Found ${found}.`, where.get(key));
      }
    }
    return any ? out : undefined;
  }

  // --- shapes: structure, members, mixins, elision -----------------------------------------------

  private memberNames(id: string): Set<string> {
    const names = new Set<string>();
    const visit = (sid: string, depth: number) => {
      const w = this.work.get(sid);
      if (!w || depth > 64) return;
      for (const m of w.ast.mixins ?? []) visit(m.target, depth + 1);
      for (const m of w.members) names.add(m.name);
    };
    visit(id, 0);
    return names;
  }

  /** Members inherited from the mixins of a shape (name -> target and where it is declared). */
  private inherited(
    w: Work,
    seen = new Set<string>(),
  ): Map<string, { target: string; from: string }> {
    const out = new Map<string, { target: string; from: string }>();
    if (seen.has(w.id)) return out;
    seen.add(w.id);
    for (const ref of w.ast.mixins ?? []) {
      const mixin = this.work.get(ref.target);
      if (!mixin) continue;
      for (const [name, m] of this.inherited(mixin, seen)) {
        if (!out.has(name)) out.set(name, m);
        else if (out.get(name)?.target !== m.target) this.mixinConflict(w, name, m.from);
      }
      for (const m of mixin.members) {
        const prev = out.get(m.name);
        if (prev && prev.target !== m.target)
          this.mixinConflict(w, m.name, `${mixin.id}$${m.name}`);
        else if (!prev) out.set(m.name, { target: m.target, from: `${mixin.id}$${m.name}` });
      }
    }
    return out;
  }

  private readonly reportedConflicts = new Set<string>();

  private mixinConflict(w: Work, name: string, other: string): void {
    const key = `${w.id}$${name}`;
    if (this.reportedConflicts.has(key)) return;
    this.reportedConflicts.add(key);
    this.error(
      "Model",
      `Member conflicts with an inherited mixin member: \`${other}\``,
      loc(w.def.file, w.def.shape.pos),
      key,
    );
  }

  /** Shapes in a mixin cycle (Tarjan's strongly connected components over mixin edges). */
  private findMixinCycles(): void {
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    let next = 0;
    const edges = (id: string): string[] => {
      const def = this.defs.get(id);
      return def
        ? def.shape.mixins.map((m) => this.resolve(m.id, def.file)).filter((t) => this.defs.has(t))
        : [];
    };
    const visit = (root: string): void => {
      // Iterative DFS: mixin chains in real models are short, but input is untrusted.
      const work: [string, number][] = [[root, 0]];
      index.set(root, next);
      low.set(root, next++);
      stack.push(root);
      onStack.add(root);
      while (work.length) {
        const top = work[work.length - 1] as [string, number];
        const [v, i] = top;
        const out = edges(v);
        if (i < out.length) {
          top[1]++;
          const w = out[i] as string;
          if (!index.has(w)) {
            index.set(w, next);
            low.set(w, next++);
            stack.push(w);
            onStack.add(w);
            work.push([w, 0]);
          } else if (onStack.has(w)) {
            low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
          }
          continue;
        }
        work.pop();
        const parent = work[work.length - 1];
        if (parent)
          low.set(parent[0], Math.min(low.get(parent[0]) as number, low.get(v) as number));
        if (low.get(v) !== index.get(v)) continue;
        const scc: string[] = [];
        for (;;) {
          const x = stack.pop() as string;
          onStack.delete(x);
          scc.push(x);
          if (x === v) break;
        }
        if (scc.length > 1 || edges(v).includes(v)) for (const x of scc) this.cycles.set(x, scc);
      }
    };
    for (const id of this.defs.keys()) if (!index.has(id)) visit(id);
  }

  private readonly cycles = new Map<string, string[]>();
  /** Shapes Smithy could not build (so shapes mixing them in cannot be built either). */
  private readonly failed = new Set<string>();

  private build(id: string): Work | undefined {
    const existing = this.work.get(id);
    if (existing) return existing;
    const def = this.defs.get(id);
    if (!def) return undefined;
    const { shape, file } = def;
    const r = (x: RawId) => this.resolve(x.id, file);
    const ast: AstShape = { type: shape.type };
    const where = loc(file, shape.pos);
    this.locations.set(id, where);
    const w: Work = { id, def, ast, members: [] };
    this.work.set(id, w);

    // Mixins first: members and elision depend on them.
    let mixinsFailed = false;
    if (shape.mixins.length) {
      ast.mixins = shape.mixins.map((m) => ({ target: r(m) }));
      const cycle = this.cycles.get(id);
      if (cycle) {
        const others = cycle.filter((x) => x !== id);
        this.error(
          "Model",
          `Unable to resolve mixins; cycles detected between this shape and [${others.join(", ")}]`,
          where,
          id,
        );
        mixinsFailed = true;
      } else {
        const wrongType: string[] = [];
        for (const { target } of ast.mixins) {
          const mixin = this.build(target);
          if (!mixin || this.failed.has(target)) {
            this.error("Model", `Cannot apply mixin to ${id}: ${target} not found`, where, id);
            mixinsFailed = true;
            continue;
          }
          if (mixin.def.shape.type !== shape.type) wrongType.push(target);
          else if (
            !mixin.def.shape.traits.some((t) => this.resolve(t.name.id, mixin.def.file) === MIXIN)
          ) {
            this.error(
              "Target",
              `Attempted to use ${target} as a mixin, but it is not marked with the mixin trait`,
              where,
              id,
            );
          }
        }
        if (wrongType.length) {
          this.error(
            "Model",
            `Mixins may only be mixed into shapes of the same type. The following mixins were applied to the ${shape.type} shape \`${id}\` which are not ${shape.type} shapes: [${wrongType.map((x) => `\`${x}\``).join(", ")}]`,
            where,
            id,
          );
        }
      }
    }
    if (mixinsFailed) this.failed.add(id);

    const inherited =
      ast.mixins && !mixinsFailed
        ? this.inherited(w)
        : new Map<string, { target: string; from: string }>();
    const resource = shape.forResource ? this.defs.get(r(shape.forResource)) : undefined;
    if (shape.forResource && resource && resource.shape.type !== "resource") {
      this.error(
        "Model",
        `The target of the \`for\` production must be a resource shape, but found a ${resource.shape.type} shape: ${r(shape.forResource)}`,
        loc(file, shape.forResource.pos),
        id,
      );
    }
    for (const m of shape.members) this.buildMember(w, m, inherited, resource, mixinsFailed);
    this.buildProperties(w);
    if (!mixinsFailed) this.requireMembers(w);
    return w;
  }

  /** Lists need `member`, maps `key` and `value` (own or inherited); Smithy cannot build them otherwise. */
  private requireMembers(w: Work): void {
    const type = w.ast.type;
    if (type !== "list" && type !== "set" && type !== "map") return;
    const names = this.memberNames(w.id);
    const missing = (type === "map" ? ["key", "value"] : ["member"]).filter((a) => !names.has(a));
    if (missing.length === 0) return;
    this.failed.add(w.id);
    this.error(
      "Model",
      `Missing required member${missing.length > 1 ? "s" : ""} of shape \`${w.id}\`: ${missing.join(", ")}`,
      this.locations.get(w.id),
      w.id,
    );
  }

  private buildMember(
    w: Work,
    m: ParsedMember,
    inherited: Map<string, { target: string; from: string }>,
    resource: Def | undefined,
    mixinsFailed: boolean,
  ): void {
    const { file } = w.def;
    const memberId = `${w.id}$${m.name}`;
    const where = loc(file, m.pos);
    this.locations.set(memberId, where);
    let target: string | undefined;
    if (m.target) {
      target = this.resolve(m.target.id, file);
    } else {
      const rs = resource?.shape.type === "resource" ? resource : undefined;
      const fromResource =
        rs?.shape.refMaps.identifiers?.[m.name] ?? rs?.shape.refMaps.properties?.[m.name];
      if (fromResource && rs) target = this.resolve(fromResource.id, rs.file);
      else target = inherited.get(m.name)?.target;
      if (!target) {
        if (mixinsFailed) return;
        this.error(
          "Model",
          "Member target was elided, but no bound resource or mixin contained a matching identifier or member name.",
          where,
          memberId,
        );
        return;
      }
    }
    const parent = inherited.get(m.name);
    if (parent && parent.target !== target) {
      this.error(
        "Model",
        `Member conflicts with an inherited mixin member: \`${parent.from}\``,
        where,
        memberId,
      );
    }
    w.members.push({ name: m.name, target, inherited: parent !== undefined, loc: where });
    this.addTraits(memberId, m.traits, file);
  }

  private buildProperties(w: Work): void {
    const { shape, file } = w.def;
    const ast = w.ast;
    const r = (x: RawId) => this.resolve(x.id, file);
    const ref = (x: RawId): ShapeRef => ({ target: r(x) });
    if (shape.version !== undefined) ast.version = shape.version;
    for (const key of SINGLE_REF_PROPERTIES) {
      const x = shape.refs[key];
      if (x) ast[key] = ref(x);
    }
    if (shape.type === "operation") {
      ast.input ??= { target: UNIT };
      ast.output ??= { target: UNIT };
    }
    for (const key of REF_LIST_PROPERTIES) {
      const list = shape.refLists[key];
      // Smithy writes no empty lists.
      if (list?.length) ast[key] = list.map(ref);
    }
    for (const key of ["identifiers", "properties"] as const) {
      const map = shape.refMaps[key];
      if (map) ast[key] = Object.fromEntries(Object.entries(map).map(([k, v]) => [k, ref(v)]));
    }
    if (shape.rename) {
      ast.rename = Object.fromEntries(shape.rename.map((x) => [r(x.from), x.to]));
    }
    this.addTraits(w.id, shape.traits, file);
  }

  // --- traits ------------------------------------------------------------------------------------

  private readonly pending: { target: string; traits: ParsedTrait[]; file: ParsedFile }[] = [];

  /** Statement traits wait until every shape is built: their values may name members. */
  private addTraits(target: string, traits: ParsedTrait[], file: ParsedFile): void {
    if (traits.length) this.pending.push({ target, traits, file });
  }

  private resolveTraits(target: string, traits: ParsedTrait[], file: ParsedFile): void {
    if (traits.length === 0) return;
    const explicitDocs = traits.some(
      (t) => !t.docComment && this.resolve(t.name.id, file) === "smithy.api#documentation",
    );
    let list = this.traitEntries.get(target);
    if (!list) {
      list = [];
      this.traitEntries.set(target, list);
    }
    for (const t of traits) {
      if (t.docComment && explicitDocs) continue;
      const id = this.resolve(t.name.id, file);
      const where = loc(file, t.name.pos);
      const traitDef = this.defs.get(id);
      if (!traitDef) {
        this.error(
          "Model",
          `Unable to resolve trait \`${id}\`. If this is a custom trait, then it must be defined before it can be used in a model.`,
          where,
          target,
        );
        continue;
      }
      let value = this.resolveNode(t.value, file);
      // 1.0 JSON ASTs could write annotation traits as `true`.
      const v1Annotation =
        value === true && file.version.startsWith("1") && traitDef.shape.type === "structure";
      if ((t.annotation && value === null) || v1Annotation) {
        const type = traitDef.shape.type;
        if (type === "structure" || type === "map") value = {};
        else if (type === "list" || type === "set") value = [];
      }
      if (id === DEFAULT && file.version.startsWith("1")) {
        this.error(
          "Model",
          "The @default trait can only be used in Smithy 2.0 or later",
          where,
          target,
        );
        continue;
      }
      if (id === MIXIN && file.version.startsWith("1")) {
        this.error(
          "Model",
          `Mixins can only be used in Smithy 2.0 or later. Attempted to apply a @mixin trait to \`${target}\` in a model file using version \`${file.version}\`.`,
          where,
          target,
        );
      }
      list.push({ id, value, loc: where });
    }
  }

  private collectTraits(): void {
    for (const p of this.pending) this.resolveTraits(p.target, p.traits, p.file);
    for (const file of this.files) {
      for (const a of file.applies) {
        const target = this.resolve(a.target.id, file);
        if (!this.exists(target)) {
          for (const t of a.traits) {
            this.error(
              "Model",
              `Trait \`${t.name.id}\` applied to unknown shape \`${target}\``,
              loc(file, a.pos),
            );
          }
          continue;
        }
        if (target.startsWith(`${PRELUDE_NS}#`) && !file.path.startsWith(BUNDLED_PREFIX)) {
          for (const t of a.traits) {
            this.error(
              "Model",
              `Cannot apply \`${this.resolve(t.name.id, file)}\` to an immutable prelude shape defined in \`${PRELUDE_NS}\`.`,
              loc(file, a.pos),
              target,
            );
          }
          continue;
        }
        this.resolveTraits(target, a.traits, file);
      }
    }
  }

  /** Merges the trait entries of one shape or member, as Smithy's LoaderTraitMap does. */
  private mergedTraits(target: string): Traits | undefined {
    const entries = this.traitEntries.get(target);
    if (!entries || entries.length === 0) return undefined;
    const out: Traits = {};
    const where = new Map<string, SourceLocation>();
    for (const e of entries) {
      if (!Object.hasOwn(out, e.id)) {
        out[e.id] = e.value;
        where.set(e.id, e.loc);
        continue;
      }
      const prev = out[e.id] as NodeValue;
      if (nodeEquals(prev, e.value)) continue;
      if (Array.isArray(prev) && Array.isArray(e.value)) {
        out[e.id] = [...prev, ...e.value];
        continue;
      }
      const p = where.get(e.id) as SourceLocation;
      this.error(
        "Model",
        `Conflicting \`${e.id}\` trait found on shape \`${target}\`. The previous trait was defined at \`${p.file}:${p.line}:${p.column}\`, and a conflicting trait was defined at \`${e.loc.file}:${e.loc.line}:${e.loc.column}\`.`,
        e.loc,
        target,
      );
    }
    return out;
  }

  // --- final shapes ------------------------------------------------------------------------------

  private finishShapes(): void {
    const ids = [...this.work.keys()].sort();
    // Pass 1: local members and traits; inherited members with traits become apply entries.
    for (const id of ids) {
      const w = this.work.get(id) as Work;
      const ast = w.ast;
      const traits = this.mergedTraits(id);
      const members: Record<string, MemberShape> = {};
      for (const m of w.members) {
        const mt = this.mergedTraits(`${id}$${m.name}`);
        if (m.inherited) {
          if (mt) this.shapes[`${id}$${m.name}`] = { type: "apply", traits: mt };
          continue;
        }
        members[m.name] = mt ? { target: m.target, traits: mt } : { target: m.target };
      }
      // Traits applied to inherited members that the shape does not redefine.
      if (ast.mixins) {
        const local = new Set(w.members.map((m) => m.name));
        for (const name of this.memberNames(id)) {
          if (local.has(name)) continue;
          const mt = this.mergedTraits(`${id}$${name}`);
          if (mt) this.shapes[`${id}$${name}`] = { type: "apply", traits: mt };
        }
      }
      this.placeMembers(w, members);
      if (traits) ast.traits = traits;
      this.checkShape(w);
      this.shapes[id] = ast;
    }
    this.applyV1Semantics();
    // Pass 2: drop introduced traits equal to what the mixins already give.
    const resolver = new MixinResolver({ smithy: "2.0", shapes: this.shapes });
    for (const [key, entry] of Object.entries(this.shapes)) {
      if (entry.type !== "apply" || !entry.traits) continue;
      const dollar = key.indexOf("$");
      const root = key.slice(0, dollar);
      const inherited = resolver.inheritedMembers(root).get(key.slice(dollar + 1))?.traits ?? {};
      const introduced: Traits = {};
      for (const [t, v] of Object.entries(entry.traits)) {
        if (!nodeEquals(inherited[t], v)) introduced[t] = v;
      }
      if (Object.keys(introduced).length) entry.traits = introduced;
      else delete this.shapes[key];
    }
  }

  private placeMembers(w: Work, members: Record<string, MemberShape>): void {
    const ast = w.ast;
    const type = ast.type;
    const where = this.locations.get(w.id);
    const names = Object.keys(members);
    if (type === "list" || type === "set" || type === "map") {
      const allowed = type === "map" ? ["key", "value"] : ["member"];
      const kind = w.def.shape.setSyntax ? "Set" : type === "map" ? "Map" : "List";
      const rule = type === "map" ? "`key` and `value` members" : "a `member` member";
      for (const n of names) {
        if (!allowed.includes(n)) {
          this.error(
            "Model",
            `${kind} shapes may only have ${rule}, but found \`${n}\``,
            where,
            w.id,
          );
        }
      }
      if (type === "map") {
        if (members.key) ast.key = members.key;
        if (members.value) ast.value = members.value;
      } else if (members.member) {
        ast.member = members.member;
      }
      return;
    }
    if (type === "structure" || type === "union" || type === "enum" || type === "intEnum") {
      ast.members = members;
      return;
    }
    for (const n of names) {
      this.error(
        "Model",
        `${type} shapes cannot have members, but found \`${n}\``,
        this.locations.get(`${w.id}$${n}`),
        w.id,
      );
    }
  }

  /** Shape rules the loader owns: enums, operation/resource mixins. */
  private checkShape(w: Work): void {
    const ast = w.ast;
    const where = this.locations.get(w.id);
    if (ast.type === "enum" || ast.type === "intEnum") {
      if (this.memberNames(w.id).size === 0) {
        const msg =
          ast.type === "enum"
            ? "enum must have at least one entry"
            : "intEnum shapes must have at least one member";
        this.error("Model", msg, where, w.id);
      }
      for (const [name, m] of Object.entries(ast.members ?? {})) this.checkEnumMember(w, name, m);
    }
    const isMixin = ast.traits?.[MIXIN] !== undefined;
    if (isMixin && ast.type === "operation") {
      if (ast.input?.target !== UNIT || ast.output?.target !== UNIT) {
        this.error(
          "Model",
          `Operation shapes with the mixin trait MUST target \`${UNIT}\` for their input and output. Operation mixin shape \`${w.id}\` defines one or both of these properties.`,
          where,
          w.id,
        );
      }
    }
    if (
      isMixin &&
      ast.type === "resource" &&
      ast.properties &&
      Object.keys(ast.properties).length
    ) {
      this.error(
        "Model",
        `Resource shapes with the mixin trait may not define any properties. Resource mixin shape \`${w.id}\` defines one or more properties.`,
        where,
        w.id,
      );
    }
  }

  private checkEnumMember(w: Work, name: string, m: MemberShape): void {
    const memberId = `${w.id}$${name}`;
    const where = this.locations.get(memberId);
    const value = m.traits?.["smithy.api#enumValue"];
    if (w.ast.type === "enum") {
      if (value === undefined) {
        m.traits = { ...(m.traits ?? {}), "smithy.api#enumValue": name };
      } else if (typeof value !== "string") {
        this.error(
          "Model",
          `enum members can only be assigned string values, but found: ${JSON.stringify(value)}`,
          where,
          memberId,
        );
      }
      return;
    }
    if (value === undefined) {
      this.error("Model", "intEnum members must have an @enumValue", where, memberId);
    } else if (typeof value !== "number") {
      this.error(
        "Model",
        `intEnum members require integer values, but found: ${JSON.stringify(value)}`,
        where,
        memberId,
      );
    } else if (!Number.isInteger(value)) {
      this.error("Model", "intEnum members do not support floating point values", where, memberId);
    } else if (value > 2147483647 || value < -2147483648) {
      this.error(
        "Model",
        `intEnum members must fit within an integer, but found: ${value}`,
        where,
        memberId,
      );
    }
  }

  /**
   * IDL 1.0 numbers and booleans were non-null unless boxed: Smithy 2 gives them a zero default,
   * and 1.0 members targeting such shapes get the same default.
   */
  private applyV1Semantics(): void {
    const v1Primitive = (id: string): NodeValue | undefined => {
      const s = this.shapes[id];
      if (!s || !(s.type in V1_PRIMITIVES)) return undefined;
      if (s.traits?.[BOX] !== undefined) return undefined;
      const d = s.traits?.[DEFAULT];
      return d !== undefined && d !== null ? d : undefined;
    };
    for (const w of this.work.values()) {
      if (!w.def.file.version.startsWith("1")) continue;
      const ast = w.ast;
      if (
        ast.type in V1_PRIMITIVES &&
        ast.traits?.[BOX] === undefined &&
        ast.traits?.[DEFAULT] === undefined
      ) {
        ast.traits = { ...(ast.traits ?? {}), [DEFAULT]: V1_PRIMITIVES[ast.type] as NodeValue };
      }
    }
    for (const w of this.work.values()) {
      if (!w.def.file.version.startsWith("1") || w.ast.type !== "structure") continue;
      for (const m of Object.values(w.ast.members ?? {})) {
        if (m.traits?.[BOX] !== undefined || m.traits?.[DEFAULT] !== undefined) continue;
        const zero = v1Primitive(m.target);
        if (zero !== undefined) m.traits = { ...(m.traits ?? {}), [DEFAULT]: zero };
      }
    }
  }

  // --- targets -----------------------------------------------------------------------------------

  private checkTargets(): void {
    const unresolved = (
      w: Work,
      rel: string,
      target: string,
      where?: SourceLocation,
      shapeId = w.id,
    ) => {
      const article = /^[aeiou]/.test(rel) ? "an" : "a";
      this.error(
        "Target",
        `${w.ast.type} shape has ${article} \`${rel}\` relationship to an unresolved shape \`${target}\``,
        where ?? this.locations.get(w.id),
        shapeId,
      );
    };
    for (const w of this.work.values()) {
      const ast = w.ast;
      for (const m of w.members) {
        if (!this.defs.has(m.target)) {
          this.error(
            "Target",
            `member shape has a \`member_target\` relationship to an unresolved shape \`${m.target}\``,
            m.loc,
            `${w.id}$${m.name}`,
          );
        }
      }
      for (const key of SINGLE_REF_PROPERTIES) {
        const t = ast[key]?.target;
        if (t && !this.defs.has(t)) unresolved(w, key, t);
      }
      for (const key of REF_LIST_PROPERTIES) {
        for (const r of ast[key] ?? []) {
          if (!this.defs.has(r.target))
            unresolved(w, key === "errors" ? "error" : key.replace(/s$/, ""), r.target);
        }
      }
      for (const key of ["identifiers", "properties"] as const) {
        for (const r of Object.values(ast[key] ?? {})) {
          if (!this.defs.has(r.target))
            unresolved(w, key === "identifiers" ? "identifier" : "property", r.target);
        }
      }
    }
  }
}
