import type { AstShape, MemberShape, Model, NodeValue, Traits } from "../model/ast.js";

/**
 * Smithy IDL 2.0 writer: turns the JSON AST shapes of one namespace into readable, deterministic
 * .smithy text that loads back to the same shapes. Shapes are written in the order given (the
 * transcriber gives docs order); documentation becomes `///` comments, defaults `= value`, enum
 * values `NAME = "value"` when they differ from the member name.
 */
export interface SerializeOptions {
  /** Header comment lines (without the leading `//`). */
  header?: string[];
  /** Metadata entries written after the control section. */
  metadata?: Record<string, NodeValue>;
  /** Comment lines (without `//`) keyed by shape id, written just above that shape. */
  comments?: Record<string, string[]>;
}

const PRELUDE = "smithy.api";
const INDENT = "    ";
/** Lines longer than this are broken over several lines when a value is a list or an object. */
const WIDTH = 100;

export function serializeModel(
  namespace: string,
  shapes: Record<string, AstShape>,
  options: SerializeOptions = {},
): string {
  const names = new NameResolver(namespace, shapes);
  const out: string[] = [];
  for (const line of options.header ?? []) out.push(line ? `// ${line}` : "//");
  if (out.length) out.push("");
  out.push('$version: "2.0"', "");
  const metadata = Object.entries(options.metadata ?? {});
  if (metadata.length) {
    for (const [key, value] of metadata) {
      out.push(`metadata ${nodeKey(key)} = ${writeNode(value, "", `metadata ${key} = `.length)}`);
    }
    out.push("");
  }
  out.push(`namespace ${namespace}`, "");
  const uses = names.uses();
  if (uses.length) {
    for (const id of uses) out.push(`use ${id}`);
    out.push("");
  }
  const blocks: string[] = [];
  for (const [id, shape] of Object.entries(shapes)) {
    if (shape.type === "apply") continue;
    const comment = (options.comments?.[id] ?? []).map((l) => (l ? `// ${l}` : "//"));
    blocks.push([...comment, writeShape(id, shape, names)].join("\n"));
  }
  out.push(blocks.join("\n\n"));
  return `${out.join("\n").trimEnd()}\n`;
}

/**
 * A whole JSON AST model of one namespace (prelude shapes left out) as IDL, metadata included.
 * Shapes of several namespaces cannot share one IDL file: that is an error.
 */
export function serializeAstModel(model: Model, options: SerializeOptions = {}): string {
  const shapes = Object.fromEntries(
    Object.entries(model.shapes).filter(([id]) => namespaceOf(id) !== PRELUDE),
  );
  const namespaces = [...new Set(Object.keys(shapes).map(namespaceOf))].sort();
  if (namespaces.length !== 1) {
    throw new Error(
      `an IDL file holds one namespace; this model has ${namespaces.join(", ") || "none"}`,
    );
  }
  const metadata = { ...(model.metadata ?? {}), ...(options.metadata ?? {}) };
  return serializeModel(namespaces[0], shapes, {
    ...options,
    ...(Object.keys(metadata).length ? { metadata } : {}),
  });
}

/** Decides how a shape id is spelled: relative when it resolves back to itself, else absolute. */
class NameResolver {
  private readonly local = new Set<string>();
  private readonly used = new Map<string, string>();

  constructor(
    private readonly namespace: string,
    shapes: Record<string, AstShape>,
  ) {
    for (const id of Object.keys(shapes)) {
      if (namespaceOf(id) === namespace) this.local.add(nameOf(id));
    }
    const foreign = new Set<string>();
    const note = (id: string) => {
      const ns = namespaceOf(id);
      if (ns !== namespace && ns !== PRELUDE) foreign.add(id.split("$")[0]);
    };
    for (const shape of Object.values(shapes)) visitIds(shape, note);
    const byName = new Map<string, string[]>();
    for (const id of [...foreign].sort()) {
      const list = byName.get(nameOf(id)) ?? [];
      list.push(id);
      byName.set(nameOf(id), list);
    }
    for (const [name, ids] of byName) {
      if (ids.length === 1 && !this.local.has(name)) this.used.set(name, ids[0]);
    }
  }

  uses(): string[] {
    return [...this.used.values()].sort();
  }

  ref(id: string): string {
    const name = nameOf(id);
    const ns = namespaceOf(id);
    if (ns === this.namespace) return name;
    if (this.used.get(name) === id) return name;
    if (ns === PRELUDE && !this.local.has(name) && !this.used.has(name)) return name;
    return id;
  }
}

function namespaceOf(id: string): string {
  return id.slice(0, id.indexOf("#"));
}

function nameOf(id: string): string {
  return id.slice(id.indexOf("#") + 1).split("$")[0];
}

