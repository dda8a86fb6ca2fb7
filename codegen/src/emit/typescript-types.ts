import type { AstShape, MemberShape } from "../model/ast.js";
import { hasTrait, type ServiceView, UNIT } from "./service-view.js";

/** True when a member is required in the TypeScript type (idempotency tokens are filled in). */
export function isRequiredMember(member: MemberShape): boolean {
  const t = member.traits;
  return (
    hasTrait(t, "required") && !hasTrait(t, "idempotencyToken") && !hasTrait(t, "clientOptional")
  );
}

/** A string shape with the Smithy 1.0 `@enum` trait: its values. */
export function legacyEnumValues(shape: AstShape): string[] | undefined {
  const values = shape.traits?.["smithy.api#enum"] as { value: string }[] | undefined;
  return shape.type === "string" && values ? values.map((v) => v.value) : undefined;
}

/** An enum shape's values, in model order. */
export function enumValues(shape: AstShape): (string | number)[] {
  if (shape.type === "string") return legacyEnumValues(shape) ?? [];
  return Object.entries(shape.members ?? {}).map(([name, m]) => {
    const value = m.traits?.["smithy.api#enumValue"];
    return typeof value === "string" || typeof value === "number" ? value : name;
  });
}

/** Whether a shape gets a named declaration in types.ts or errors.ts. */
export function isNamedType(shape: AstShape): boolean {
  return (
    shape.type === "structure" ||
    shape.type === "union" ||
    shape.type === "enum" ||
    shape.type === "intEnum" ||
    legacyEnumValues(shape) !== undefined
  );
}

export function isError(shape: AstShape): boolean {
  return shape.type === "structure" && hasTrait(shape.traits, "error");
}

/** The TypeScript type of a shape, as a member or list element refers to it. */
export function typeOf(view: ServiceView, id: string): string {
  if (id === UNIT) return "Record<string, never>";
  const shape = view.get(id);
  if (isNamedType(shape)) return view.nameOf(id);
  switch (shape.type) {
    case "string":
      return "string";
    case "boolean":
      return "boolean";
    case "byte":
    case "short":
    case "integer":
    case "long":
    case "float":
    case "double":
    case "bigInteger":
    case "bigDecimal":
      return "number";
    case "timestamp":
      return "Date";
    case "blob":
      return "Uint8Array";
    case "document":
      return "DocumentType";
    case "list":
    case "set": {
      const item = typeOf(view, shape.member!.target);
      const sparse = hasTrait(shape.traits, "sparse");
      return sparse ? `(${item} | null)[]` : /[ |&]/.test(item) ? `(${item})[]` : `${item}[]`;
    }
    case "map": {
      const value =
        typeOf(view, shape.value!.target) + (hasTrait(shape.traits, "sparse") ? " | null" : "");
      const key = view.get(shape.key!.target);
      return isNamedType(key)
        ? `Partial<Record<${view.nameOf(shape.key!.target)}, ${value}>>`
        : `Record<string, ${value}>`;
    }
    default:
      throw new Error(`no TypeScript type for ${shape.type} shape ${id}`);
  }
}

/** Whether any shape in the closure is a document (types.ts then imports DocumentType). */
export function usesDocuments(view: ServiceView): boolean {
  return view.closure.some((id) => view.get(id).type === "document");
}
