import type { ValidationContext } from "../context.js";
import type { IndexedShape } from "../model-index.js";

/**
 * ShapeRecursion: a structure that requires itself (through a chain of @required members
 * without defaults) could never be built; neither can a list or map that contains itself
 * without an intermediate structure or union.
 */
export function validateShapeRecursion(ctx: ValidationContext): void {
  for (const shape of ctx.index.userShapes) {
    if (shape.type === "structure") {
      const path = findCycle(ctx, shape, requiredStep);
      if (path)
        ctx.emit(
          "ShapeRecursion",
          "ERROR",
          shape.id,
          `Found invalid shape recursion: ${path.join(" > ")}. A structure cannot be mutually recursive through all required members.`,
        );
    } else if (shape.type === "list" || shape.type === "set" || shape.type === "map") {
      const path = findCycle(ctx, shape, collectionStep);
      if (path)
        ctx.emit(
          "ShapeRecursion",
          "ERROR",
          shape.id,
          `Found invalid shape recursion: ${path.join(" > ")}. A list or map cannot recursively contain itself without an intermediate structure or union.`,
        );
    }
  }
}

type Step = (ctx: ValidationContext, shape: IndexedShape) => IndexedShape[];

/** Members that must hold a value: required and without a default. */
function requiredStep(ctx: ValidationContext, shape: IndexedShape): IndexedShape[] {
  if (shape.type !== "structure") return [];
  return ctx.index
    .membersOf(shape)
    .filter(
      (m) =>
        m.traits["smithy.api#required"] !== undefined &&
        m.traits["smithy.api#default"] === undefined,
    );
}

function collectionStep(ctx: ValidationContext, shape: IndexedShape): IndexedShape[] {
  if (shape.type !== "list" && shape.type !== "set" && shape.type !== "map") return [];
  return ctx.index.membersOf(shape).filter((m) => m.memberName !== "key");
}

/** A path of member ids from `start` back to `start`, if there is one (depth-first, bounded). */
function findCycle(ctx: ValidationContext, start: IndexedShape, step: Step): string[] | undefined {
  const visited = new Set<string>();
  const walk = (shape: IndexedShape, path: string[]): string[] | undefined => {
    for (const member of step(ctx, shape)) {
      const target = member.target ? ctx.index.get(member.target) : undefined;
      if (!target) continue;
      if (target === start) return [...path, member.id, start.id];
      if (visited.has(target.id)) continue;
      visited.add(target.id);
      const found = walk(target, [...path, member.id]);
      if (found) return found;
    }
    return undefined;
  };
  return walk(start, []);
}
