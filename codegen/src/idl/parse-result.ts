/**
 * What one model file says, before anything is resolved across files: the parser produces it
 * for IDL, the JSON AST reader for JSON files, and the assembler merges them into one model.
 * Shape ids written in the file are kept as written (relative or absolute) with where they were.
 */
import type { NodeValue, ShapeType, ValidationEvent } from "../model/ast.js";

/** 1-based line and column in the file. */
export interface Pos {
  line: number;
  column: number;
}

/** A shape id as written (e.g. `String`, `smithy.api#String`, `Foo$bar`) and where. */
export interface RawId {
  id: string;
  pos: Pos;
}

/** An unquoted shape id inside a node value, to resolve later; `path` leads to it in `value`. */
export interface NodeRef {
  path: (string | number)[];
  raw: string;
  pos: Pos;
}

export interface ParsedNode {
  value: NodeValue;
  /** Syntactic shape ids in the value (IDL only). */
  refs: NodeRef[];
  pos: Pos;
}

export interface ParsedTrait {
  name: RawId;
  value: ParsedNode;
  /** `@foo` or `@foo()`: the value is coerced by the trait's shape type ({} or [] or null). */
  annotation: boolean;
  /** Came from `///` comments: an explicit @documentation on the same statement wins. */
  docComment?: boolean;
}

export interface ParsedMember {
  name: string;
  /** Undefined when the target is elided (`$name`). */
  target?: RawId;
  traits: ParsedTrait[];
  pos: Pos;
}

export type ShapeStatementType = Exclude<ShapeType, "apply">;

export interface ParsedShape {
  /** Absolute shape id. */
  id: string;
  type: ShapeStatementType;
  pos: Pos;
  traits: ParsedTrait[];
  mixins: RawId[];
  members: ParsedMember[];
  /** `for Resource` (structures): where elided members find their targets. */
  forResource?: RawId;
  /** Single references: input, output, create, put, read, update, delete, list. */
  refs: Record<string, RawId>;
  /** Lists of references: errors, operations, resources, collectionOperations. */
  refLists: Record<string, RawId[]>;
  /** Named references: identifiers, properties. */
  refMaps: Record<string, Record<string, RawId>>;
  /** service `rename`: shape id as written -> new name. */
  rename?: { from: RawId; to: string }[];
  version?: string;
  /** Written as a 1.0 `set` (loaded as a list with @uniqueItems). */
  setSyntax?: boolean;
}

export interface ParsedApply {
  target: RawId;
  traits: ParsedTrait[];
  pos: Pos;
}

export interface ParsedMetadata {
  key: string;
  value: ParsedNode;
  pos: Pos;
}

/** One file, parsed. `events` holds its syntax error (parsing stops there) and warnings. */
export interface ParsedFile {
  path: string;
  /** "1.0" or "2.0" (an IDL file without `$version` is 1.0). */
  version: string;
  namespace?: string;
  /** Short name -> absolute id, from `use` statements. */
  uses: Map<string, RawId>;
  metadata: ParsedMetadata[];
  shapes: ParsedShape[];
  applies: ParsedApply[];
  events: ValidationEvent[];
}
