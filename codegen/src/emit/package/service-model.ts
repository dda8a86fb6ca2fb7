import type { AstShape, Model, ShapeRef } from "../../model/ast.js";
import { isBundledShape } from "../../model/load.js";

/**
 * The model a package is generated from, and what its model.json holds: every shape the model
 * files define, plus the bundled shapes they use as shapes. A service may bind a bundled shape as
 * a real one (`smithy.framework#ValidationException` as an operation error): that shape, and what
 * it reaches, is part of the service, so it is kept. Dropped: the prelude (`smithy.api#…`: every
 * Smithy tool knows it), bundled trait definitions, and bundled shapes nothing refers to.
 *
 * Traits are not followed: a trait's definition is not part of the service's shapes.
 */
export function serviceModel(model: Model): Model {
  const shapes: Model["shapes"] = {};
  const pending: string[] = [];
  for (const [id, shape] of Object.entries(model.shapes)) {
    if (isBundledShape(id)) continue;
    shapes[id] = shape;
    pending.push(id);
  }
  // Bounded: each shape id enters `shapes` (and so `pending`) at most once.
  while (pending.length > 0) {
    const shape = model.shapes[pending.pop()!];
    if (!shape) continue;
    for (const target of references(shape)) {
      if (target in shapes || target.startsWith("smithy.api#")) continue;
      const found = model.shapes[target];
      if (!found) continue;
      shapes[target] = found;
      pending.push(target);
    }
  }
  const out: Model = { smithy: model.smithy, shapes };
  if (model.metadata) out.metadata = model.metadata;
  return out;
}

/** The shape ids a shape refers to as shapes (members, operations, resources, mixins). */
function references(shape: AstShape): string[] {
  const refs: (ShapeRef | undefined)[] = [
    shape.member,
    shape.key,
    shape.value,
    shape.input,
    shape.output,
    shape.create,
    shape.put,
    shape.read,
    shape.update,
    shape.delete,
    shape.list,
    ...Object.values(shape.members ?? {}),
    ...(shape.mixins ?? []),
    ...(shape.errors ?? []),
    ...(shape.operations ?? []),
    ...(shape.resources ?? []),
    ...(shape.collectionOperations ?? []),
    ...Object.values(shape.identifiers ?? {}),
    ...Object.values(shape.properties ?? {}),
  ];
  return refs.filter((r): r is ShapeRef => r !== undefined).map((r) => r.target);
}
