import type { AstShape, Model, NodeValue, SourceLocation } from "../../src/model/ast.js";

/** Small hand-built JSON AST models for validator tests. */

export function model(
  shapes: Record<string, AstShape>,
  metadata?: Record<string, NodeValue>,
): Model {
  return metadata ? { smithy: "2.0", metadata, shapes } : { smithy: "2.0", shapes };
}

/** A trait definition: `@trait(selector: ...)` on a shape of the given type. */
export function traitDef(
  type: AstShape["type"],
  definition: Record<string, NodeValue> = {},
  extra: Partial<AstShape> = {},
): AstShape {
  return { type, traits: { "smithy.api#trait": definition }, ...extra };
}

/** The few prelude shapes that most tests rely on, with their real definitions. */
export const PRELUDE: Record<string, AstShape> = {
  "smithy.api#String": { type: "string" },
  "smithy.api#Integer": { type: "integer" },
  "smithy.api#Long": { type: "long" },
  "smithy.api#Boolean": { type: "boolean" },
  "smithy.api#Document": { type: "document" },
  "smithy.api#Unit": { type: "structure", traits: { "smithy.api#unitType": {} } },
  "smithy.api#unitType": traitDef("structure", { selector: "[id=smithy.api#Unit]" }),
  "smithy.api#trait": traitDef(
    "structure",
    { selector: ":is(simpleType, list, map, structure, union)" },
    {
      members: {
        selector: { target: "smithy.api#String" },
        conflicts: { target: "smithy.api#NonEmptyStringList" },
        structurallyExclusive: { target: "smithy.api#String" },
      },
    },
  ),
  "smithy.api#NonEmptyStringList": { type: "list", member: { target: "smithy.api#String" } },
  "smithy.api#documentation": traitDef("string"),
  "smithy.api#required": traitDef("structure", { selector: "structure > member" }),
  "smithy.api#error": traitDef(
    "enum",
    { selector: "structure" },
    {
      members: {
        CLIENT: { target: "smithy.api#Unit", traits: { "smithy.api#enumValue": "client" } },
        SERVER: { target: "smithy.api#Unit", traits: { "smithy.api#enumValue": "server" } },
      },
    },
  ),
  "smithy.api#readonly": traitDef("structure", {
    selector: "operation",
    conflicts: ["smithy.api#idempotent"],
  }),
  "smithy.api#idempotent": traitDef("structure", {
    selector: "operation",
    conflicts: ["smithy.api#readonly"],
  }),
  "smithy.api#mixin": traitDef("structure", { selector: ":not(member)" }),
  "smithy.api#enumValue": traitDef("document", { selector: ":is(enum, intEnum) > member" }),
  "smithy.api#default": traitDef("document", {
    selector: ":is(simpleType, list, map, structure > member :test(> :is(simpleType, list, map)))",
  }),
  "smithy.api#length": traitDef(
    "structure",
    { selector: ":test(list, map, string, blob, member > :is(list, map, string, blob))" },
    {
      members: { min: { target: "smithy.api#Long" }, max: { target: "smithy.api#Long" } },
    },
  ),
  "smithy.api#range": traitDef(
    "structure",
    { selector: ":test(number, member > number)" },
    {
      members: { min: { target: "smithy.api#Long" }, max: { target: "smithy.api#Long" } },
    },
  ),
  "smithy.api#private": traitDef("structure"),
  "smithy.api#deprecated": traitDef(
    "structure",
    {},
    {
      members: { message: { target: "smithy.api#String" }, since: { target: "smithy.api#String" } },
    },
  ),
  "smithy.api#suppress": traitDef("list", {}, { member: { target: "smithy.api#String" } }),
};

/** A locate function that knows every id and puts it on a line derived from its position. */
export function locator(m: Model): (id: string) => SourceLocation | undefined {
  const ids = Object.keys(m.shapes);
  return (id) => {
    const line = ids.indexOf(id);
    return line < 0 ? undefined : { file: "test.smithy", line: line + 1, column: 1 };
  };
}
