import { describe, expect, it } from "vitest";
import { readServiceFacts } from "../../src/transcribe/service-facts.js";
import { TranscribeError } from "../../src/transcribe/transcribed.js";

const FILE = "models/x/service.smithy";
const read = (text: string) => readServiceFacts({ path: FILE, text });
const failure = (text: string): TranscribeError => {
  try {
    read(text);
  } catch (e) {
    if (e instanceof TranscribeError) return e;
    throw e;
  }
  throw new Error("no TranscribeError");
};

describe("service facts of service.smithy", () => {
  it("reads the member naming, the error message member and the errata, with their lines", () => {
    const facts = read(`$version: "2.0"

metadata docsmithMemberNames = "PascalCase"
metadata docsmithErrorMessageMember = "message"
metadata docsmithErrata = [
    { id: "a", operation: "x#Op", example: "Ex", path: "/output/v", note: "why" }
]

namespace x
`);
    expect(facts).toEqual({
      file: FILE,
      memberNames: { value: "PascalCase", line: 3 },
      errorMessageMember: { value: "message", line: 4 },
      errata: [{ id: "a", operation: "x#Op", example: "Ex", path: "/output/v", note: "why" }],
      errataLine: 5,
    });
  });

  it("has no facts when service.smithy states none", () => {
    expect(read('$version: "2.0"\nnamespace x\n')).toEqual({
      file: FILE,
      errata: [],
      errataLine: 1,
    });
  });

  it("refuses malformed facts at their line", () => {
    expect(failure('$version: "2.0"\n\nmetadata docsmithMemberNames = "camelCase"\n').message).toBe(
      `${FILE}:3: docsmithMemberNames must be "PascalCase" (or left out)`,
    );
    expect(failure('$version: "2.0"\nmetadata docsmithErrorMessageMember = "a b"\n').message).toBe(
      `${FILE}:2: docsmithErrorMessageMember must be a member name`,
    );
    expect(
      failure(
        '$version: "2.0"\nmetadata docsmithErrata = [{ id: "a", operation: "x#Op", example: "E", path: "/v", note: "n" }]\n',
      ).message,
    ).toBe(
      `${FILE}:2: docsmithErrata[0] path "/v" must be a JSON Pointer starting /input or /output`,
    );
    expect(
      failure('$version: "2.0"\nmetadata docsmithErrata = [{ id: "a", operation: "x#Op" }]\n')
        .message,
    ).toBe(`${FILE}:2: docsmithErrata[0] needs a string "example"`);
    expect(failure('$version: "2.0"\nmetadata docsmithErrata = [\n').location).toMatchObject({
      file: FILE,
    });
  });
});
