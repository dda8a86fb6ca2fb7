import { describe, expect, it } from "vitest";
import {
  enumMemberName,
  enumName,
  listName,
  mapName,
  singular,
} from "../../../src/transcribe/pdf-reference/naming.js";
import { parseType } from "../../../src/transcribe/pdf-reference/types.js";

describe("names of generated shapes", () => {
  it("singularizes member names", () => {
    expect(singular("findingArns")).toBe("findingArn");
    expect(singular("severities")).toBe("severity");
    expect(singular("ipv4Addresses")).toBe("ipv4Address");
    expect(singular("status")).toBe("status");
  });

  it("names an enum after its member, qualified by its data type when the name is one word", () => {
    expect(enumName("agentHealthCodes", "AgentFilter")).toBe("AgentHealthCode");
    expect(enumName("state", "AssessmentRun")).toBe("AssessmentRunState");
    expect(enumName("locale", undefined)).toBe("Locale");
  });

  it("names enum members after their values", () => {
    expect(enumMemberName("ec2-instance")).toBe("EC2_INSTANCE");
    expect(enumMemberName("Informational")).toBe("INFORMATIONAL");
    expect(enumMemberName("1.0")).toBe("_1_0");
  });

  it("names lists after their element type or member, maps after their value", () => {
    expect(listName("Attribute", "userAttributesForFindings")).toBe("AttributeList");
    expect(listName(undefined, "rulesPackageArns")).toBe("RulesPackageArnList");
    expect(mapName("String", "FailedItemDetails")).toBe("FailedItemDetailsMap");
    expect(mapName("Integer", "String")).toBe("IntegerToStringMap");
  });

  it("maps binary data to Blob", () => {
    const at = { value: "", line: { n: 1, text: "" } };
    expect(parseType("Base64-encoded binary data object", at, "f.txt")).toEqual({
      kind: "simple",
      name: "Blob",
    });
  });
});
