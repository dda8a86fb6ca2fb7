import { describe, expect, it } from "vitest";
import { deref, type StructureSchema } from "../src/schema.js";

describe("deref", () => {
  it("resolves thunks used by recursive shapes", () => {
    const node: StructureSchema = {
      type: "structure",
      id: "a#Node",
      members: { next: { target: () => node } },
    };
    expect(deref(node.members.next!.target)).toBe(node);
    expect(deref({ type: "string" })).toEqual({ type: "string" });
  });
});
