import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { generate } from "./run-cli.js";

const repo = fileURLToPath(new URL("../../../", import.meta.url));

describe("the committed packages", () => {
  it("are what docsmith generate makes from models/ (no drift)", async () => {
    const result = await generate(repo, ["--check"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
  }, 300_000);
});