function visitIds(shape: AstShape, note: (id: string) => void): void {
  const traits = (t?: Traits) => Object.keys(t ?? {}).forEach(note);
  const member = (m?: MemberShape) => {
    if (!m) return;
    note(m.target);
    traits(m.traits);
  };
  traits(shape.traits);
  for (const m of Object.values(shape.members ?? {})) member(m);
  member(shape.member);
  member(shape.key);
  member(shape.value);
  const refs = [
    shape.input,
    shape.output,
    shape.create,
    shape.put,
    shape.read,
    shape.update,
    shape.delete,
    shape.list,
    ...(shape.mixins ?? []),
    ...(shape.errors ?? []),
    ...(shape.operations ?? []),
    ...(shape.resources ?? []),
    ...(shape.collectionOperations ?? []),
    ...Object.values(shape.identifiers ?? {}),
    ...Object.values(shape.properties ?? {}),
  ];
  for (const r of refs) if (r) note(r.target);
  for (const id of Object.keys(shape.rename ?? {})) note(id);
}

function writeShape(id: string, shape: AstShape, names: NameResolver): string {
  const lines: string[] = writeTraits(shape.traits, "", names);
  const mixins = shape.mixins?.length
    ? ` with [${shape.mixins.map((m) => names.ref(m.target)).join(", ")}]`
    : "";
  const head = `${shape.type} ${nameOf(id)}${mixins}`;
  const body = shapeBody(shape, names);
  if (body === undefined) lines.push(head);
  else if (body.length === 0) lines.push(`${head} {}`);
  else lines.push(`${head} {`, ...body, "}");
  return lines.join("\n");
}

/** The lines between the braces, or undefined for a simple shape (which has no braces). */
function shapeBody(shape: AstShape, names: NameResolver): string[] | undefined {
  switch (shape.type) {
    case "enum":
    case "intEnum":
      return members(shape.members ?? {}, names, shape.type);
    case "structure":
    case "union":
      return members(shape.members ?? {}, names, "structure");
    case "list":
    case "set":
      return members(shape.member ? { member: shape.member } : {}, names, "collection");
    case "map": {
      const kv: Record<string, MemberShape> = {};
      if (shape.key) kv.key = shape.key;
      if (shape.value) kv.value = shape.value;
      return members(kv, names, "collection");
    }
    case "operation":
      return properties(
        [
          ["input", shape.input?.target],
          ["output", shape.output?.target],
          ["errors", shape.errors?.map((e) => e.target)],
        ],
        names,
      );
    case "service":
      return properties(
        [
          ["version", shape.version === undefined ? undefined : JSON.stringify(shape.version)],
          ["operations", shape.operations?.map((e) => e.target)],
          ["resources", shape.resources?.map((e) => e.target)],
          ["errors", shape.errors?.map((e) => e.target)],
          ["rename", shape.rename],
        ],
        names,
      );
    case "resource":
      return properties(
        [
          ["identifiers", refMap(shape.identifiers)],
          ["properties", refMap(shape.properties)],
          ["create", shape.create?.target],
          ["put", shape.put?.target],
          ["read", shape.read?.target],
          ["update", shape.update?.target],
          ["delete", shape.delete?.target],
          ["list", shape.list?.target],
          ["operations", shape.operations?.map((e) => e.target)],
          ["collectionOperations", shape.collectionOperations?.map((e) => e.target)],
          ["resources", shape.resources?.map((e) => e.target)],
        ],
        names,
      );
    default:
      return undefined;
  }
}

function refMap(refs?: Record<string, { target: string }>): Record<string, string> | undefined {
  if (!refs) return undefined;
  return Object.fromEntries(Object.entries(refs).map(([k, v]) => [k, v.target]));
}

type MemberKind = "enum" | "intEnum" | "structure" | "collection";

/** The `= value` written after a member, and the trait it replaces. */
function memberSuffix(
  kind: MemberKind,
  name: string,
  m: MemberShape,
): { text: string; omit?: string } {
  if (kind === "enum" || kind === "intEnum") {
    const value = m.traits?.["smithy.api#enumValue"];
    if (value === undefined) return { text: "" };
    if (kind === "enum" && value === name) return { text: "", omit: "smithy.api#enumValue" };
    return { text: ` = ${writeNode(value, INDENT, 0)}`, omit: "smithy.api#enumValue" };
  }
  if (kind === "structure") {
    const value = m.traits?.["smithy.api#default"];
    if (value === undefined) return { text: "" };
    return { text: ` = ${writeNode(value, INDENT, 0)}`, omit: "smithy.api#default" };
  }
  return { text: "" };
}

