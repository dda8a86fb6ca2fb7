import { describe, expect, it } from "vitest";
import { emitAggregatedModule } from "../../src/emit/client/aggregated-module.js";
import { emitPaginationModule } from "../../src/emit/client/pagination-module.js";
import { emitContractTests } from "../../src/emit/contract-tests/index.js";
import { emitErrorsModule } from "../../src/emit/errors-module.js";
import {
  createFormatter,
  formatSources,
  overBiomeLimit,
  type SourceFile,
} from "../../src/emit/format.js";
import { emitIndexModule } from "../../src/emit/index-module.js";
import { serviceView } from "../../src/emit/service-view.js";
import { emitClientTests } from "../../src/emit/tests/client-test.js";
import { emitTypesModule } from "../../src/emit/types-module.js";
import { emitOperationValidator } from "../../src/emit/validators/standalone.js";
import { widgetsModel } from "./contract-tests/widgets-model.js";
import { thingsView } from "./load-fixture.js";

/** Unformatted sources as the emitters write them: TypeScript with imports to sort, and ajv's JS. */
function sources(): SourceFile[] {
  const view = thingsView();
  const widgets = serviceView(widgetsModel(), "example.widgets#Widgets");
  return [
    { path: "src/types.ts", content: emitTypesModule(view) },
    { path: "src/errors.ts", content: emitErrorsModule(view) },
    { path: "src/index.ts", content: emitIndexModule(view) },
    { path: "src/Things.ts", content: emitAggregatedModule(view) },
    { path: "src/pagination.ts", content: emitPaginationModule(view) },
    ...view.operations.slice(0, 3).map((op) => ({
      path: `src/validators/${op.name}.input.js`,
      content: emitOperationValidator(view, op, "input"),
    })),
    ...emitClientTests(view).map((f) => ({ path: f.path, content: f.text })),
    ...emitContractTests(widgets).map((f) => ({ path: f.path, content: f.text })),
  ];
}

describe("formatSources", () => {
  it("formats like biome's wasm build file by file: imports organized in .ts, .js only formatted", async () => {
    const files = sources();
    const formatted = await formatSources(files);
    const wasm = await createFormatter();
    expect(formatted).toHaveLength(files.length);
    let changed = 0;
    files.forEach((f, i) => {
      expect(formatted[i], f.path).toBe(wasm.format(f.path, f.content));
      if (formatted[i] !== f.content) changed++;
    });
    // The emitters' text is not formatted already: the comparison covers real formatting.
    expect(changed).toBeGreaterThan(files.length / 2);
  });

  it("gives code biome's checks find clean", async () => {
    const files = sources().filter((f) => f.path.endsWith(".ts"));
    const formatted = await formatSources(files);
    const wasm = await createFormatter();
    files.forEach((f, i) => {
      expect(wasm.lint(f.path, formatted[i]!), f.path).toEqual([]);
    });
  });

  it("refuses code that does not parse, naming the file", async () => {
    const files = [
      { path: "src/good.ts", content: "export const a = 1;\n" },
      { path: "src/broken.ts", content: "export const = ;\n" },
    ];
    await expect(formatSources(files)).rejects.toThrow(/cannot format generated.*src\/broken\.ts/s);
  });

  it("names the files over biome's 1 MiB limit, which `biome check` would skip", () => {
    const big = `export const text = "${"x".repeat(1_200_000)}";\n`;
    expect(
      overBiomeLimit([
        { path: "src/big.ts", content: big },
        { path: "openapi.json", content: big },
        { path: "src/small.ts", content: "export {};\n" },
      ]),
    ).toEqual([{ path: "src/big.ts", bytes: big.length }]);
  });

  it("refuses paths outside the package", async () => {
    await expect(formatSources([{ path: "../escape.ts", content: "" }])).rejects.toThrow(
      /outside the package/,
    );
  });
});
