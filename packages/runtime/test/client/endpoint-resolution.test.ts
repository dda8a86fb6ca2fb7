// Where a client sends, as AWS SDKs decide: endpoint URLs configured outside the code (env,
// shared config file), and AWS's endpoint variants (FIPS, dual-stack).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AwsClient } from "../../src/client/aws-client.js";
import { configuredEndpointUrl } from "../../src/client/configured-endpoint.js";
import { credentials, jsonService } from "./fixtures.js";

let home: string;

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), "docsmith-endpoint-"));
  mkdirSync(join(home, ".aws"));
  vi.stubEnv("HOME", home);
  for (const name of [
    "AWS_PROFILE",
    "AWS_CONFIG_FILE",
    "AWS_ENDPOINT_URL",
    "AWS_ENDPOINT_URL_WIDGETS",
    "AWS_ENDPOINT_URL_SECURITY_HUB",
    "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS",
    "AWS_USE_FIPS_ENDPOINT",
    "AWS_USE_DUALSTACK_ENDPOINT",
  ]) {
    vi.stubEnv(name, "");
  }
});
afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(home, { recursive: true, force: true });
});

const config = (text: string) => writeFileSync(join(home, ".aws", "config"), text);

describe("configured endpoint URLs", () => {
  it("take the service's variable first, then AWS_ENDPOINT_URL", async () => {
    vi.stubEnv("AWS_ENDPOINT_URL", "http://127.0.0.1:4566");
    expect(await configuredEndpointUrl("Widgets")).toBe("http://127.0.0.1:4566");
    vi.stubEnv("AWS_ENDPOINT_URL_WIDGETS", "http://127.0.0.1:5000");
    expect(await configuredEndpointUrl("Widgets")).toBe("http://127.0.0.1:5000");
    // The variable's name: the sdkId upper-cased, spaces as underscores.
    vi.stubEnv("AWS_ENDPOINT_URL_SECURITY_HUB", "http://127.0.0.1:6000");
    expect(await configuredEndpointUrl("Security Hub")).toBe("http://127.0.0.1:6000");
  });

  it("then the profile's services section, then its endpoint_url", async () => {
    config(
      [
        "[default]",
        "endpoint_url = http://127.0.0.1:7000",
        "services = local",
        "[profile other]",
        "endpoint_url = http://127.0.0.1:7100",
        "[services local]",
        "widgets =",
        "  endpoint_url = http://127.0.0.1:7001",
        "gadgets =",
        "  endpoint_url = http://127.0.0.1:7002",
      ].join("\n"),
    );
    expect(await configuredEndpointUrl("Widgets")).toBe("http://127.0.0.1:7001");
    expect(await configuredEndpointUrl("Sprockets")).toBe("http://127.0.0.1:7000");
    expect(await configuredEndpointUrl("Widgets", "other")).toBe("http://127.0.0.1:7100");
    vi.stubEnv("AWS_PROFILE", "other");
    expect(await configuredEndpointUrl("Widgets")).toBe("http://127.0.0.1:7100");
    expect(await configuredEndpointUrl("Widgets", "nobody")).toBeUndefined();
  });

  it("are ignored when AWS_IGNORE_CONFIGURED_ENDPOINT_URLS or the profile says so", async () => {
    config(
      "[default]\nendpoint_url = http://127.0.0.1:7000\nignore_configured_endpoint_urls = true\n",
    );
    expect(await configuredEndpointUrl("Widgets")).toBeUndefined();
    vi.stubEnv("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "false"); // the variable wins over the file
    expect(await configuredEndpointUrl("Widgets")).toBe("http://127.0.0.1:7000");
    vi.stubEnv("AWS_ENDPOINT_URL", "http://127.0.0.1:4566");
    vi.stubEnv("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "TRUE");
    expect(await configuredEndpointUrl("Widgets")).toBeUndefined();
  });

  it("are where a client without an endpoint sends; an explicit endpoint wins", async () => {
    vi.stubEnv("AWS_ENDPOINT_URL_WIDGETS", "http://127.0.0.1:4566/base/");
    const client = new AwsClient(jsonService, { region: "us-west-2", credentials });
    expect(await client.config.endpoint()).toMatchObject({
      protocol: "http:",
      hostname: "127.0.0.1",
      port: 4566,
      path: "/base",
    });
    const explicit = new AwsClient(jsonService, {
      region: "us-west-2",
      credentials,
      endpoint: "https://example.com",
    });
    expect((await explicit.config.endpoint()).hostname).toBe("example.com");
    vi.stubEnv("AWS_ENDPOINT_URL_WIDGETS", "");
    const aws = new AwsClient(jsonService, { region: "us-west-2", credentials });
    expect((await aws.config.endpoint()).hostname).toBe("widgets.us-west-2.amazonaws.com");
  });
});

describe("endpoint variants", () => {
  const hostOf = async (config: ConstructorParameters<typeof AwsClient>[1]) =>
    (await new AwsClient(jsonService, { credentials, ...config }).config.endpoint()).hostname;

  it("FIPS, dual-stack and both, in the aws and aws-cn partitions", async () => {
    expect(await hostOf({ region: "us-west-2", useFipsEndpoint: true })).toBe(
      "widgets-fips.us-west-2.amazonaws.com",
    );
    expect(await hostOf({ region: "us-west-2", useDualstackEndpoint: true })).toBe(
      "widgets.us-west-2.api.aws",
    );
    expect(
      await hostOf({ region: "us-gov-west-1", useFipsEndpoint: true, useDualstackEndpoint: true }),
    ).toBe("widgets-fips.us-gov-west-1.api.aws");
    expect(await hostOf({ region: "cn-north-1", useDualstackEndpoint: true })).toBe(
      "widgets.cn-north-1.api.amazonwebservices.com.cn",
    );
    expect(await hostOf({ region: "cn-north-1", useFipsEndpoint: async () => true })).toBe(
      "widgets-fips.cn-north-1.amazonaws.com.cn",
    );
  });

  it("come from the config, then the environment, then the profile", async () => {
    config("[default]\nuse_dualstack_endpoint = true\n");
    expect(await hostOf({ region: "us-east-1" })).toBe("widgets.us-east-1.api.aws");
    vi.stubEnv("AWS_USE_DUALSTACK_ENDPOINT", "false");
    vi.stubEnv("AWS_USE_FIPS_ENDPOINT", "true");
    expect(await hostOf({ region: "us-east-1" })).toBe("widgets-fips.us-east-1.amazonaws.com");
    expect(await hostOf({ region: "us-east-1", useFipsEndpoint: false })).toBe(
      "widgets.us-east-1.amazonaws.com",
    );
    const client = new AwsClient(jsonService, { region: "us-east-1", credentials });
    expect(await client.config.useFipsEndpoint()).toBe(true);
    expect(await client.config.useDualstackEndpoint()).toBe(false);
  });

  it("cannot go with an endpoint of one's own, as AWS's endpoint rules say", async () => {
    await expect(
      hostOf({ region: "us-east-1", endpoint: "http://127.0.0.1:4566", useFipsEndpoint: true }),
    ).rejects.toThrow("Invalid Configuration: FIPS and custom endpoint are not supported");
    vi.stubEnv("AWS_ENDPOINT_URL", "http://127.0.0.1:4566");
    await expect(hostOf({ region: "us-east-1", useDualstackEndpoint: true })).rejects.toThrow(
      "Invalid Configuration: Dualstack and custom endpoint are not supported",
    );
  });
});