function members(
  all: Record<string, MemberShape>,
  names: NameResolver,
  kind: MemberKind,
): string[] {
  const blocks: string[][] = [];
  for (const [name, m] of Object.entries(all)) {
    const { text, omit } = memberSuffix(kind, name, m);
    const traits = { ...(m.traits ?? {}) };
    if (omit) delete traits[omit];
    const lines = writeTraits(traits, INDENT, names);
    // Enum members target smithy.api#Unit implicitly: only their name is written.
    const isEnum = kind === "enum" || kind === "intEnum";
    lines.push(
      isEnum ? `${INDENT}${name}${text}` : `${INDENT}${name}: ${names.ref(m.target)}${text}`,
    );
    blocks.push(lines);
  }
  // Blank lines between members only when some carry traits or docs, to keep short shapes short.
  const spaced = blocks.some((b) => b.length > 1);
  const out: string[] = [];
  blocks.forEach((b, i) => {
    if (spaced && i > 0) out.push("");
    out.push(...b);
  });
  return out;
}

function properties(
  entries: [string, string | string[] | Record<string, string> | undefined][],
  names: NameResolver,
): string[] {
  const out: string[] = [];
  for (const [key, value] of entries) {
    if (value === undefined) continue;
    if (typeof value === "string") {
      // version is pre-quoted; everything else is a shape id.
      out.push(`${INDENT}${key}: ${value.startsWith('"') ? value : names.ref(value)}`);
    } else if (Array.isArray(value)) {
      const refs = value.map((v) => names.ref(v));
      const inline = `${INDENT}${key}: [${refs.join(", ")}]`;
      if (inline.length <= WIDTH) out.push(inline);
      else
        out.push(`${INDENT}${key}: [`, ...refs.map((r) => `${INDENT}${INDENT}${r}`), `${INDENT}]`);
    } else if (key === "rename") {
      out.push(`${INDENT}${key}: {`);
      for (const [from, to] of Object.entries(value)) {
        out.push(`${INDENT}${INDENT}${JSON.stringify(from)}: ${JSON.stringify(to)}`);
      }
      out.push(`${INDENT}}`);
    } else {
      out.push(`${INDENT}${key}: {`);
      for (const [k, v] of Object.entries(value)) {
        out.push(`${INDENT}${INDENT}${nodeKey(k)}: ${names.ref(v)}`);
      }
      out.push(`${INDENT}}`);
    }
  }
  return out;
}

/** Traits in IDL form, documentation first as `///` comments, the rest sorted by name. */
function writeTraits(traits: Traits | undefined, indent: string, names: NameResolver): string[] {
  const out: string[] = [];
  if (!traits) return out;
  const doc = traits["smithy.api#documentation"];
  const rest = Object.keys(traits)
    .filter((k) => k !== "smithy.api#documentation")
    .sort();
  if (typeof doc === "string" && docCommentable(doc)) {
    for (const line of doc.split("\n")) out.push(line ? `${indent}/// ${line}` : `${indent}///`);
  } else if (doc !== undefined) {
    rest.unshift("smithy.api#documentation");
  }
  for (const id of rest) {
    const name = names.ref(id);
    const value = traits[id];
    if (isEmptyObject(value)) {
      out.push(`${indent}@${name}`);
      continue;
    }
    const prefix = `${indent}@${name}(`;
    if (isPlainObject(value)) {
      // Structured form without braces: @http(method: "POST", uri: "/")
      const entries = flatEntries(value, WIDTH - prefix.length - 1);
      if (entries !== undefined) out.push(`${prefix}${entries})`);
      else {
        out.push(`${prefix}`);
        for (const [k, v] of Object.entries(value)) {
          const key = `${indent}${INDENT}${nodeKey(k)}: `;
          out.push(`${key}${writeNode(v, indent + INDENT, key.length)}`);
        }
        out.push(`${indent})`);
      }
    } else {
      out.push(`${prefix}${writeNode(value, indent, prefix.length)})`);
    }
  }
  return out;
}

function docCommentable(doc: string): boolean {
  // `///` keeps every character except line breaks other than \n, and a leading space per line.
  return !/[\r\u2028\u2029]/.test(doc) && doc.split("\n").every((l) => !/^\s|\s$/.test(l));
}

