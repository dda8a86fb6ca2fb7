import { Scanner } from "./scanner.js";

/** Parses a Smithy selector into a small AST (a selector is a sequence of steps). */

export type Comparator =
  | "="
  | "!="
  | "^="
  | "$="
  | "*="
  | "?="
  | ">"
  | ">="
  | "<"
  | "<="
  | "{=}"
  | "{!=}"
  | "{<}"
  | "{<<}";

export type Selector = Step[];

export type FunctionName = "not" | "test" | "is" | "in" | "root" | "topdown" | "recursive";

/** A path segment: a key (`trait`, `smithy.api#required`) or a function property (`(keys)`). */
export type PathSegment = string;

export interface Assertion {
  /** Path relative to the scope (`@{...}`). */
  lhs: PathSegment[];
  comparator: Comparator;
  /** Literal values, or context paths relative to the scope. */
  values: (string | { path: PathSegment[] })[];
  caseInsensitive: boolean;
}

export type Step =
  | { kind: "type"; name: string }
  | {
      kind: "attribute";
      path: PathSegment[];
      comparator?: Comparator;
      values: string[];
      caseInsensitive: boolean;
    }
  | { kind: "scoped"; path: PathSegment[]; assertions: Assertion[] }
  | { kind: "neighbor"; direction: "forward" | "reverse"; labels: string[] }
  | { kind: "recursiveNeighbor" }
  | {
      kind: "function";
      name: FunctionName;
      args: Selector[];
    }
  | { kind: "variableSet"; name: string; selector: Selector }
  | { kind: "variableGet"; name: string };

export const SHAPE_TYPE_NAMES = new Set([
  "blob",
  "boolean",
  "document",
  "string",
  "integer",
  "byte",
  "short",
  "long",
  "float",
  "double",
  "bigDecimal",
  "bigInteger",
  "timestamp",
  "list",
  "set",
  "map",
  "structure",
  "union",
  "service",
  "operation",
  "resource",
  "member",
  "enum",
  "intEnum",
  // Categories.
  "number",
  "simpleType",
  "collection",
  "aggregateType",
  "serviceType",
  "dataType",
]);

const BREAKS = new Set([",", "]", ")"]);
const FUNCTIONS = new Set(["not", "test", "is", "in", "root", "topdown", "recursive", "each"]);

export function parseSelector(text: string): Selector {
  const scanner = new Scanner(text);
  const selector = parseSequence(scanner);
  scanner.ws();
  if (!scanner.eof()) throw scanner.error("Unexpected selector character");
  return selector;
}

function parseSequence(s: Scanner): Selector {
  const steps: Step[] = [];
  s.ws();
  const first = parseStep(s);
  if (first) steps.push(first);
  s.ws();
  while (!s.eof() && !BREAKS.has(s.peek())) {
    const step = parseStep(s);
    if (step) steps.push(step);
    s.ws();
  }
  return steps;
}

/** Returns undefined for `*`, which matches every shape and so adds no step. */
function parseStep(s: Scanner): Step | undefined {
  s.ws();
  const c = s.peek();
  if (c === ":") {
    s.pos++;
    return parseFunction(s);
  }
  if (c === "[") {
    s.pos++;
    s.ws();
    if (s.accept("@")) return parseScoped(s);
    return parseAttribute(s);
  }
  if (s.accept(">")) return { kind: "neighbor", direction: "forward", labels: [] };
  if (s.accept("<-[")) {
    const labels = parseLabels(s);
    s.expect("-");
    return { kind: "neighbor", direction: "reverse", labels };
  }
  if (s.accept("<")) return { kind: "neighbor", direction: "reverse", labels: [] };
  if (s.accept("~>")) return { kind: "recursiveNeighbor" };
  if (s.accept("-[")) {
    const labels = parseLabels(s);
    s.expect("->");
    return { kind: "neighbor", direction: "forward", labels };
  }
  if (s.accept("*")) return undefined;
  if (s.accept("$")) return parseVariable(s);
  if (s.isIdentifierStart()) {
    const start = s.pos;
    const name = s.identifier();
    if (!SHAPE_TYPE_NAMES.has(name)) {
      s.pos = start;
      throw s.error(`Unknown shape type: ${name}`);
    }
    return { kind: "type", name };
  }
  throw s.error(s.eof() ? "Unexpected selector EOF" : "Unexpected selector character");
}

function parseLabels(s: Scanner): string[] {
  const labels: string[] = [];
  for (;;) {
    s.ws();
    labels.push(s.identifier());
    s.ws();
    if (s.accept("]")) return labels;
    s.expect(",");
  }
}

