/**
 * Reads a Smithy JSON AST file (smithy.io/2.0/spec/json-ast.html, "1.0" or "2.0") into the same
 * ParsedFile form the IDL parser produces, so the assembler treats both alike. Ids in the JSON AST
 * are absolute. Positions are found by locating each key in the text (JSON.parse gives none).
 */
import type {
  ParsedFile,
  ParsedMember,
  ParsedShape,
  ParsedTrait,
  Pos,
  RawId,
  ShapeStatementType,
} from "../idl/parse-result.js";
import { type NodeValue, REF_LIST_PROPERTIES, SHAPE_TYPES, type ValidationEvent } from "./ast.js";

type Obj = Record<string, NodeValue>;

/** An absolute shape id, optionally with a member. */
const SHAPE_ID =
  /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*#[A-Za-z_][A-Za-z0-9_]*(\$[A-Za-z_][A-Za-z0-9_]*)?$/;

function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** Finds keys in the text front to back, so a file in the usual order is scanned once. */
class Locator {
  private lineStarts: number[] = [0];
  private cursor = 0;
  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++)
      if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
  }
  posOf(offset: number): Pos {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lineStarts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (this.lineStarts[lo] as number) + 1 };
  }
  find(key: string): Pos {
    const needle = JSON.stringify(key);
    let at = this.text.indexOf(needle, this.cursor);
    if (at < 0) at = this.text.indexOf(needle);
    if (at < 0) return { line: 1, column: 1 };
    this.cursor = at + needle.length;
    return this.posOf(at);
  }
  /** Looks for a key after the last found one without moving on (members of a shape). */
  peek(key: string): Pos {
    const needle = JSON.stringify(key);
    const at = this.text.indexOf(needle, this.cursor);
    return at < 0 ? { line: 1, column: 1 } : this.posOf(at);
  }
}

const COMMON = ["mixins", "traits", "type"];
const PROPERTIES: Record<string, string[]> = {
  list: ["member"],
  set: ["member"],
  map: ["key", "value"],
  structure: ["members"],
  union: ["members"],
  enum: ["members"],
  intEnum: ["members"],
  service: ["errors", "operations", "rename", "resources", "version"],
  operation: ["errors", "input", "output"],
  resource: [
    "collectionOperations",
    "create",
    "delete",
    "identifiers",
    "list",
    "operations",
    "properties",
    "put",
    "read",
    "resources",
    "update",
  ],
};

/** Smithy warns about properties a JSON object may not have (and otherwise ignores them). */
function extraProperties(obj: Obj, allowed: string[]): string | undefined {
  const extra = Object.keys(obj)
    .filter((k) => !allowed.includes(k))
    .sort();
  if (extra.length === 0) return undefined;
  const list = (xs: string[]) => xs.map((x) => `\`${x}\``).join(", ");
  return `Expected an object with possible properties of ${list([...allowed].sort())}, but found additional properties: ${list(extra)}`;
}

export function readJsonAst(path: string, text: string): ParsedFile {
  const file: ParsedFile = {
    path,
    version: "2.0",
    uses: new Map(),
    metadata: [],
    shapes: [],
    applies: [],
    events: [],
  };
  const locator = new Locator(text);
  const fail = (message: string, pos: Pos = { line: 1, column: 1 }, shapeId?: string) => {
    const ev: ValidationEvent = {
      id: "Model",
      severity: "ERROR",
      message,
      location: { file: path, line: pos.line, column: pos.column },
    };
    if (shapeId) ev.shapeId = shapeId;
    file.events.push(ev);
  };
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    const msg = (e as Error).message;
    const m = /position (\d+)/.exec(msg);
    fail(`Invalid JSON: ${msg}`, m ? locator.posOf(Number(m[1])) : undefined);
    return file;
  }
  if (!isObj(doc)) {
    fail("A JSON AST model must be an object");
    return file;
  }
  const warn = (message: string, pos: Pos = { line: 1, column: 1 }, shapeId?: string) => {
    const ev: ValidationEvent = {
      id: "Model",
      severity: "WARNING",
      message,
      location: { file: path, line: pos.line, column: pos.column },
    };
    if (shapeId) ev.shapeId = shapeId;
    file.events.push(ev);
  };
  const topExtra = extraProperties(doc, ["metadata", "shapes", "smithy"]);
  if (topExtra) warn(topExtra);
  const version = doc.smithy;
  if (typeof version !== "string" || !/^[12](\.0)?$/.test(version)) {
    fail(
      `Unsupported or missing Smithy version in JSON AST: ${JSON.stringify(version)}`,
      locator.peek("smithy"),
    );
    return file;
  }
  file.version = version.startsWith("1") ? "1.0" : "2.0";
  if (doc.metadata !== undefined) {
    if (!isObj(doc.metadata)) fail("`metadata` must be an object", locator.peek("metadata"));
    else {
      for (const [key, value] of Object.entries(doc.metadata)) {
        const pos = locator.peek(key);
        file.metadata.push({ key, value: { value, refs: [], pos }, pos });
      }
    }
  }
  const shapes = doc.shapes ?? {};
  if (!isObj(shapes)) {
    fail("`shapes` must be an object", locator.peek("shapes"));
    return file;
  }
  for (const [id, raw] of Object.entries(shapes)) {
    const pos = locator.find(id);
    if (!SHAPE_ID.test(id)) {
      fail(`Invalid shape ID: ${id}`, pos);
      continue;
    }
    try {
      readShape(file, id, raw, pos, locator, warn);
    } catch (e) {
      fail((e as Error).message, pos, id);
    }
  }
  return file;
}