function isPlainObject(v: NodeValue): v is { [key: string]: NodeValue } {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function isEmptyObject(v: NodeValue): boolean {
  return isPlainObject(v) && Object.keys(v).length === 0;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

function nodeKey(key: string): string {
  return IDENTIFIER.test(key) && !["true", "false", "null"].includes(key) ? key : quote(key);
}

/**
 * A node value in IDL form. `indent` is the indentation of the line the value starts on; `column`
 * is where on that line it starts: the value goes on that line when it fits (flat), else one item
 * per line.
 */
export function writeNode(value: NodeValue, indent: string, column: number): string {
  if (value === null) return "null";
  if (typeof value === "boolean") return String(value);
  if (typeof value === "number") return numberText(value);
  if (typeof value === "string") return stringText(value, indent);
  if (Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0) {
    return Array.isArray(value) ? "[]" : "{}";
  }
  const flat = flatNode(value, WIDTH - column);
  if (flat !== undefined) return flat;
  const inner = indent + INDENT;
  if (Array.isArray(value)) {
    const items = value.map((v) => `${inner}${writeNode(v, inner, inner.length)}`);
    return `[\n${items.join("\n")}\n${indent}]`;
  }
  const items = Object.entries(value).map(([k, v]) => {
    const key = `${inner}${nodeKey(k)}: `;
    return `${key}${writeNode(v, inner, key.length)}`;
  });
  return `{\n${items.join("\n")}\n${indent}}`;
}

/**
 * A node value on one line, when it takes at most `budget` characters (and holds no text block);
 * undefined otherwise. Gives up as soon as the budget is spent, so that deciding between the flat
 * and the multi-line form costs at most the width of a line per value, not the whole subtree at
 * every level (which made nested values exponential in their depth).
 */
function flatNode(value: NodeValue, budget: number): string | undefined {
  let text: string | undefined;
  if (value === null || typeof value === "boolean") text = String(value);
  else if (typeof value === "number") text = numberText(value);
  else if (typeof value === "string") {
    // Quoted, a string takes at least its length and the quotes.
    if (value.length + 2 > budget || textBlockSafe(value)) return undefined;
    text = quote(value);
  } else if (Array.isArray(value)) {
    if (value.length === 0) text = "[]";
    else {
      const items = flatList(value, (v, left) => flatNode(v, left), budget - 2);
      text = items === undefined ? undefined : `[${items}]`;
    }
  } else if (Object.keys(value).length === 0) text = "{}";
  else {
    const items = flatEntries(value, budget - 4);
    text = items === undefined ? undefined : `{ ${items} }`;
  }
  return text !== undefined && text.length <= budget ? text : undefined;
}

/** `k: v, k: v` of an object on one line, within `budget` characters, or undefined. */
function flatEntries(value: { [key: string]: NodeValue }, budget: number): string | undefined {
  return flatList(
    Object.entries(value),
    ([k, v], left) => {
      const key = `${nodeKey(k)}: `;
      const text = flatNode(v, left - key.length);
      return text === undefined ? undefined : key + text;
    },
    budget,
  );
}

/** Items joined by ", " within `budget` characters, or undefined as soon as one does not fit. */
function flatList<T>(
  items: T[],
  flat: (item: T, budget: number) => string | undefined,
  budget: number,
): string | undefined {
  let out = "";
  for (const item of items) {
    const separator = out === "" ? "" : ", ";
    const text = flat(item, budget - out.length - separator.length);
    if (text === undefined) return undefined;
    out += separator + text;
    if (out.length > budget) return undefined;
  }
  return out;
}

function numberText(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`cannot write ${n} as a Smithy number`);
  return String(n);
}

/** A quoted string, or a text block for long multi-line text that survives one unchanged. */
function stringText(s: string, indent: string): string {
  if (textBlockSafe(s)) {
    const inner = indent + INDENT;
    const lines = s.split("\n");
    const last = lines.pop() ?? "";
    const body = lines.map((l) => (l ? `${inner}${escapeBlock(l)}` : ""));
    // Ending with a newline: the closing delimiter sits on its own line at the base indentation,
    // which fixes the incidental whitespace; otherwise it closes the last content line.
    if (last === "") return `"""\n${body.join("\n")}\n${inner}"""`;
    return `"""\n${[...body, `${inner}${escapeBlock(last)}`].join("\n")}"""`;
  }
  return quote(s);
}

function textBlockSafe(s: string): boolean {
  if (!s.includes("\n") || s.length < 60) return false;
  // Only \n may be a control character: others would be unreadable or change inside a block.
  for (const ch of s) {
    const code = ch.charCodeAt(0);
    if ((code < 0x20 && ch !== "\n") || code === 0x2028 || code === 0x2029) return false;
  }
  const lines = s.split("\n");
  if (lines.some((l) => /\s$/.test(l))) return false;
  // Without a closing line of its own, a common leading indentation would be stripped.
  if (!s.endsWith("\n") && lines.some((l) => l.startsWith(" "))) return false;
  return true;
}

function escapeBlock(line: string): string {
  return line.replace(/\\/g, "\\\\").replace(/"""/g, '\\"""');
}

/** Whether a quoted string escapes any character of `s` (most strings need no escape). */
function needsEscape(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code < 0x20 || code === 0x22 || code === 0x5c || code === 0x2028 || code === 0x2029) {
      return true;
    }
  }
  return false;
}

function quote(s: string): string {
  if (!needsEscape(s)) return `"${s}"`;
  let out = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (code < 0x20 || code === 0x2028 || code === 0x2029)
      out += `\\u${code.toString(16).padStart(4, "0")}`;
    else out += ch;
  }
  return `${out}"`;
}
