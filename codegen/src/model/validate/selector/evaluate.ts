import type { IndexedShape, ModelIndex } from "../model-index.js";
import {
  type AttributeScope,
  type AttributeValue,
  compare,
  isPresent,
  resolvePath,
  shapeAttribute,
} from "./attributes.js";
import type { Assertion, Selector, Step } from "./parser.js";

/**
 * Evaluates a parsed selector against a model. Steps push shapes to the next step (as Smithy's
 * own evaluator does), so `:test` can stop at the first match and variables flow along a path.
 */

/** Receives a shape; returns false to stop the whole evaluation early. */
type Receiver = (ctx: Context, shape: IndexedShape) => boolean;
type Compiled = (ctx: Context, shape: IndexedShape, next: Receiver) => boolean;

interface Context extends AttributeScope {
  index: ModelIndex;
  /** Results of `:in`/`:root` subexpressions over the whole model, computed once. */
  wholeModel: Map<Selector, Set<IndexedShape>>;
}

const NUMBERS = new Set([
  "byte",
  "short",
  "integer",
  "long",
  "float",
  "double",
  "bigDecimal",
  "bigInteger",
  "intEnum",
]);
const SIMPLE = new Set([...NUMBERS, "blob", "boolean", "document", "string", "enum", "timestamp"]);
const AGGREGATE = new Set(["list", "set", "map", "structure", "union"]);
const SERVICE_TYPES = new Set(["service", "operation", "resource"]);

/** Shape type selectors: `string` also matches enums, `integer` intEnums, `list` sets. */
export function matchesType(type: string, name: string): boolean {
  switch (name) {
    case "number":
      return NUMBERS.has(type);
    case "simpleType":
      return SIMPLE.has(type);
    case "collection":
      return type === "list" || type === "set";
    case "aggregateType":
      return AGGREGATE.has(type);
    case "serviceType":
      return SERVICE_TYPES.has(type);
    case "dataType":
      return SIMPLE.has(type) || AGGREGATE.has(type);
    case "string":
      return type === "string" || type === "enum";
    case "integer":
      return type === "integer" || type === "intEnum";
    case "list":
      return type === "list" || type === "set";
    default:
      return type === name;
  }
}

/**
 * True when every step only keeps or drops the shape it is given (no neighbors, no variables):
 * such a selector matches a shape exactly when evaluating it from that shape yields anything.
 */
export function isFilter(selector: Selector): boolean {
  return selector.every((step) => {
    switch (step.kind) {
      case "type":
      case "attribute":
      case "scoped":
        return true;
      case "function":
        if (step.name === "not" || step.name === "test" || step.name === "in") return true;
        return step.name === "is" && step.args.every(isFilter);
      default:
        return false;
    }
  });
}

function usesVariables(selector: Selector): boolean {
  return selector.some(
    (step) =>
      step.kind === "variableSet" ||
      step.kind === "variableGet" ||
      (step.kind === "attribute" && step.path[0] === "var") ||
      (step.kind === "function" && step.args.some(usesVariables)),
  );
}

/** A selector compiled once and evaluated against any model index. */
export class CompiledSelector {
  private readonly run: Compiled;
  /** See isFilter: membership can be tested shape by shape. */
  readonly filter: boolean;
  private readonly variables: boolean;

  constructor(readonly selector: Selector) {
    this.run = compileSequence(selector);
    this.filter = isFilter(selector);
    this.variables = usesVariables(selector);
  }

  /** For filter selectors: does the selector match this shape? */
  matches(index: ModelIndex, shape: IndexedShape): boolean {
    return yieldsAny(this.run, newContext(index), shape);
  }

  /** Every shape (and member) of the model that the selector yields. */
  select(index: ModelIndex): Set<IndexedShape> {
    const ctx = newContext(index);
    const out = new Set<IndexedShape>();
    const collect: Receiver = (_ctx, shape) => {
      out.add(shape);
      return true;
    };
    for (const shape of index.shapes.values()) {
      if (this.variables) ctx.variables = new Map();
      this.run(ctx, shape, collect);
    }
    return out;
  }

  /** The shapes yielded when evaluation starts from one shape only. */
  selectFrom(index: ModelIndex, start: IndexedShape): Set<IndexedShape> {
    const out = new Set<IndexedShape>();
    this.run(newContext(index), start, (_ctx, shape) => {
      out.add(shape);
      return true;
    });
    return out;
  }
}

function newContext(index: ModelIndex): Context {
  return { index, variables: new Map(), wholeModel: new Map() };
}

