import type { AstShape, MemberShape, Traits } from "../../model/ast.js";
import { type DocLocation, type Repair, TranscribeError } from "../transcribed.js";
import { docText } from "./doc-text.js";
import type { Entry } from "./entries.js";
import type { Skeleton } from "./http-syntax.js";

/** Shapes under construction, in docs order, with where each came from. */
export class ShapeSet {
  readonly shapes: Record<string, AstShape> = {};
  readonly sources: Record<string, DocLocation> = {};
  readonly repairs: Repair[] = [];

  constructor(
    readonly namespace: string,
    readonly file: string,
  ) {}

  id(name: string): string {
    return `${this.namespace}#${name}`;
  }

  at(line: number): DocLocation {
    return { file: this.file, line };
  }

  /** Adds a shape; the same name twice must mean the same shape. */
  add(name: string, shape: AstShape, line: number): string {
    const id = this.id(name);
    const existing = this.shapes[id];
    if (existing && JSON.stringify(existing) !== JSON.stringify(shape)) {
      const first = this.sources[id];
      throw new TranscribeError(
        this.at(line),
        `shape ${name} conflicts with the one read at ${first.file}:${first.line}`,
      );
    }
    if (!existing) {
      this.shapes[id] = shape;
      this.sources[id] = this.at(line);
    }
    return id;
  }

  repair(line: number, subject: string, printed: string, used: string, why: string): void {
    this.repairs.push({ file: this.file, line, subject, printed, used, why });
  }
}

const SIMPLE_TYPES: Record<string, string> = {
  String: "smithy.api#String",
  Integer: "smithy.api#Integer",
  Long: "smithy.api#Long",
  Float: "smithy.api#Float",
  Double: "smithy.api#Double",
  Boolean: "smithy.api#Boolean",
  Timestamp: "smithy.api#Timestamp",
  "Base64-encoded binary data object": "smithy.api#Blob",
};
const PLURAL_TYPES: Record<string, string> = {
  strings: "String",
  integers: "Integer",
  longs: "Long",
  floats: "Float",
  doubles: "Double",
  booleans: "Boolean",
  timestamps: "Timestamp",
};

export function upperFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function singular(s: string): string {
  if (s.endsWith("ies") && s.length > 4) return `${s.slice(0, -3)}y`;
  if (s.endsWith("s") && !s.endsWith("ss") && s.length > 3) return s.slice(0, -1);
  return s;
}