function parseVariable(s: Scanner): Step {
  s.ws();
  if (s.accept("{")) {
    s.ws();
    const name = s.identifier();
    s.ws();
    s.expect("}");
    return { kind: "variableGet", name };
  }
  const name = s.identifier();
  s.ws();
  s.expect("(");
  const selector = parseSequence(s);
  s.ws();
  s.expect(")");
  return { kind: "variableSet", name, selector };
}

function parseFunction(s: Scanner): Step {
  const start = s.pos;
  const name = s.identifier();
  if (!FUNCTIONS.has(name)) {
    s.pos = start;
    throw s.error(`Unknown selector function \`${name}\``);
  }
  s.ws();
  s.expect("(");
  const args: Selector[] = [];
  for (;;) {
    args.push(parseSequence(s));
    s.ws();
    if (s.accept(")")) break;
    s.expect(",");
  }
  const fn = (name === "each" ? "is" : name) as FunctionName;
  const single = fn === "not" || fn === "in" || fn === "root" || fn === "recursive";
  if (single && args.length !== 1) {
    s.pos = start;
    throw s.error(`The :${fn} function requires a single selector argument`);
  }
  if (fn === "topdown" && args.length > 2) {
    s.pos = start;
    throw s.error("The :topdown function accepts 1 or 2 selectors");
  }
  return { kind: "function", name: fn, args };
}

/** `id|member`, `trait|smithy.api#required|(keys)`: an attribute name, then `|` segments. */
function parsePath(s: Scanner): PathSegment[] {
  s.ws();
  const path: PathSegment[] = [s.identifier()];
  for (;;) {
    s.ws();
    if (!s.accept("|")) return path;
    s.ws();
    path.push(parseSegment(s));
  }
}

function parseSegment(s: Scanner): PathSegment {
  if (!s.accept("(")) return s.value();
  s.ws();
  const fn = s.identifier();
  s.ws();
  s.expect(")");
  return `(${fn})`;
}

function parseComparator(s: Scanner): Comparator | undefined {
  const ordered: Comparator[] = [
    "{!=}",
    "{<<}",
    "{<}",
    "{=}",
    "!=",
    "^=",
    "$=",
    "*=",
    "?=",
    ">=",
    "<=",
    "=",
    ">",
    "<",
  ];
  for (const comparator of ordered) if (s.accept(comparator)) return comparator;
  return undefined;
}

function parseAttribute(s: Scanner): Step {
  const path = parsePath(s);
  s.ws();
  if (s.accept("]")) return { kind: "attribute", path, values: [], caseInsensitive: false };
  const comparator = parseComparator(s);
  if (!comparator) throw s.error("Expected an attribute comparator or `]`");
  const values: string[] = [];
  for (;;) {
    s.ws();
    values.push(s.value());
    s.ws();
    if (!s.accept(",")) break;
  }
  const caseInsensitive = acceptCaseFlag(s);
  s.expect("]");
  return { kind: "attribute", path, comparator, values, caseInsensitive };
}

function acceptCaseFlag(s: Scanner): boolean {
  s.ws();
  if (s.peek() === "i" && !/[A-Za-z0-9_]/.test(s.peek(1))) {
    s.pos++;
    s.ws();
    return true;
  }
  return false;
}

/** `[@trait|range: @{min} > 0 && @{max} < 10]`; `[@: ...]` scopes to the shape itself. */
function parseScoped(s: Scanner): Step {
  s.ws();
  const path = s.peek() === ":" ? [] : parsePath(s);
  s.ws();
  s.expect(":");
  const assertions: Assertion[] = [];
  for (;;) {
    s.ws();
    const lhs = parseContextPath(s);
    s.ws();
    const comparator = parseComparator(s);
    if (!comparator) throw s.error("Expected an attribute comparator");
    const values: Assertion["values"] = [];
    for (;;) {
      s.ws();
      values.push(s.peek() === "@" ? { path: parseContextPath(s) } : s.value());
      s.ws();
      if (!s.accept(",")) break;
    }
    const caseInsensitive = acceptCaseFlag(s);
    assertions.push({ lhs, comparator, values, caseInsensitive });
    s.ws();
    if (s.accept("]")) return { kind: "scoped", path, assertions };
    s.expect("&&");
  }
}

/** `@{path|to|value}`; `@{}` is the scoped value itself. */
function parseContextPath(s: Scanner): PathSegment[] {
  s.expect("@{");
  s.ws();
  const path: PathSegment[] = [];
  while (s.peek() !== "}") {
    path.push(parseSegment(s));
    s.ws();
    if (!s.accept("|")) break;
    s.ws();
  }
  s.ws();
  s.expect("}");
  return path;
}
