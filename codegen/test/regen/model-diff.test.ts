import { describe, expect, it } from "vitest";
import type { Model } from "../../src/model/ast.js";
import { bumpFor } from "../../src/regen/api-change.js";
import { renderChangeset } from "../../src/regen/changeset.js";
import { diffModels } from "../../src/regen/model-diff.js";

const ns = "example.svc";

/** A small service: one operation whose input has a name (length 1..10) and an enum. */
function base(): Model {
  return {
    smithy: "2.0",
    shapes: {
      [`${ns}#Svc`]: { type: "service", version: "1", operations: [{ target: `${ns}#Put` }] },
      [`${ns}#Put`]: {
        type: "operation",
        input: { target: `${ns}#PutRequest` },
        output: { target: `${ns}#PutResponse` },
        traits: { "smithy.api#documentation": "Puts." },
      },
      [`${ns}#PutRequest`]: {
        type: "structure",
        members: {
          name: { target: `${ns}#Name`, traits: { "smithy.api#required": {} } },
          color: { target: `${ns}#Color` },
        },
      },
      [`${ns}#PutResponse`]: {
        type: "structure",
        members: { id: { target: "smithy.api#String", traits: { "smithy.api#required": {} } } },
      },
      [`${ns}#Name`]: { type: "string", traits: { "smithy.api#length": { min: 1, max: 10 } } },
      [`${ns}#Color`]: {
        type: "enum",
        members: {
          RED: { target: "smithy.api#Unit", traits: { "smithy.api#enumValue": "red" } },
          BLUE: { target: "smithy.api#Unit", traits: { "smithy.api#enumValue": "blue" } },
        },
      },
    },
  };
}

function edit(fn: (m: Model) => void): Model {
  const m = base();
  fn(m);
  return m;
}

describe("diffModels classifies API changes for semver", () => {
  it("finds nothing between equal models", () => {
    expect(diffModels(base(), base())).toEqual([]);
    expect(bumpFor([])).toBeUndefined();
  });

  it("documentation-only changes are a patch", () => {
    const after = edit((m) => {
      m.shapes[`${ns}#Put`]!.traits = { "smithy.api#documentation": "Puts a thing." };
    });
    const changes = diffModels(base(), after);
    expect(changes.map((c) => c.bump)).toEqual(["patch"]);
  });

  it("a removed operation is major, an added one minor", () => {
    const removed = edit((m) => {
      delete m.shapes[`${ns}#Put`];
      m.shapes[`${ns}#Svc`]!.operations = [];
    });
    expect(bumpFor(diffModels(base(), removed))).toBe("major");
    expect(bumpFor(diffModels(removed, base()))).toBe("minor");
  });

  it("a removed member is major; an optional member added is minor; a required input member added is major", () => {
    const noColor = edit((m) => {
      delete m.shapes[`${ns}#PutRequest`]!.members!.color;
    });
    expect(bumpFor(diffModels(base(), noColor))).toBe("major");
    expect(bumpFor(diffModels(noColor, base()))).toBe("minor");
    const requiredAdded = edit((m) => {
      m.shapes[`${ns}#PutRequest`]!.members!.size = {
        target: "smithy.api#Integer",
        traits: { "smithy.api#required": {} },
      };
    });
    expect(bumpFor(diffModels(base(), requiredAdded))).toBe("major");
  });

  it("a member newly required on input is major; on output only it is minor", () => {
    const colorRequired = edit((m) => {
      m.shapes[`${ns}#PutRequest`]!.members!.color!.traits = { "smithy.api#required": {} };
    });
    const c = diffModels(base(), colorRequired);
    expect(c).toEqual([expect.objectContaining({ bump: "major", subject: "PutRequest.color" })]);
    const outputRequired = edit((m) => {
      m.shapes[`${ns}#PutResponse`]!.members!.extra = {
        target: "smithy.api#String",
        traits: { "smithy.api#required": {} },
      };
    });
    expect(bumpFor(diffModels(base(), outputRequired))).toBe("minor");
  });

  it("a tightened constraint is major and a loosened one minor", () => {
    const tighter = edit((m) => {
      m.shapes[`${ns}#Name`]!.traits = { "smithy.api#length": { min: 1, max: 5 } };
    });
    const looser = edit((m) => {
      m.shapes[`${ns}#Name`]!.traits = { "smithy.api#length": { min: 0, max: 10 } };
    });
    expect(diffModels(base(), tighter)).toEqual([
      expect.objectContaining({ bump: "major", summary: expect.stringContaining("tightened") }),
    ]);
    expect(diffModels(base(), looser)).toEqual([
      expect.objectContaining({ bump: "minor", summary: expect.stringContaining("loosened") }),
    ]);
    const pattern = edit((m) => {
      m.shapes[`${ns}#Name`]!.traits!["smithy.api#pattern"] = "^[a-z]+$";
    });
    expect(bumpFor(diffModels(base(), pattern))).toBe("major");
    expect(bumpFor(diffModels(pattern, base()))).toBe("minor");
  });

  it("a removed enum value is major, an added one minor", () => {
    const noBlue = edit((m) => {
      delete m.shapes[`${ns}#Color`]!.members!.BLUE;
    });
    expect(diffModels(base(), noBlue)).toEqual([
      expect.objectContaining({ bump: "major", summary: 'Enum `Color` lost the value "blue".' }),
    ]);
    expect(bumpFor(diffModels(noBlue, base()))).toBe("minor");
  });

  it("a changed member target is major", () => {
    const retyped = edit((m) => {
      m.shapes[`${ns}#PutRequest`]!.members!.color!.target = "smithy.api#String";
    });
    expect(bumpFor(diffModels(base(), retyped))).toBe("major");
  });
});

describe("renderChangeset", () => {
  it("writes the package's bump and a readable summary, breaking changes first", () => {
    const after = edit((m) => {
      delete m.shapes[`${ns}#Color`]!.members!.BLUE;
      m.shapes[`${ns}#Put`]!.traits = { "smithy.api#documentation": "Puts a thing." };
    });
    const cs = renderChangeset("@docsmith/example", "Example", diffModels(base(), after))!;
    expect(cs.text.startsWith('---\n"@docsmith/example": major\n---\n')).toBe(true);
    expect(cs.text.indexOf("Breaking changes")).toBeLessThan(cs.text.indexOf("Documentation"));
    expect(cs.text).toContain('- Enum `Color` lost the value "blue".');
    expect(cs.fileName).toMatch(/^docsmith-example-docs-[0-9a-f]{8}\.md$/);
  });

  it("writes nothing when the API did not change", () => {
    expect(renderChangeset("@docsmith/example", "Example", [])).toBeUndefined();
  });
});
