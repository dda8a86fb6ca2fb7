import type { ValidationContext } from "../context.js";
import type { IndexedShape, Relationship } from "../model-index.js";

/**
 * Target: every relationship resolves to a shape of the right kind (members cannot target
 * operations, inputs are structures, errors carry @error, mixins carry @mixin, ...).
 */

const INVALID_MEMBER_TARGETS = new Set(["service", "resource", "operation", "member"]);

/** Smithy's relationship type names (as its messages print them). */
export function relationshipName(shape: IndexedShape, edge: Relationship): string {
  if (edge.label === "") return "MEMBER_TARGET";
  if (edge.label === "member") {
    if (shape.type === "map") return edge.to.endsWith("$key") ? "MAP_KEY" : "MAP_VALUE";
    return `${shape.type === "intEnum" ? "INT_ENUM" : shape.type.toUpperCase()}_MEMBER`;
  }
  if (edge.label === "collectionOperation") return "COLLECTION_OPERATION";
  return edge.label.toUpperCase();
}

export function validateTargets(ctx: ValidationContext): void {
  for (const shape of ctx.index.userShapes) {
    for (const edge of ctx.index.forward(shape.id)) {
      const target = ctx.index.get(edge.to);
      const rel = relationshipName(shape, edge);
      if (!target) {
        // Missing mixins are reported by the loader, which cannot apply them.
        if (edge.label !== "mixin") unresolved(ctx, shape, edge, rel);
        continue;
      }
      const message = checkTarget(shape, target, edge, rel, ctx);
      if (message) ctx.emit("Target", "ERROR", shape.id, message);
    }
  }
}

function describe(shape: IndexedShape): string {
  return `(${shape.type}: \`${shape.id}\`)`;
}

function checkTarget(
  shape: IndexedShape,
  target: IndexedShape,
  edge: Relationship,
  rel: string,
  ctx: ValidationContext,
): string | undefined {
  if (edge.label !== "mixin") {
    if (target.traits["smithy.api#trait"] !== undefined)
      return `Found a ${rel} reference to trait definition \`${target.id}\`. Trait definitions cannot be targeted by members or referenced by shapes in any other context other than applying them as traits.`;
    if (target.type !== "member" && target.traits["smithy.api#mixin"] !== undefined)
      return `Illegal ${rel} reference to mixin \`${target.id}\`; shapes marked with the mixin trait can only be referenced to apply them as a mixin.`;
  }
  const badType = (valid: string) =>
    `${shape.type} shape \`${rel.toLowerCase()}\` relationships must target a ${valid} shape, but found ${describe(target)}`;
  switch (edge.label) {
    case "":
    case "property":
      if (INVALID_MEMBER_TARGETS.has(target.type))
        return `Members cannot target ${target.type} shapes, but found ${describe(target)}`;
      return undefined;
    case "member":
      if (shape.type === "map" && target.memberName === "key" && target.target) {
        const key = ctx.index.get(target.target);
        if (key && key.type !== "string" && key.type !== "enum")
          return `Map key member targets ${describe(key)}, but is expected to target a string`;
      }
      return undefined;
    case "resource":
      return target.type === "resource" ? undefined : badType("resource");
    case "operation":
    case "collectionOperation":
      return target.type === "operation" ? undefined : badType("operation");
    case "input":
    case "output":
      if (target.type !== "structure") return badType("structure");
      if (target.traits["smithy.api#error"] !== undefined)
        return `Operation ${edge.label} targets an invalid structure \`${target.id}\` that is marked with the \`error\` trait.`;
      return undefined;
    case "error":
      if (target.type !== "structure") return badType("structure");
      if (target.traits["smithy.api#error"] === undefined)
        return `\`${target.id}\` cannot be bound as an error because it is not marked with the \`error\` trait.`;
      return undefined;
    case "identifier":
      return target.type === "string" ? undefined : badType("string");
    case "create":
    case "read":
    case "update":
    case "delete":
    case "list":
    case "put":
      return target.type === "operation"
        ? undefined
        : `Resource ${edge.label} lifecycle operation must target an operation, but found ${describe(target)}`;
    case "mixin":
      return target.traits["smithy.api#mixin"] === undefined
        ? `Attempted to use ${target.id} as a mixin, but it is not marked with the mixin trait`
        : undefined;
    default:
      return undefined;
  }
}

function unresolved(
  ctx: ValidationContext,
  shape: IndexedShape,
  edge: Relationship,
  rel: string,
): void {
  const suggestions = suggest(ctx, edge.to);
  const hint = suggestions.length ? `. Did you mean ${suggestions.join(", ")}?` : "";
  if (edge.label === "") {
    ctx.emit(
      "Target",
      "ERROR",
      shape.id,
      `member shape targets an unresolved shape \`${edge.to}\`${hint}`,
    );
    return;
  }
  const article = "AEIOU".includes(rel.charAt(0)) ? "an" : "a";
  ctx.emit(
    "Target",
    "ERROR",
    shape.id,
    `${shape.type} shape has ${article} \`${rel.toLowerCase()}\` relationship to an unresolved shape \`${edge.to}\`${hint}`,
  );
}

/** Shape ids within edit distance 2 of a missing target (closest first, sorted). */
function suggest(ctx: ValidationContext, missing: string): string[] {
  let best = 3;
  let found: string[] = [];
  for (const id of ctx.index.shapes.keys()) {
    if (Math.abs(id.length - missing.length) > 2) continue;
    const distance = editDistance(missing, id, 2);
    if (distance > 2) continue;
    if (distance < best) {
      best = distance;
      found = [id];
    } else if (distance === best) found.push(id);
  }
  return found.sort();
}

/** Levenshtein distance, or limit + 1 once it is certain to exceed the limit. */
function editDistance(a: string, b: string, limit: number): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      rowMin = Math.min(rowMin, current[j]);
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length];
}
