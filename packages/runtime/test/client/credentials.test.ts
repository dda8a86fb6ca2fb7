import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { parseIni } from "../../src/client/credentials/ini.js";
import {
  CredentialsProviderError,
  chain,
  defaultCredentialProvider,
  fromEnv,
  fromSharedFiles,
  memoize,
} from "../../src/client/credentials/providers.js";
import { regionProvider } from "../../src/client/region.js";

let home: string;

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), "docsmith-creds-"));
  mkdirSync(join(home, ".aws"));
  vi.stubEnv("HOME", home);
  for (const name of [
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
    "AWS_SESSION_TOKEN",
    "AWS_CREDENTIAL_EXPIRATION",
    "AWS_PROFILE",
    "AWS_REGION",
    "AWS_DEFAULT_REGION",
    "AWS_SHARED_CREDENTIALS_FILE",
    "AWS_CONFIG_FILE",
  ]) {
    vi.stubEnv(name, "");
  }
});
afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(home, { recursive: true, force: true });
});

const write = (name: string, text: string) => writeFileSync(join(home, ".aws", name), text);

describe("credential providers", () => {
  it("reads the environment first", async () => {
    vi.stubEnv("AWS_ACCESS_KEY_ID", "AKENV");
    vi.stubEnv("AWS_SECRET_ACCESS_KEY", "secret-env");
    vi.stubEnv("AWS_SESSION_TOKEN", "token-env");
    write(
      "credentials",
      "[default]\naws_access_key_id = AKFILE\naws_secret_access_key = secret-file\n",
    );
    expect(await defaultCredentialProvider()()).toEqual({
      accessKeyId: "AKENV",
      secretAccessKey: "secret-env",
      sessionToken: "token-env",
    });
  });

  it("falls back to the shared credentials file, profile from AWS_PROFILE", async () => {
    write(
      "credentials",
      [
        "# comment",
        "[default]",
        "aws_access_key_id = AKDEFAULT",
        "aws_secret_access_key = secret-default",
        "",
        "[work]",
        "aws_access_key_id=AKWORK ; trailing comment",
        "aws_secret_access_key=secret-work",
        "aws_session_token=token-work",
      ].join("\n"),
    );
    expect(await defaultCredentialProvider()()).toEqual({
      accessKeyId: "AKDEFAULT",
      secretAccessKey: "secret-default",
    });
    vi.stubEnv("AWS_PROFILE", "work");
    expect(await defaultCredentialProvider()()).toEqual({
      accessKeyId: "AKWORK",
      secretAccessKey: "secret-work",
      sessionToken: "token-work",
    });
  });

  it("reads keys from the config file's [profile x] sections, credentials file winning", async () => {
    write(
      "config",
      "[profile dev]\nregion = eu-west-1\naws_access_key_id = AKCONFIG\naws_secret_access_key = secret-config\n",
    );
    expect(await fromSharedFiles({ profile: "dev" })()).toEqual({
      accessKeyId: "AKCONFIG",
      secretAccessKey: "secret-config",
    });
    write(
      "credentials",
      "[dev]\naws_access_key_id = AKCRED\naws_secret_access_key = secret-cred\n",
    );
    expect(await fromSharedFiles({ profile: "dev" })()).toEqual({
      accessKeyId: "AKCRED",
      secretAccessKey: "secret-cred",
    });
  });

  it("honours AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE", async () => {
    const other = join(home, "elsewhere");
    writeFileSync(other, "[default]\naws_access_key_id = AKOTHER\naws_secret_access_key = s\n");
    vi.stubEnv("AWS_SHARED_CREDENTIALS_FILE", other);
    expect((await fromSharedFiles()()).accessKeyId).toBe("AKOTHER");
    const config = join(home, "cfg");
    writeFileSync(config, "[default]\nregion = sa-east-1\n");
    vi.stubEnv("AWS_CONFIG_FILE", config);
    expect(await regionProvider(undefined)()).toBe("sa-east-1");
  });

  it("an explicit profile skips the environment", async () => {
    vi.stubEnv("AWS_ACCESS_KEY_ID", "AKENV");
    vi.stubEnv("AWS_SECRET_ACCESS_KEY", "secret-env");
    write("credentials", "[ci]\naws_access_key_id = AKCI\naws_secret_access_key = secret-ci\n");
    expect((await defaultCredentialProvider({ profile: "ci" })()).accessKeyId).toBe("AKCI");
  });

  it("explains what it tried when nothing has credentials", async () => {
    const error = await defaultCredentialProvider()().catch((e) => e);
    expect(error).toBeInstanceOf(CredentialsProviderError);
    expect(error.message).toMatch(/Could not load credentials from any providers/);
    expect(error.message).toMatch(/AWS_ACCESS_KEY_ID/);
    expect(error.message).toMatch(
      /Profile 'default' is not in the shared credentials or config file/,
    );
  });

  it("names unsupported profile kinds", async () => {
    write("config", "[profile sso]\nsso_session = corp\n");
    await expect(fromSharedFiles({ profile: "sso" })()).rejects.toThrow(/uses 'sso_session'/);
  });

  it("memoizes until close to expiry and shares concurrent lookups", async () => {
    let calls = 0;
    const provider = memoize(async () => {
      calls++;
      return {
        accessKeyId: `AK${calls}`,
        secretAccessKey: "s",
        expiration: new Date(Date.now() + (calls === 1 ? 60_000 : 3_600_000)),
      };
    });
    const [a, b] = await Promise.all([provider(), provider()]);
    expect(a).toBe(b);
    expect(calls).toBe(1);
    // The first credentials expire within five minutes: fetched again.
    expect((await provider()).accessKeyId).toBe("AK2");
    expect((await provider()).accessKeyId).toBe("AK2");
    expect(calls).toBe(2);
  });

  it("chain stops at a provider that fails for real", async () => {
    const broken = async () => {
      throw new Error("disk on fire");
    };
    await expect(chain(fromEnv(), broken, fromEnv())()).rejects.toThrow("disk on fire");
  });
});

describe("region", () => {
  it("comes from the config, then AWS_REGION, then AWS_DEFAULT_REGION", async () => {
    expect(await regionProvider("us-east-2")()).toBe("us-east-2");
    vi.stubEnv("AWS_DEFAULT_REGION", "eu-north-1");
    expect(await regionProvider(undefined)()).toBe("eu-north-1");
    vi.stubEnv("AWS_REGION", "eu-west-3");
    expect(await regionProvider(undefined)()).toBe("eu-west-3");
    expect(() => regionProvider("not a region")).toThrow(/Invalid region/);
  });

  it("fails clearly when nothing sets it", async () => {
    await expect(regionProvider(undefined)()).rejects.toThrow(
      /Region is missing: pass `region` to the client/,
    );
  });
});

describe("parseIni", () => {
  it("reads sections, skips comments, keeps sub-section values as parent.key", () => {
    expect(
      parseIni(
        [
          "[default]",
          "region = us-east-1",
          "s3 =",
          "  max_concurrent_requests = 20",
          "output=json",
          "; comment",
          "[profile x] # trailing",
          "key = a=b",
          "  stray = indented, outside any sub-section",
        ].join("\r\n"),
      ),
    ).toEqual({
      default: { region: "us-east-1", "s3.max_concurrent_requests": "20", output: "json" },
      "profile x": { key: "a=b", stray: "indented, outside any sub-section" },
    });
  });
});
