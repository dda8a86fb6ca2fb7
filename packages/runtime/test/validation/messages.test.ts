import { describe, expect, it } from "vitest";
import { formatValidationErrors, validationErrorFragments } from "../../src/validation/messages.js";

describe("formatValidationErrors", () => {
  it("words one error as AWS does", () => {
    expect(
      formatValidationErrors(
        [{ instancePath: "/name", keyword: "maxLength", params: { limit: 140 } }],
        {
          name: "x".repeat(141),
        },
      ),
    ).toBe(
      `1 validation error detected: Value '${"x".repeat(141)}' at 'name' failed to satisfy constraint: Member must have length less than or equal to 140`,
    );
  });

  it("counts several, numbers list items from 1 and names missing members", () => {
    const data = { filter: { agentIds: ["ok", ""] }, maxResults: 0, state: "BAD" };
    const message = formatValidationErrors(
      [
        { instancePath: "/filter/agentIds/1", keyword: "minLength", params: { limit: 1 } },
        { instancePath: "/maxResults", keyword: "minimum", params: { limit: 1, comparison: ">=" } },
        {
          instancePath: "/state",
          keyword: "enum",
          params: { allowedValues: ["ACTIVE", "INACTIVE"] },
        },
        { instancePath: "/filter", keyword: "required", params: { missingProperty: "name" } },
        {
          instancePath: "/filter/agentIds/0",
          keyword: "pattern",
          params: { pattern: "^[a-z]{3}$" },
        },
        { instancePath: "", keyword: "anyOf", params: {} },
      ],
      data,
    );
    expect(message).toBe(
      [
        "5 validation errors detected: Value '' at 'filter.agentIds.2.member' failed to satisfy constraint: Member must have length greater than or equal to 1",
        "Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1",
        "Value 'BAD' at 'state' failed to satisfy constraint: Member must satisfy enum value set: [ACTIVE, INACTIVE]",
        "Value null at 'filter.name' failed to satisfy constraint: Member must not be null",
        "Value 'ok' at 'filter.agentIds.1.member' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-z]{3}$",
      ].join("; "),
    );
  });

  it("renders lists, maps, numbers and dates; drops duplicates", () => {
    const data = { ids: ["a", "b"], tags: { k: "v" }, when: new Date(0) };
    expect(
      validationErrorFragments(
        [
          { instancePath: "/ids", keyword: "maxItems", params: { limit: 1 } },
          { instancePath: "/ids", keyword: "maxItems", params: { limit: 1 } },
          { instancePath: "/tags", keyword: "maxProperties", params: { limit: 0 } },
          { instancePath: "/when", keyword: "type", params: { type: "string" } },
          { instancePath: "/tags/k", keyword: "maxLength", params: { limit: 0 } },
        ],
        data,
      ),
    ).toEqual([
      "Value '[a, b]' at 'ids' failed to satisfy constraint: Member must have length less than or equal to 1",
      "Value '{k=v}' at 'tags' failed to satisfy constraint: Member must have length less than or equal to 0",
      "Value '1970-01-01T00:00:00.000Z' at 'when' failed to satisfy constraint: Member must be of type string",
      "Value 'v' at 'tags.k' failed to satisfy constraint: Member must have length less than or equal to 0",
    ]);
  });

  it("words a map key's error once, quoting the key", () => {
    expect(
      formatValidationErrors(
        [
          {
            instancePath: "/map",
            keyword: "enum",
            params: { allowedValues: ["abc", "def", "ghi"] },
            parentSchema: { enum: ["abc", "def", "ghi"], smithyListedValues: ["abc", "def"] },
            propertyName: "XYZ",
          },
          { instancePath: "/map", keyword: "propertyNames", params: { propertyName: "XYZ" } },
        ],
        { map: { XYZ: "abc" } },
      ),
    ).toBe(
      "1 validation error detected: Value 'XYZ' at 'map' failed to satisfy constraint: Member must satisfy enum value set: [abc, def]",
    );
  });
});
