/** What the emitter accepts: mixins, prelude shapes present or not; and how it refuses bad input. */
import { describe, expect, it } from "vitest";
import { emitOpenApi } from "../../../src/emit/openapi/index.js";
import type { Model } from "../../../src/model/ast.js";
import { fixture, INSPECTOR, NOTES } from "./load-fixture.js";
import { TINY, tinyModel } from "./tiny-model.js";

describe("model forms", () => {
  it("gives the same document with or without bundled prelude shapes", () => {
    const withPrelude = fixture("notes-rest");
    const without: Model = {
      ...withPrelude,
      shapes: Object.fromEntries(
        Object.entries(withPrelude.shapes).filter(([id]) => !id.startsWith("smithy.api#")),
      ),
    };
    expect(Object.keys(without.shapes).length).toBeLessThan(Object.keys(withPrelude.shapes).length);
    expect(emitOpenApi(without, NOTES)).toEqual(emitOpenApi(withPrelude, NOTES));
  });

  it("resolves service and structure mixins (version, operations, errors, members) without changing the input", () => {
    const model = fixture("inspector-like");
    const service = model.shapes[INSPECTOR];
    const api = model.shapes["example.inspector#InspectorServiceApi"];
    if (!service || !api) throw new Error("fixture changed");
    api.version = service.version;
    delete service.version;
    const before = JSON.stringify(model);
    const doc = emitOpenApi(model, INSPECTOR);
    expect(JSON.stringify(model)).toBe(before);
    expect(doc.info.version).toBe("2016-02-16");
    expect(Object.keys(doc.paths)).toHaveLength(3);
    const describe = doc.paths["/#X-Amz-Target=InspectorService.DescribeFindings"]?.post;
    expect(Object.keys(describe?.responses ?? {})).toContain("500");
    expect(
      Object.keys(doc.components.schemas?.ListFindingsRequestContent?.properties ?? {}),
    ).toEqual(["nextToken", "maxResults", "assessmentRunArns", "filter"]);
  });

  it("merges traits a shape applies to an inherited member (the loader's `apply` form)", () => {
    const model = tinyModel(
      {},
      {
        "tiny#Base": {
          type: "structure",
          members: {
            id: { target: "smithy.api#String", traits: { "smithy.api#documentation": "Id." } },
          },
          traits: { "smithy.api#mixin": {} },
        },
        "tiny#OpInput$id": { type: "apply", traits: { "smithy.api#required": {} } },
      },
    );
    const input = model.shapes["tiny#OpInput"];
    if (input) input.mixins = [{ target: "tiny#Base" }];
    const body = emitOpenApi(model, TINY).components.schemas?.OpRequestContent;
    expect(body?.properties?.id).toEqual({ type: "string", description: "Id." });
    expect(body?.required).toEqual(["id"]);
  });

  it("lets the caller pick awsJson1_1 on a service declaring both protocols", () => {
    const model = tinyModel({});
    const service = model.shapes[TINY];
    if (service?.traits) service.traits["aws.protocols#awsJson1_1"] = {};
    expect(Object.keys(emitOpenApi(model, TINY).paths)).toEqual(["/op"]);
    expect(Object.keys(emitOpenApi(model, TINY, { protocol: "awsJson1_1" }).paths)).toEqual([
      "/#X-Amz-Target=Svc.Op",
    ]);
  });
});

describe("bad input", () => {
  it("names a missing service", () => {
    expect(() => emitOpenApi(tinyModel({}), "tiny#Nope")).toThrow(
      "tiny#Nope is not a service shape in the model",
    );
  });

  it("refuses other protocols", () => {
    const model = tinyModel({});
    const service = model.shapes[TINY];
    if (service) service.traits = { "aws.protocols#restXml": {} };
    expect(() => emitOpenApi(model, TINY)).toThrow(
      "declares neither aws.protocols#restJson1 nor aws.protocols#awsJson1_1",
    );
  });

  it("names a member target that is not in the model", () => {
    expect(() => emitOpenApi(tinyModel({ a: { target: "tiny#Missing" } }), TINY)).toThrow(
      "shape tiny#Missing is referenced but not defined in the model",
    );
  });

  it("refuses two shapes that would share a component name, pointing at rename", () => {
    const model = tinyModel(
      { a: { target: "tiny#Thing" }, b: { target: "other#Thing" } },
      {
        "tiny#Thing": { type: "structure", members: {} },
        "other#Thing": { type: "structure", members: {} },
      },
    );
    expect(() => emitOpenApi(model, TINY)).toThrow(
      /component name Thing is claimed by both tiny#Thing and other#Thing; add a `rename`/,
    );
    const service = model.shapes[TINY];
    if (service) service.rename = { "other#Thing": "OtherThing" };
    expect(Object.keys(emitOpenApi(model, TINY).components.schemas ?? {})).toEqual([
      "FrameworkErrorContent",
      "OpRequestContent",
      "OtherThing",
      "Thing",
    ]);
  });

  it("refuses a synthesized schema name another shape already produces", () => {
    const model = tinyModel(
      { a: { target: "tiny#OpRequestContent" } },
      { "tiny#OpRequestContent": { type: "structure", members: {} } },
    );
    expect(() => emitOpenApi(model, TINY)).toThrow(
      /component name OpRequestContent is claimed by both/,
    );
  });

  it("refuses two operations on one method and path", () => {
    const model = tinyModel({});
    model.shapes["tiny#Op2"] = {
      type: "operation",
      traits: { "smithy.api#http": { method: "POST", uri: "/op" } },
    };
    model.shapes[TINY]?.operations?.push({ target: "tiny#Op2" });
    expect(() => emitOpenApi(model, TINY)).toThrow("tiny#Op2 and tiny#Op both map to POST /op");
  });

  it("refuses a restJson1 operation without @http and a label missing from the uri", () => {
    const model = tinyModel({
      id: {
        target: "smithy.api#String",
        traits: { "smithy.api#httpLabel": {}, "smithy.api#required": {} },
      },
    });
    expect(() => emitOpenApi(model, TINY)).toThrow(
      "tiny#Op member id is an @httpLabel missing from /op",
    );
    delete model.shapes["tiny#Op"]?.traits;
    expect(() => emitOpenApi(model, TINY)).toThrow("tiny#Op needs an @http trait");
  });

  it("refuses an error that is not an @error structure", () => {
    const model = tinyModel({});
    const op = model.shapes["tiny#Op"];
    if (op) op.errors = [{ target: "tiny#NotAnError" }];
    model.shapes["tiny#NotAnError"] = { type: "structure", members: {} };
    expect(() => emitOpenApi(model, TINY)).toThrow(
      "tiny#NotAnError is listed as an error but is not an @error structure",
    );
  });
});
