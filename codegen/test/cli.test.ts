import { describe, expect, it, vi } from "vitest";
import { commands, main } from "../src/cli/main.js";

describe("docsmith CLI dispatcher", () => {
  it("rejects an unknown command with exit code 2 and lists the commands", async () => {
    const err = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    expect(await main(["frobnicate"])).toBe(2);
    expect(String(err.mock.calls[0]?.[0])).toMatch(/unknown command 'frobnicate'[\s\S]*ast/);
    err.mockRestore();
  });

  it("knows the commands DESIGN.md fixes", () => {
    expect(Object.keys(commands)).toEqual(
      expect.arrayContaining(["ast", "transcribe", "generate", "serve"]),
    );
  });
});
