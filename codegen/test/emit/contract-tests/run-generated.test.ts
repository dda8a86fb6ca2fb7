/**
 * The emitted contract tests, run: a package generated from the widgets model (in a temporary
 * folder, its imports resolved into this checkout) passes its own contract tests, and the same
 * tests fail when the model's erratum names the wrong place or the implementation is wrong.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { emitPackage } from "../../../src/emit/package/index.js";
import type { NodeValue } from "../../../src/model/ast.js";
import { listWidgetsErratum, widgetsModel } from "./widgets-model.js";

const repo = fileURLToPath(new URL("../../../../", import.meta.url));
const runtime = join(repo, "packages", "runtime");
const require = createRequire(import.meta.url);
const vitestDir = dirname(require.resolve("vitest/package.json"));
const out = mkdtempSync(join(tmpdir(), "docsmith-contract-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

interface Outcome {
  title: string;
  status: string;
}

/** Generates the widgets package into a fresh folder and runs its contract tests. */
async function run(name: string, errata: NodeValue[], edit?: (text: string) => string) {
  const dir = join(out, name);
  const model = widgetsModel(errata);
  const files = await emitPackage(model, "example.widgets#Widgets", {
    name: "@docsmith/widgets",
    generateCommand: "docsmith generate",
    source: "test/widgets",
    modelJson: JSON.stringify(model),
  });
  for (const f of files) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    const text = f.path === "src/server.ts" && edit ? edit(f.content) : f.content;
    writeFileSync(join(dir, f.path), text);
  }
  // The package's own config imports vitest/config; this one resolves everything by alias.
  const smithy = (pkg: string) => join(runtime, "node_modules", "@smithy", pkg);
  writeFileSync(
    join(dir, "vitest.config.mjs"),
    `export default ${JSON.stringify({
      resolve: {
        alias: {
          "@docsmith/runtime/server": join(runtime, "src", "server", "index.ts"),
          "@docsmith/runtime": join(runtime, "src", "index.ts"),
          "@smithy/smithy-client": smithy("smithy-client"),
          "@smithy/types": smithy("types"),
        },
      },
      test: { include: ["test/contract.test.ts"] },
    })};\n`,
  );
  const report = join(dir, "report.json");
  await new Promise<void>((resolve) => {
    execFile(
      process.execPath,
      [
        join(vitestDir, "vitest.mjs"),
        "run",
        "--config",
        "vitest.config.mjs",
        "--reporter=json",
        `--outputFile=${report}`,
      ],
      { cwd: dir, maxBuffer: 16 * 1024 * 1024 },
      () => resolve(),
    );
  });
  expect(existsSync(report), "vitest wrote its report").toBe(true);
  const json = JSON.parse(readFileSync(report, "utf8")) as {
    testResults: { message?: string; assertionResults: { fullName: string; status: string }[] }[];
  };
  const file = json.testResults[0]!;
  expect(file.message ?? "").toBe("");
  return file.assertionResults.map((a): Outcome => ({ title: a.fullName, status: a.status }));
}

const failed = (outcomes: Outcome[]) =>
  outcomes.filter((o) => o.status !== "passed").map((o) => o.title);

// Each run starts vitest on a fresh package: slow on a busy machine, so a generous timeout.
describe("the emitted contract tests, run against the package they come with", {
  timeout: 120_000,
}, () => {
  it("pass, erratum tests included", async () => {
    const outcomes = await run("as-documented", [listWidgetsErratum()]);
    expect(failed(outcomes)).toEqual([]);
    expect(outcomes.map((o) => o.title)).toContain(
      `ListWidgets "List them": the documented output breaks the docs' constraints at /widgets/0/state (erratum widgets-ListWidgets-state)`,
    );
    // GetWidget: 6 claims + NotFound + Throttled; ListWidgets: 7 claims (2 of them the erratum's) + Throttled.
    expect(outcomes.length).toBe(16);
  });

  it("fail where an erratum names a place the example does not break", async () => {
    const wrong = { ...(listWidgetsErratum() as object), path: "/output/widgets/0/name" };
    const outcomes = await run("wrong-erratum", [wrong]);
    expect(failed(outcomes)).toEqual([
      `ListWidgets "List them": the documented output breaks the docs' constraints at /widgets/0/name (erratum widgets-ListWidgets-state)`,
    ]);
  });

  it("fail when the server does not answer the documented response", async () => {
    // The server stub drops the implementation: every operation answers 501 NotImplemented.
    const outcomes = await run("broken-server", [listWidgetsErratum()], (text) =>
      text.replace(
        "return createHandler(service, servedOperations, impl, options);",
        "return createHandler(service, servedOperations, {}, options);",
      ),
    );
    const failures = failed(outcomes);
    expect(failures).toContain(
      `GetWidget "Get the blue widget": the server serializes the documented output into the documented response`,
    );
    expect(failures).toContain(
      "GetWidget NotFound (client, 404): the server's error reaches the client as NotFound",
    );
    expect(failures).not.toContain(
      `GetWidget "Get the blue widget": the client sends the documented request`,
    );
  });
});
