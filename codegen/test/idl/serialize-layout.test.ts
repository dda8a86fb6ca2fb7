import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { writeNode } from "../../src/idl/serialize.js";
import type { NodeValue } from "../../src/model/ast.js";

const INDENT = "    ";
const WIDTH = 100;

/**
 * The layout rule, written the obvious way: a value goes on one line when that line fits, else
 * one item per line. It builds both forms at every level (exponential in the depth), which is
 * why the writer does not; it stands here as the specification the writer must match.
 */
function reference(value: NodeValue, indent: string, column: number): string {
  if (value === null || typeof value === "boolean") return String(value);
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return writeNode(value, indent, column);
  const inner = indent + INDENT;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    const inline = `[${value.map((v) => reference(v, indent, column)).join(", ")}]`;
    if (!inline.includes("\n") && column + inline.length <= WIDTH) return inline;
    const items = value.map((v) => `${inner}${reference(v, inner, inner.length)}`);
    return `[\n${items.join("\n")}\n${indent}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return "{}";
  const flat = entries.map(([k, v]) => `${key(k)}: ${reference(v, indent, column)}`).join(", ");
  const inline = `{ ${flat} }`;
  if (!inline.includes("\n") && column + inline.length <= WIDTH) return inline;
  const items = entries.map(([k, v]) => {
    const prefix = `${inner}${key(k)}: `;
    return `${prefix}${reference(v, inner, prefix.length)}`;
  });
  return `{\n${items.join("\n")}\n${indent}}`;
}

function key(k: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(k) && !["true", "false", "null"].includes(k)
    ? k
    : writeNode(k, "", 0);
}

const text = fc.oneof(
  fc.string({ maxLength: 30 }),
  // Long enough to need a line of its own, and multi-line text that becomes a text block.
  fc.string({ minLength: 40, maxLength: 90 }),
  fc
    .array(fc.constantFrom("alpha", "beta gamma", "δ"), { minLength: 3, maxLength: 8 })
    .map((lines) => `${lines.join("\n")}\n`.repeat(8)),
);

const nodeValue: fc.Arbitrary<NodeValue> = fc.letrec<{ node: NodeValue }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.integer({ min: -1_000_000, max: 1_000_000 }),
    text,
    fc.array(tie("node"), { maxLength: 6 }),
    fc.dictionary(
      fc.oneof(fc.constantFrom("a", "key", "null", "two words"), fc.string()),
      tie("node"),
      {
        maxKeys: 6,
      },
    ),
  ),
})).node;

describe("writeNode", () => {
  it("lays a value out on one line exactly when that line fits, at any depth and column", () => {
    fc.assert(
      fc.property(
        nodeValue,
        fc.integer({ min: 0, max: 110 }),
        fc.integer({ min: 0, max: 3 }),
        (value, column, depth) => {
          const indent = INDENT.repeat(depth);
          expect(writeNode(value, indent, column)).toBe(reference(value, indent, column));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("writes deeply nested values (the flat form is tried once per level, not per path)", () => {
    let value: NodeValue = { leaf: "x".repeat(120) };
    for (let i = 0; i < 40; i++) value = { level: [value, i] };
    const out = writeNode(value, "", 0);
    expect(out.split("\n").length).toBeGreaterThan(80);
    expect(out).toContain(`leaf: "${"x".repeat(120)}"`);
  });
});
