/**
 * The Smithy 2.0 JSON AST (smithy.io/2.0/spec/json-ast.html): the in-memory model of every stage.
 * The loader produces it, the emitters and the transcriber consume it, and `docsmith ast` prints it.
 */

/** A Smithy node value, as JSON. */
export type NodeValue =
  | null
  | boolean
  | number
  | string
  | NodeValue[]
  | { [key: string]: NodeValue };

/** Trait values keyed by absolute trait shape id, e.g. `smithy.api#documentation`. */
export type Traits = Record<string, NodeValue>;

export type SimpleShapeType =
  | "blob"
  | "boolean"
  | "string"
  | "byte"
  | "short"
  | "integer"
  | "long"
  | "float"
  | "double"
  | "bigInteger"
  | "bigDecimal"
  | "timestamp"
  | "document";

export type ShapeType =
  | SimpleShapeType
  | "enum"
  | "intEnum"
  | "list"
  | "set"
  | "map"
  | "structure"
  | "union"
  | "service"
  | "operation"
  | "resource"
  | "apply";

/** Every shape type a model may define (all of ShapeType but the JSON AST's `apply`). */
export const SHAPE_TYPES: ReadonlySet<string> = new Set<Exclude<ShapeType, "apply">>([
  "blob",
  "boolean",
  "string",
  "byte",
  "short",
  "integer",
  "long",
  "float",
  "double",
  "bigInteger",
  "bigDecimal",
  "timestamp",
  "document",
  "enum",
  "intEnum",
  "list",
  "set",
  "map",
  "structure",
  "union",
  "service",
  "operation",
  "resource",
]);

/** Shape properties that hold one reference (operation I/O, resource lifecycle operations). */
export const SINGLE_REF_PROPERTIES = [
  "input",
  "output",
  "create",
  "put",
  "read",
  "update",
  "delete",
  "list",
] as const;

/** Shape properties that hold a list of references (service, resource and operation bindings). */
export const REF_LIST_PROPERTIES = [
  "operations",
  "resources",
  "errors",
  "collectionOperations",
] as const;

export interface ShapeRef {
  target: string;
}

export interface MemberShape {
  target: string;
  traits?: Traits;
}

export interface AstShape {
  type: ShapeType;
  traits?: Traits;
  mixins?: ShapeRef[];
  /** structure, union, enum, intEnum */
  members?: Record<string, MemberShape>;
  /** list, set */
  member?: MemberShape;
  /** map */
  key?: MemberShape;
  value?: MemberShape;
  /** operation */
  input?: ShapeRef;
  output?: ShapeRef;
  errors?: ShapeRef[];
  /** service */
  version?: string;
  operations?: ShapeRef[];
  resources?: ShapeRef[];
  rename?: Record<string, string>;
  /** resource */
  identifiers?: Record<string, ShapeRef>;
  properties?: Record<string, ShapeRef>;
  create?: ShapeRef;
  put?: ShapeRef;
  read?: ShapeRef;
  update?: ShapeRef;
  delete?: ShapeRef;
  list?: ShapeRef;
  collectionOperations?: ShapeRef[];
}

export interface Model {
  smithy: string;
  metadata?: Record<string, NodeValue>;
  shapes: Record<string, AstShape>;
}

/** Where something was defined: 1-based line and column. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

export type Severity = "ERROR" | "DANGER" | "WARNING" | "NOTE" | "SUGGESTION";

/** A validation event, as Smithy reports them: a stable id, a severity and where. */
export interface ValidationEvent {
  id: string;
  severity: Severity;
  message: string;
  shapeId?: string;
  location?: SourceLocation;
}

/** Formats an event the way a compiler does: `file:line:col: ERROR [Id] message`. */
export function formatEvent(event: ValidationEvent): string {
  const where = event.location
    ? `${event.location.file}:${event.location.line}:${event.location.column}: `
    : "";
  const shape = event.shapeId ? ` (${event.shapeId})` : "";
  return `${where}${event.severity} [${event.id}] ${event.message}${shape}`;
}