export function enumMemberName(value: string): string {
  const name = value
    .replace(/[^A-Za-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .toUpperCase();
  return /^[A-Z]/.test(name) ? name : `_${name || "EMPTY"}`;
}

/** Where a member sits: the owner shape's name, and the skeleton printed for its value. */
interface MemberContext {
  owner: string;
  skeleton?: Skeleton;
  /** "Request Syntax" or "Response Syntax", for messages. */
  syntax: string;
}

/** The member a documented entry describes, creating the enums, lists and structures it needs. */
export function entryMember(set: ShapeSet, entry: Entry, ctx: MemberContext): MemberShape {
  const subject = `${set.id(ctx.owner)}$${entry.name}`;
  let typeText = entry.type?.text;
  if (typeText === undefined) {
    if (!entry.length && !entry.pattern) {
      throw new TranscribeError(
        set.at(entry.line),
        `entry "${entry.name}" has no "Type:" line (truncated?)`,
      );
    }
    typeText = "String";
    const line = entry.length?.line ?? entry.pattern?.line ?? entry.line;
    set.repair(
      line,
      subject,
      "(no Type line; only string constraints)",
      "Type: String",
      "the page prints length/pattern constraints, which only strings have, but no Type line",
    );
  }
  for (const r of entry.runTogether) {
    set.repair(
      r.line,
      subject,
      r.printed,
      `"${r.keyword}:" as its own line`,
      "the page runs the fact into the preceding sentence",
    );
  }
  const typeLine = entry.type?.line ?? entry.line;
  const traits: Traits = {};
  const doc = docText(entry.doc, subject, set.file, set.repairs);
  if (doc) traits["smithy.api#documentation"] = doc;
  if (entry.required?.value) traits["smithy.api#required"] = {};
  if (/\bidempotency token\b/i.test(doc)) traits["smithy.api#idempotencyToken"] = {};
  const scalarTraits = constraintTraits(entry);

  const list = /^Array of (.+)$/.exec(typeText);
  const map = /^String to (.+) map$/.exec(typeText);
  if (list) {
    if (entry.arrayMembers) traits["smithy.api#length"] = boundsNode(entry.arrayMembers);
    const itemName = singular(entry.name);
    const items = ctx.skeleton?.kind === "array" ? ctx.skeleton.items[0] : undefined;
    const item = valueTarget(set, list[1], upperFirst(itemName), entry, typeLine, items, ctx);
    const listName = `${upperFirst(itemName)}List`;
    const member: MemberShape = { target: item };
    if (Object.keys(scalarTraits).length) member.traits = scalarTraits;
    const target = set.add(listName, { type: "list", member }, typeLine);
    return withTraits({ target }, traits);
  }
  if (map) {
    if (entry.arrayMembers) traits["smithy.api#length"] = boundsNode(entry.arrayMembers);
    const values = ctx.skeleton?.kind === "object" ? ctx.skeleton.entries[0]?.value : undefined;
    const value = valueTarget(set, map[1], upperFirst(entry.name), entry, typeLine, values, ctx);
    const target = set.add(
      `${upperFirst(entry.name)}Map`,
      { type: "map", key: { target: "smithy.api#String" }, value: { target: value } },
      typeLine,
    );
    return withTraits({ target }, traits);
  }
  const target = valueTarget(
    set,
    typeText,
    upperFirst(entry.name),
    entry,
    typeLine,
    ctx.skeleton,
    ctx,
  );
  Object.assign(traits, scalarTraits);
  return withTraits({ target }, traits);
}

function withTraits(member: MemberShape, traits: Traits): MemberShape {
  if (Object.keys(traits).length) member.traits = traits;
  return member;
}

function boundsNode(b: { min?: number; max?: number }): { min?: number; max?: number } {
  const out: { min?: number; max?: number } = {};
  if (b.min !== undefined) out.min = b.min;
  if (b.max !== undefined) out.max = b.max;
  return out;
}

/** Length, range and pattern of a scalar (or of a list's items). */
function constraintTraits(entry: Entry): Traits {
  const traits: Traits = {};
  if (entry.length) traits["smithy.api#length"] = boundsNode(entry.length);
  if (entry.range) traits["smithy.api#range"] = boundsNode(entry.range);
  if (entry.pattern) traits["smithy.api#pattern"] = entry.pattern.text;
  return traits;
}

/**
 * The target for a value type as the docs name it ("String", "integers", "SourceType objects",
 * "DestinationProperties object"): a prelude shape, an enum of the entry's valid values, or a
 * structure sketched by the syntax skeleton.
 */
function valueTarget(
  set: ShapeSet,
  typeText: string,
  enumName: string,
  entry: Entry,
  line: number,
  skeleton: Skeleton | undefined,
  ctx: MemberContext,
): string {
  const simple =
    SIMPLE_TYPES[typeText] ??
    SIMPLE_TYPES[upperFirst(typeText)] ??
    SIMPLE_TYPES[PLURAL_TYPES[typeText] ?? ""];
  if (simple) {
    if (!entry.validValues) return simple;
    if (simple !== "smithy.api#String") {
      throw new TranscribeError(set.at(entry.validValues.line), `valid values on a ${typeText}`);
    }
    const members: Record<string, MemberShape> = {};
    for (const v of entry.validValues.values) {
      const name = enumMemberName(v);
      // Two values naming one member (`S3 | s3`): the later would silently replace the earlier.
      const taken = members[name]?.traits?.["smithy.api#enumValue"];
      if (taken !== undefined) {
        throw new TranscribeError(
          set.at(entry.validValues.line),
          `valid values "${taken}" and "${v}" both name enum member ${name}`,
        );
      }
      members[name] = {
        target: "smithy.api#Unit",
        traits: { "smithy.api#enumValue": v },
      };
    }
    return set.add(enumName, { type: "enum", members }, entry.validValues.line);
  }
  const object = /^(\w+) objects?$/.exec(typeText);
  if (object) return sketchedStructure(set, object[1], skeleton, line, ctx);
  throw new TranscribeError(set.at(line), `unknown type "${typeText}"`);
}

/** A structure the page names but does not define: its members come from the skeleton. */
function sketchedStructure(
  set: ShapeSet,
  name: string,
  skeleton: Skeleton | undefined,
  line: number,
  ctx: MemberContext,
): string {
  if (set.shapes[set.id(name)]) return set.id(name);
  if (skeleton?.kind !== "object") {
    throw new TranscribeError(
      set.at(line),
      `type ${name} is referenced but neither defined on this page nor sketched in its ${ctx.syntax}`,
    );
  }
  const members: Record<string, MemberShape> = {};
  for (const e of skeleton.entries) {
    members[e.key] = { target: skeletonTarget(set, e.key, e.value, ctx) };
  }
  const id = set.add(name, { type: "structure", members }, skeleton.line);
  const sketch = skeleton.entries
    .map((e) => `${e.key}: ${shortName(members[e.key].target)}`)
    .join(", ");
  set.repair(
    line,
    id,
    `${name} (not defined on the page)`,
    `structure ${name} { ${sketch} } from the ${ctx.syntax} at line ${skeleton.line}`,
    "the page references the type without defining it; its skeleton is the only definition",
  );
  return id;
}

function shortName(id: string): string {
  return id.slice(id.indexOf("#") + 1);
}

/** A skeleton value's type: "string" placeholders are strings, nested objects structures. */
function skeletonTarget(set: ShapeSet, key: string, value: Skeleton, ctx: MemberContext): string {
  if (value.kind === "scalar") {
    if (value.quoted) return "smithy.api#String";
    if (value.text === "boolean") return "smithy.api#Boolean";
    if (value.text === "number") return "smithy.api#Double";
    throw new TranscribeError(
      set.at(value.line),
      `cannot tell the type of placeholder ${value.text}`,
    );
  }
  if (value.kind === "array") {
    const item = value.items[0];
    if (!item) throw new TranscribeError(set.at(value.line), `empty array sketch for ${key}`);
    const itemName = upperFirst(singular(key));
    const target = skeletonTarget(set, itemName, item, ctx);
    return set.add(`${itemName}List`, { type: "list", member: { target } }, value.line);
  }
  return sketchedStructure(set, upperFirst(key), value, value.line, ctx);
}
