import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BASE_COMPILER_OPTIONS, emitTsconfigs } from "../../../src/emit/package/manifest.js";
import { planFromModel, workspaceTsconfigBase } from "../../../src/emit/package/plan.js";
import { serviceModel } from "../../../src/emit/package/service-model.js";
import { loadSources } from "../../../src/model/load.js";

const repoBase = new URL("../../../../tsconfig.base.json", import.meta.url);

/** A restJson1 service binding the bundled smithy.framework#ValidationException, in IDL. */
const VALIDATED = `$version: "2"
namespace example.validated

use aws.protocols#restJson1
use smithy.framework#ValidationException

@restJson1
service Validated {
    version: "2024-01-01"
    operations: [Check]
}

@http(method: "POST", uri: "/check")
operation Check {
    input := {
        @pattern("^[a-z]+$")
        name: String
    }
    errors: [ValidationException]
}
`;

const scratch = realpathSync(mkdtempSync(join(tmpdir(), "docsmith-plan-")));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("a service that uses a bundled shape as a shape", () => {
  const modelFile = join(scratch, "validated.smithy");
  writeFileSync(modelFile, VALIDATED);

  it("keeps the bundled shapes the service reaches, drops the prelude and trait definitions", () => {
    const loaded = loadSources([{ path: modelFile, text: VALIDATED }]);
    expect(loaded.ok).toBe(true);
    const ids = Object.keys(serviceModel(loaded.model).shapes).sort();
    expect(ids).toEqual([
      "example.validated#Check",
      "example.validated#CheckInput",
      "example.validated#Validated",
      "smithy.framework#ValidationException",
      "smithy.framework#ValidationExceptionField",
      "smithy.framework#ValidationExceptionFieldList",
    ]);
  });

  it("is generated, with the bundled error in model.json, OpenAPI and the error classes", async () => {
    const pkg = await planFromModel(modelFile, "example.validated#Validated", join(scratch, "out"));
    const file = (path: string) => pkg.files.find((f) => f.path === path)?.content ?? "";
    const model = JSON.parse(file("model.json")) as { shapes: Record<string, unknown> };
    expect(Object.keys(model.shapes)).toContain("smithy.framework#ValidationException");
    expect(Object.keys(model.shapes).some((id) => id.startsWith("smithy.api#"))).toBe(false);
    expect(Object.keys(model.shapes).some((id) => id.startsWith("aws.protocols#"))).toBe(false);
    expect(file("src/errors.ts")).toContain("export class ValidationException extends");
    expect(file("openapi.json")).toContain("ValidationException 400 response");
  }, 60_000);

  it("regenerates from its own model.json (which repeats the bundled shapes) to the same code", async () => {
    const first = await planFromModel(modelFile, "example.validated#Validated", join(scratch, "a"));
    const modelJson = join(scratch, "a-model.json");
    writeFileSync(modelJson, first.files.find((f) => f.path === "model.json")!.content);
    const second = await planFromModel(
      modelJson,
      "example.validated#Validated",
      join(scratch, "b"),
    );
    const code = (files: typeof first.files) =>
      files.filter((f) => f.path.startsWith("src/")).map((f) => [f.path, f.content]);
    const strip = (files: typeof first.files) =>
      code(files).map(([path, text]) => [path, text!.replace(/^\/\/ Generated .*$/m, "")]);
    expect(strip(second.files)).toEqual(strip(first.files));
  }, 60_000);
});

describe("the package's tsconfigs", () => {
  it("extend the workspace's tsconfig.base.json by its path from the package", () => {
    const root = join(scratch, "workspace");
    mkdirSync(join(root, "deep", "er", "pkg"), { recursive: true });
    writeFileSync(join(root, "pnpm-workspace.yaml"), "packages: []\n");
    expect(workspaceTsconfigBase(join(root, "deep", "er", "pkg"))).toBeUndefined();
    writeFileSync(join(root, "tsconfig.base.json"), "{}\n");
    expect(workspaceTsconfigBase(join(root, "deep", "er", "pkg"))).toBe(
      "../../../tsconfig.base.json",
    );
    expect(workspaceTsconfigBase(join(root, "packages", "svc"))).toBe("../../tsconfig.base.json");
    const { check } = emitTsconfigs("../../../tsconfig.base.json");
    expect(JSON.parse(check).extends).toBe("../../../tsconfig.base.json");
  });

  it("are self-contained outside a workspace, with the base's compiler options", async () => {
    const out = join(scratch, "lonely", "pkg");
    expect(workspaceTsconfigBase(out)).toBeUndefined();
    const pkg = await planFromModel(
      join(scratch, "validated.smithy"),
      "example.validated#Validated",
      out,
    );
    for (const name of ["tsconfig.json", "tsconfig.build.json"]) {
      const config = JSON.parse(pkg.files.find((f) => f.path === name)!.content);
      expect(config.extends, name).toBeUndefined();
      expect(config.compilerOptions).toMatchObject({ ...BASE_COMPILER_OPTIONS, allowJs: true });
    }
  }, 60_000);

  it("self-contained, hold exactly the repository's tsconfig.base.json options", () => {
    const base = JSON.parse(readFileSync(repoBase, "utf8")) as { compilerOptions: object };
    expect(BASE_COMPILER_OPTIONS).toEqual(base.compilerOptions);
  });
});