function compileSequence(selector: Selector): Compiled {
  const steps = selector.map(compileStep);
  const identity: Compiled = (ctx, shape, next) => next(ctx, shape);
  return steps.reduceRight<Compiled>(
    (rest, current) => (ctx, shape, next) => current(ctx, shape, (c, s) => rest(c, s, next)),
    identity,
  );
}

/** True when `selector` yields anything starting from `shape`. */
function yieldsAny(run: Compiled, ctx: Context, shape: IndexedShape): boolean {
  let found = false;
  run(ctx, shape, () => {
    found = true;
    return false;
  });
  return found;
}

function wholeModel(ctx: Context, selector: Selector, run: Compiled): Set<IndexedShape> {
  let result = ctx.wholeModel.get(selector);
  if (!result) {
    result = new Set();
    const into = result;
    const inner: Context = { ...ctx, variables: new Map() };
    for (const shape of ctx.index.shapes.values()) {
      run(inner, shape, (_c, s) => {
        into.add(s);
        return true;
      });
    }
    ctx.wholeModel.set(selector, result);
  }
  return result;
}

function compileStep(step: Step): Compiled {
  switch (step.kind) {
    case "type":
      return (ctx, shape, next) => (matchesType(shape.type, step.name) ? next(ctx, shape) : true);
    case "attribute":
      return (ctx, shape, next) => {
        const [first, ...rest] = step.path;
        const value = resolvePath(shapeAttribute(shape, first, ctx), rest, ctx);
        const ok = step.comparator
          ? compare(value, step.comparator, step.values, step.caseInsensitive)
          : isPresent(value);
        return ok ? next(ctx, shape) : true;
      };
    case "scoped":
      return (ctx, shape, next) => (scopedMatches(ctx, shape, step) ? next(ctx, shape) : true);
    case "neighbor": {
      const labels = new Set(step.labels);
      const withTraits = labels.has("trait");
      return (ctx, shape, next) => {
        const edges =
          step.direction === "forward" ? ctx.index.forward(shape.id) : ctx.index.reverse(shape.id);
        for (const edge of edges) {
          if (labels.size > 0 && !labels.has(edge.label)) continue;
          const neighbor = ctx.index.get(edge.to);
          if (neighbor && !next(ctx, neighbor)) return false;
        }
        if (withTraits) return traitNeighbors(ctx, shape, step.direction, next);
        return true;
      };
    }
    case "recursiveNeighbor":
      return (ctx, shape, next) => {
        const seen = new Set<string>([shape.id]);
        const queue = [shape.id];
        for (let i = 0; i < queue.length; i++) {
          for (const edge of ctx.index.forward(queue[i])) {
            if (seen.has(edge.to)) continue;
            seen.add(edge.to);
            const neighbor = ctx.index.get(edge.to);
            if (!neighbor) continue;
            queue.push(edge.to);
            if (!next(ctx, neighbor)) return false;
          }
        }
        return true;
      };
    case "variableSet": {
      const run = compileSequence(step.selector);
      return (ctx, shape, next) => {
        const found = new Set<IndexedShape>();
        run(ctx, shape, (_c, s) => {
          found.add(s);
          return true;
        });
        ctx.variables.set(step.name, found);
        return next(ctx, shape);
      };
    }
    case "variableGet":
      return (ctx, _shape, next) => {
        for (const shape of ctx.variables.get(step.name) ?? []) if (!next(ctx, shape)) return false;
        return true;
      };
    case "function":
      return compileFunction(step);
  }
}

function compileFunction(step: Extract<Step, { kind: "function" }>): Compiled {
  const runs = step.args.map(compileSequence);
  switch (step.name) {
    case "test":
      return (ctx, shape, next) =>
        runs.some((run) => yieldsAny(run, ctx, shape)) ? next(ctx, shape) : true;
    case "not":
      return (ctx, shape, next) => (yieldsAny(runs[0], ctx, shape) ? true : next(ctx, shape));
    case "is":
      return (ctx, shape, next) => {
        for (const run of runs) if (!run(ctx, shape, next)) return false;
        return true;
      };
    case "in":
      return (ctx, shape, next) =>
        wholeModel(ctx, step.args[0], runs[0]).has(shape) ? next(ctx, shape) : true;
    case "root":
      return (ctx, _shape, next) => {
        for (const shape of wholeModel(ctx, step.args[0], runs[0]))
          if (!next(ctx, shape)) return false;
        return true;
      };
    case "recursive":
      return (ctx, shape, next) => {
        const seen = new Set<IndexedShape>();
        const queue = [shape];
        for (let i = 0; i < queue.length; i++) {
          let keepGoing = true;
          runs[0](ctx, queue[i], (c, found) => {
            if (seen.has(found)) return true;
            seen.add(found);
            queue.push(found);
            keepGoing = next(c, found);
            return keepGoing;
          });
          if (!keepGoing) return false;
        }
        return true;
      };
    case "topdown":
      return (ctx, shape, next) => topDown(ctx, shape, runs[0], runs[1], next);
  }
}

