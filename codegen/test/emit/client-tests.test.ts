import { describe, expect, it } from "vitest";
import { emitClientTests } from "../../src/emit/tests/client-test.js";
import { thingsView } from "./load-fixture.js";

describe("client test files", () => {
  const view = thingsView();
  const files = emitClientTests(view);

  it("are a harness, the operations' files and client.test.ts", () => {
    const paths = files.map((f) => f.path);
    expect(paths[0]).toBe("test/client-harness.ts");
    expect(paths.at(-1)).toBe("test/client.test.ts");
    expect(paths.slice(1, -1).every((p) => /^test\/client-operations-\d+\.test\.ts$/.test(p))).toBe(
      true,
    );
  });

  it("test every operation in exactly one file, each file starting the server", () => {
    for (const op of view.operations) {
      const holding = files.filter((f) => f.text.includes(`describe("${op.name}", `));
      expect(holding, op.name).toHaveLength(1);
    }
    for (const file of files.slice(1)) {
      expect(file.text, file.path).toMatch(/^serveDuringTests\(\);$/m);
      expect(file.text, file.path).toMatch(/ from "\.\/client-harness\.js";/);
    }
  });
});
