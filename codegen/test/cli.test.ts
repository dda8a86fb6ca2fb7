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

  it("answers --help for every command on stdout with exit code 0", async () => {
    // serve's help is its own module's business (it also lists flags); the rest are checked here.
    for (const name of ["ast", "bundle", "generate", "regen", "transcribe"]) {
      const out = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
      const err = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
      try {
        expect(await main([name, "--help"]), name).toBe(0);
        expect(String(out.mock.calls[0]?.[0]), name).toMatch(new RegExp(`usage: docsmith ${name}`));
        expect(err, name).not.toHaveBeenCalled();
      } finally {
        out.mockRestore();
        err.mockRestore();
      }
    }
  });
});