/**
 * `:topdown(qualifier, disqualifier)`: from a service, resource or operation, walks down the
 * `resource` and `operation` bindings; a shape is yielded while the qualifier matched on it or an
 * ancestor and no disqualifier matched since (e.g. operation-level overrides of service traits).
 */
function topDown(
  ctx: Context,
  start: IndexedShape,
  qualifier: Compiled,
  disqualifier: Compiled | undefined,
  next: Receiver,
): boolean {
  if (start.type !== "service" && start.type !== "resource" && start.type !== "operation") {
    return true;
  }
  const seen = new Set<string>();
  const visit = (shape: IndexedShape, inherited: boolean): boolean => {
    if (seen.has(shape.id)) return true;
    seen.add(shape.id);
    let qualified = inherited || yieldsAny(qualifier, ctx, shape);
    if (qualified && disqualifier && yieldsAny(disqualifier, ctx, shape)) qualified = false;
    if (qualified && !next(ctx, shape)) return false;
    for (const edge of ctx.index.forward(shape.id)) {
      if (edge.label !== "resource" && edge.label !== "operation") continue;
      const child = ctx.index.get(edge.to);
      if (child && !visit(child, qualified)) return false;
    }
    return true;
  };
  return visit(start, false);
}

/** `-[trait]->`: from a shape to the trait shapes applied to it (and back). */
function traitNeighbors(
  ctx: Context,
  shape: IndexedShape,
  direction: "forward" | "reverse",
  next: Receiver,
): boolean {
  if (direction === "forward") {
    for (const traitId of Object.keys(shape.traits)) {
      const traitShape = ctx.index.get(traitId);
      if (traitShape && !next(ctx, traitShape)) return false;
    }
    return true;
  }
  for (const user of ctx.index.withTrait(shape.id)) if (!next(ctx, user)) return false;
  return true;
}

function scopedMatches(
  ctx: Context,
  shape: IndexedShape,
  step: Extract<Step, { kind: "scoped" }>,
): boolean {
  let scope: AttributeValue;
  if (step.path.length === 0) scope = { kind: "shape", shape };
  else {
    const [first, ...rest] = step.path;
    scope = resolvePath(shapeAttribute(shape, first, ctx), rest, ctx);
  }
  const candidates = scope.kind === "projection" ? scope.items : [scope];
  return candidates.some((candidate) =>
    step.assertions.every((assertion) => assertionHolds(ctx, shape, candidate, assertion)),
  );
}

function assertionHolds(
  ctx: Context,
  shape: IndexedShape,
  scope: AttributeValue,
  assertion: Assertion,
): boolean {
  const lhs = scopedPath(ctx, shape, scope, assertion.lhs);
  const rhs: string[] = [];
  for (const value of assertion.values) {
    if (typeof value === "string") rhs.push(value);
    else {
      const resolved = scopedPath(ctx, shape, scope, value.path);
      rhs.push(...flatStringsOf(resolved));
    }
  }
  return compare(lhs, assertion.comparator, rhs, assertion.caseInsensitive);
}

/** Context paths resolve against the scoped value; on a shape scope the first key is an attribute. */
function scopedPath(
  ctx: Context,
  shape: IndexedShape,
  scope: AttributeValue,
  path: string[],
): AttributeValue {
  if (path.length === 0) return scope;
  if (scope.kind === "shape" && scope.shape === shape) {
    const [first, ...rest] = path;
    return resolvePath(shapeAttribute(shape, first, ctx), rest, ctx);
  }
  return resolvePath(scope, path, ctx);
}

function flatStringsOf(value: AttributeValue): string[] {
  if (value.kind === "projection") return value.items.flatMap(flatStringsOf);
  if (value.kind === "node") {
    const v = value.value;
    return typeof v === "string" || typeof v === "number" || typeof v === "boolean"
      ? [String(v)]
      : [];
  }
  if (value.kind === "id") return [value.id];
  if (value.kind === "shape") return [value.shape.id];
  return [];
}
