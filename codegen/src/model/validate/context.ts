import type { NodeValue, Severity, SourceLocation, ValidationEvent } from "../ast.js";
import { type IndexedShape, type ModelIndex, rootOf } from "./model-index.js";
import { type CompiledSelector, compileSelector, SelectorSyntaxError } from "./selector/index.js";

const compiled = new Map<string, CompiledSelector | SelectorSyntaxError>();

/** What every validator gets: the indexed model, cached selector results, and an event sink. */
export class ValidationContext {
  readonly events: ValidationEvent[] = [];
  private readonly traitChecks = new Map<string, (shape: IndexedShape) => boolean>();
  private readonly closures = new Map<string, Map<string, IndexedShape>>();
  private readonly selections = new Map<string, Set<IndexedShape> | SelectorSyntaxError>();

  constructor(
    readonly index: ModelIndex,
    private readonly locate: (id: string) => SourceLocation | undefined,
  ) {}

  emit(id: string, severity: Severity, shapeId: string | undefined, message: string): void {
    const event: ValidationEvent = { id, severity, message };
    if (shapeId) {
      event.shapeId = shapeId;
      const location = this.locate(shapeId) ?? this.locate(rootOf(shapeId));
      if (location) event.location = location;
    }
    this.events.push(event);
  }

  /** Parses a selector (once per process: compiled selectors do not depend on the model). */
  selector(text: string): CompiledSelector | SelectorSyntaxError {
    let result = compiled.get(text);
    if (!result) {
      try {
        result = compileSelector(text);
      } catch (error) {
        if (!(error instanceof SelectorSyntaxError)) throw error;
        result = error;
      }
      // Bounded: selectors come from models, and a long-lived process may load many.
      if (compiled.size >= 2000) compiled.clear();
      compiled.set(text, result);
    }
    return result;
  }

  /** Every shape reachable from `start` (members included), as Smithy's walker finds them. */
  closure(start: IndexedShape): Map<string, IndexedShape> {
    let closure = this.closures.get(start.id);
    if (closure) return closure;
    closure = new Map([[start.id, start]]);
    const queue = [start];
    for (let i = 0; i < queue.length; i++) {
      for (const edge of this.index.forward(queue[i].id)) {
        if (closure.has(edge.to)) continue;
        const next = this.index.get(edge.to);
        if (!next) continue;
        closure.set(edge.to, next);
        queue.push(next);
      }
    }
    this.closures.set(start.id, closure);
    return closure;
  }

  /** Every shape a selector yields over the whole model, computed once per selector text. */
  select(text: string): Set<IndexedShape> | SelectorSyntaxError {
    let result = this.selections.get(text);
    if (!result) {
      const selector = this.selector(text);
      result = selector instanceof SelectorSyntaxError ? selector : selector.select(this.index);
      this.selections.set(text, result);
    }
    return result;
  }

  /** The `@trait` definition value of a trait shape, or undefined when it is not a trait. */
  traitDefinition(traitId: string): Record<string, NodeValue> | undefined {
    const value = this.index.get(traitId)?.traits["smithy.api#trait"];
    if (value === undefined) return undefined;
    return value !== null && typeof value === "object" && !Array.isArray(value) ? value : {};
  }

  /**
   * Whether a trait may be applied to a shape, per its definition's selector. A selector that
   * only filters is tested on the shape alone; any other is evaluated over the whole model once
   * per trait. Invalid or match-all selectors accept every shape.
   */
  traitApplies(traitId: string, shape: IndexedShape): boolean {
    let check = this.traitChecks.get(traitId);
    if (!check) {
      check = this.traitCheck(traitId);
      this.traitChecks.set(traitId, check);
    }
    return check(shape);
  }

  private traitCheck(traitId: string): (shape: IndexedShape) => boolean {
    const text = this.traitDefinition(traitId)?.selector;
    if (typeof text !== "string" || text.trim() === "" || text.trim() === "*") return () => true;
    const selector = this.selector(text);
    if (selector instanceof SelectorSyntaxError) return () => true;
    if (selector.filter) return (shape) => selector.matches(this.index, shape);
    const selected = this.select(text) as Set<IndexedShape>;
    return (shape) => selected.has(shape);
  }
}
