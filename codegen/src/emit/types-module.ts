import type { AstShape } from "../model/ast.js";
import { tsdoc } from "./docs.js";
import { propertyKey } from "./naming.js";
import type { ServiceView } from "./service-view.js";
import {
  enumValues,
  isError,
  isRequiredMember,
  legacyEnumValues,
  typeOf,
  usesDocuments,
} from "./typescript-types.js";

/**
 * src/types.ts: an interface per structure, a union type per union, and for every enum a
 * string-literal union plus an `as const` object of its values (aws-sdk-js-v3 style). Errors are
 * classes, in errors.ts.
 */
export function emitTypesModule(view: ServiceView): string {
  const out: string[] = [];
  if (usesDocuments(view)) out.push(`import type { DocumentType } from "@smithy/types";\n`);
  for (const id of view.closure) {
    const shape = view.get(id);
    if (isError(shape)) continue;
    const name = view.nameOf(id);
    if (shape.type === "enum" || shape.type === "intEnum" || legacyEnumValues(shape)) {
      out.push(enumDeclaration(name, shape));
    } else if (shape.type === "structure") {
      out.push(structureDeclaration(view, name, shape));
    } else if (shape.type === "union") {
      out.push(unionDeclaration(view, name, shape));
    }
  }
  return out.join("\n");
}

function enumDeclaration(name: string, shape: AstShape): string {
  const values = enumValues(shape);
  const members = shape.type === "string" ? undefined : Object.entries(shape.members ?? {});
  const keys = values.map((value, i) => members?.[i]?.[0] ?? enumKey(String(value)));
  const entries = values
    .map((value, i) => {
      const doc = members ? tsdoc(members[i]![1].traits) : "";
      return `${doc}${propertyKey(keys[i]!)}: ${JSON.stringify(value)},`;
    })
    .join("\n");
  return (
    `${tsdoc(shape.traits)}export const ${name} = {\n${entries}\n} as const;\n\n` +
    `${tsdoc(shape.traits)}export type ${name} = (typeof ${name})[keyof typeof ${name}];\n`
  );
}

/** `in-progress` -> `IN_PROGRESS`: the key aws-sdk-js-v3 gives a legacy enum value. */
function enumKey(value: string): string {
  const key = value
    .replace(/[^A-Za-z0-9]+/g, "_")
    .replace(/^_|_$/g, "")
    .toUpperCase();
  return /^[0-9]/.test(key) || key === "" ? `_${key}` : key;
}

function memberLines(view: ServiceView, shape: AstShape): string {
  return Object.entries(shape.members ?? {})
    .map(([memberName, member]) => {
      const optional = isRequiredMember(member) ? "" : "?";
      const doc = tsdoc(member.traits ?? view.get(member.target).traits);
      return `${doc}${propertyKey(memberName)}${optional}: ${typeOf(view, member.target)};`;
    })
    .join("\n");
}

function structureDeclaration(view: ServiceView, name: string, shape: AstShape): string {
  const body = memberLines(view, shape);
  if (!body) {
    return `${tsdoc(shape.traits)}// biome-ignore lint/suspicious/noEmptyInterface: a structure without members, as modeled\nexport interface ${name} {}\n`;
  }
  return `${tsdoc(shape.traits)}export interface ${name} {\n${body}\n}\n`;
}

/** A union: exactly one member set, the others typed `never` so that TypeScript narrows on them. */
function unionDeclaration(view: ServiceView, name: string, shape: AstShape): string {
  const members = Object.entries(shape.members ?? {});
  const variants = members.map(([memberName, member]) => {
    const fields = members.map(([other]) =>
      other === memberName
        ? `${tsdoc(member.traits)}${propertyKey(other)}: ${typeOf(view, member.target)};`
        : `${propertyKey(other)}?: never;`,
    );
    return `| {\n${fields.join("\n")}\n}`;
  });
  return `${tsdoc(shape.traits)}export type ${name} =\n${variants.join("\n")};\n`;
}
