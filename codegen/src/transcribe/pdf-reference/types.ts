import type { Traits } from "../../model/ast.js";
import { TranscribeError } from "../transcribed.js";
import type { Block, Field } from "./members.js";

/**
 * Type mapping: reads a member's "Type:" line and its constraint lines into a type expression
 * and Smithy constraint traits. Shapes are made from these by the assembly.
 */

export type SimpleName =
  | "String"
  | "Integer"
  | "Long"
  | "Double"
  | "Float"
  | "Boolean"
  | "Timestamp"
  | "Blob";

export type TypeExpr =
  | { kind: "simple"; name: SimpleName }
  | { kind: "ref"; name: string }
  | { kind: "list"; member: TypeExpr }
  | { kind: "map"; key: TypeExpr; value: TypeExpr };

const SIMPLE: Record<string, SimpleName> = {
  string: "String",
  integer: "Integer",
  long: "Long",
  double: "Double",
  float: "Float",
  boolean: "Boolean",
  timestamp: "Timestamp",
  blob: "Blob",
};

/** Parses "String", "array of Strings", "array of Attribute objects", "String to X object map". */
export function parseType(text: string, at: Field, file: string): TypeExpr {
  const fail = (): never => {
    throw new TranscribeError({ file, line: at.line.n }, `unknown type "${text}"`);
  };
  const single = (t: string, plural: boolean): TypeExpr => {
    if (/^Base64-encoded binary data objects?$/.test(t)) return { kind: "simple", name: "Blob" };
    const simple = SIMPLE[(plural ? t.replace(/s$/, "") : t).toLowerCase()];
    if (simple) return { kind: "simple", name: simple };
    const obj = (plural ? /^([A-Z][A-Za-z0-9]*) objects$/ : /^([A-Z][A-Za-z0-9]*) object$/).exec(t);
    if (obj) return { kind: "ref", name: obj[1] };
    const list = (plural ? /^arrays of (.+)$/ : /^array of (.+)$/).exec(t);
    if (list) return { kind: "list", member: single(list[1], true) };
    return fail();
  };
  const map = /^(.+?) to (.+) map$/.exec(text);
  if (map) return { kind: "map", key: single(map[1], false), value: single(map[2], false) };
  return single(text, false);
}

export interface Constraints {
  /** Traits on the member itself (length/range of the value, list size, required). */
  member: Traits;
  /** Traits on each element when the member is a list (length, range, pattern of an item). */
  element: Traits;
  /** Valid values, in docs order (an enum: of the value, or of each element of a list). */
  enumValues: string[] | undefined;
}

/**
 * Reads the constraint fields of a member. For a list, "Array Members" sizes the list and the
 * value constraints (Length Constraints, Valid Range, Pattern, Valid Values) apply to its items.
 */
export function parseConstraints(block: Block, type: TypeExpr, file: string): Constraints {
  const out: Constraints = { member: {}, element: {}, enumValues: undefined };
  const valueTraits = type.kind === "list" ? out.element : out.member;
  const f = block.fields;
  const err = (field: Field, message: string): never => {
    throw new TranscribeError(
      { file, line: field.line.n },
      `${block.name}: ${message}: "${field.value}"`,
    );
  };
  const size = f.get("Array Members");
  if (size) {
    if (type.kind !== "list") err(size, "Array Members on a member that is not an array");
    out.member["smithy.api#length"] = minMax(
      size,
      /Minimum number of (\d+) items?\./,
      /Maximum number of (\d+) items?\./,
      err,
    );
  }
  const length = f.get("Length Constraints");
  if (length) {
    valueTraits["smithy.api#length"] = minMax(
      length,
      /Minimum length of (\d+)\./,
      /Maximum length of (\d+)\./,
      err,
    );
  }
  const range = f.get("Valid Range");
  if (range) {
    valueTraits["smithy.api#range"] = minMax(
      range,
      /Minimum value of (-?\d+(?:\.\d+)?)\./,
      /Maximum value of (-?\d+(?:\.\d+)?)\./,
      err,
    );
  }
  const pattern = f.get("Pattern");
  if (pattern) valueTraits["smithy.api#pattern"] = pattern.value;
  const values = f.get("Valid Values");
  if (values) {
    out.enumValues = values.value
      .split("|")
      .map((v) => v.trim().replace(/^`(.*)`$/, "$1"))
      .filter((v) => v !== "");
    if (out.enumValues.length === 0) err(values, "no valid values");
  }
  const required = f.get("Required");
  if (required) {
    if (required.value === "Yes") out.member["smithy.api#required"] = {};
    else if (required.value !== "No" && required.value !== "Conditional")
      err(required, "Required is not Yes or No");
  }
  return out;
}

function minMax(
  field: Field,
  min: RegExp,
  max: RegExp,
  err: (field: Field, message: string) => never,
): { min?: number; max?: number } {
  const lo = min.exec(field.value);
  const hi = max.exec(field.value);
  const rest = field.value.replace(min, "").replace(max, "").trim();
  if ((!lo && !hi) || rest !== "") err(field, "unreadable constraint");
  const out: { min?: number; max?: number } = {};
  if (lo) out.min = Number(lo[1]);
  if (hi) out.max = Number(hi[1]);
  return out;
}
