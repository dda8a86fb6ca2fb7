import { describe, expect, it } from "vitest";
import { clientStem, methodName, packageStem, propertyKey } from "../../src/emit/naming.js";

describe("names, as aws-sdk-js-v3 derives them", () => {
  it("makes the client stem from the sdkId", () => {
    expect(clientStem("Inspector")).toBe("Inspector");
    expect(clientStem("SecurityHub")).toBe("SecurityHub");
    expect(clientStem("Json Protocol")).toBe("JsonProtocol");
    expect(clientStem("elastic load balancing v2")).toBe("ElasticLoadBalancingV2");
    expect(packageStem("Security Lake")).toBe("securitylake");
  });

  it("lower-cases the first letter for aggregated methods and quotes odd keys", () => {
    expect(methodName("ListFindings")).toBe("listFindings");
    expect(propertyKey("plain")).toBe("plain");
    expect(propertyKey("x-amz-meta")).toBe('"x-amz-meta"');
  });
});