function ref(v: NodeValue | undefined, what: string, pos: Pos): RawId {
  if (!isObj(v) || typeof v.target !== "string")
    throw new Error(`${what} must be an object with a \`target\` string`);
  return { id: v.target, pos };
}

function traitsOf(v: NodeValue | undefined, pos: Pos): ParsedTrait[] {
  if (v === undefined) return [];
  if (!isObj(v)) throw new Error("`traits` must be an object");
  for (const id of Object.keys(v))
    if (!SHAPE_ID.test(id) || id.includes("$")) throw new Error(`Invalid shape ID: ${id}`);
  return Object.entries(v).map(([id, value]) => ({
    name: { id, pos },
    value: { value, refs: [], pos },
    annotation: false,
  }));
}

function readShape(
  file: ParsedFile,
  id: string,
  raw: NodeValue,
  pos: Pos,
  locator: Locator,
  warn: (message: string, pos: Pos, shapeId: string) => void,
): void {
  if (!isObj(raw)) throw new Error(`Shape \`${id}\` must be an object`);
  if (typeof raw.type === "string") {
    const allowed =
      raw.type === "apply" ? ["traits", "type"] : [...COMMON, ...(PROPERTIES[raw.type] ?? [])];
    const extra = extraProperties(raw, allowed);
    if (extra) warn(extra, pos, id);
  }
  const type = raw.type;
  if (type === "apply") {
    file.applies.push({ target: { id, pos }, traits: traitsOf(raw.traits, pos), pos });
    return;
  }
  if (typeof type !== "string" || !SHAPE_TYPES.has(type)) {
    throw new Error(`Unknown shape type ${JSON.stringify(type)} for \`${id}\``);
  }
  if (id.includes("$")) throw new Error(`Shape \`${id}\` cannot be a member id`);
  const traits = traitsOf(raw.traits, pos);
  let shapeType = type as ShapeStatementType;
  const setSyntax = shapeType === "set";
  if (setSyntax) {
    shapeType = "list";
    if (!traits.some((t) => t.name.id === "smithy.api#uniqueItems")) {
      traits.push({
        name: { id: "smithy.api#uniqueItems", pos },
        value: { value: {}, refs: [], pos },
        annotation: false,
      });
    }
  }
  const shape: ParsedShape = {
    id,
    type: shapeType,
    pos,
    traits,
    mixins: [],
    members: [],
    refs: {},
    refLists: {},
    refMaps: {},
  };
  const member = (name: string, v: NodeValue | undefined): ParsedMember => {
    const mpos = locator.peek(name);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
      throw new Error(`Invalid member name \`${name}\` in \`${id}\``);
    if (!isObj(v) || typeof v.target !== "string") {
      throw new Error(`Member \`${id}$${name}\` must be an object with a \`target\` string`);
    }
    const extra = extraProperties(v, ["target", "traits"]);
    if (extra) warn(extra, mpos, `${id}$${name}`);
    return {
      name,
      target: { id: v.target, pos: mpos },
      traits: traitsOf(v.traits, mpos),
      pos: mpos,
    };
  };
  if (raw.mixins !== undefined) {
    if (!Array.isArray(raw.mixins)) throw new Error("`mixins` must be an array");
    shape.mixins = raw.mixins.map((m) => ref(m, "A mixin", pos));
  }
  if (raw.members !== undefined) {
    if (!isObj(raw.members)) throw new Error("`members` must be an object");
    for (const [name, m] of Object.entries(raw.members)) shape.members.push(member(name, m));
  }
  for (const key of ["member", "key", "value"]) {
    if (raw[key] !== undefined) shape.members.push(member(key, raw[key]));
  }
  for (const key of ["input", "output", "create", "put", "read", "update", "delete", "list"]) {
    if (raw[key] !== undefined) shape.refs[key] = ref(raw[key], `\`${key}\``, pos);
  }
  for (const key of REF_LIST_PROPERTIES) {
    const list = raw[key];
    if (list === undefined) continue;
    if (!Array.isArray(list)) throw new Error(`\`${key}\` must be an array`);
    shape.refLists[key] = list.map((x) => ref(x, `An entry of \`${key}\``, pos));
  }
  for (const key of ["identifiers", "properties"]) {
    const map = raw[key];
    if (map === undefined) continue;
    if (!isObj(map)) throw new Error(`\`${key}\` must be an object`);
    shape.refMaps[key] = Object.fromEntries(
      Object.entries(map).map(([k, v]) => [k, ref(v, `\`${key}.${k}\``, pos)]),
    );
  }
  if (raw.rename !== undefined) {
    if (!isObj(raw.rename)) throw new Error("`rename` must be an object");
    shape.rename = Object.entries(raw.rename).map(([from, to]) => ({
      from: { id: from, pos },
      to: String(to),
    }));
  }
  if (typeof raw.version === "string") shape.version = raw.version;
  if (setSyntax) shape.setSyntax = true;
  file.shapes.push(shape);
}
