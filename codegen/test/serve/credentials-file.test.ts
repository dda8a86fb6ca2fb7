import { describe, expect, test } from "vitest";
import { CredentialsFileError, parseCredentialsFile } from "../../src/serve/credentials-file.js";

describe("AWS shared credentials file (INI)", () => {
  test("every profile with keys becomes an access key; comments, blanks and spacing are fine", () => {
    const keys = parseCredentialsFile(
      [
        "# local keys",
        "[default]",
        "aws_access_key_id = AKID1",
        "aws_secret_access_key = secret/one+",
        "",
        "; a session",
        "[ ci ]",
        "AWS_ACCESS_KEY_ID=AKID2",
        "aws_secret_access_key=s2=with=equals",
        "aws_session_token = token2",
        "[sso-profile]",
        "sso_start_url = https://example.com",
        "region = us-east-1",
      ].join("\r\n"),
      "creds",
    );
    expect([...keys]).toEqual([
      ["AKID1", { secretAccessKey: "secret/one+" }],
      ["AKID2", { secretAccessKey: "s2=with=equals", sessionToken: "token2" }],
    ]);
  });

  test.each([
    ["aws_access_key_id = A\n", "creds:1:1: a setting before any [profile] line"],
    ["[p]\naws_access_key_id = A\n", "creds:1:1: profile [p] has no aws_secret_access_key"],
    ["[p]\naws_secret_access_key = S\n", "creds:1:1: profile [p] has no aws_access_key_id"],
    [
      "[p]\n  just words\n",
      `creds:2:3: expected '[profile]' or 'name = value', found "just words"`,
    ],
    ["[]\n", "creds:1:1: empty profile name"],
    ["[p]\naws_access_key_id =\naws_secret_access_key = S\n", "creds:2:20: empty value"],
    [
      "[a]\naws_access_key_id=A\naws_secret_access_key=S\n[b]\naws_access_key_id=A\naws_secret_access_key=T\n",
      "creds:5:19: access key id A appears twice",
    ],
    ["# nothing\n", "creds:1:1: no access keys in the file"],
  ])("%j is refused: %s", (text, message) => {
    expect(() => parseCredentialsFile(text, "creds")).toThrow(new CredentialsFileError(message));
  });
});

describe("JSON credentials file", () => {
  test("access key id -> secret, or -> { secretAccessKey, sessionToken }", () => {
    const keys = parseCredentialsFile(
      '{ "AKID1": "s1", "AKID2": { "secretAccessKey": "s2", "sessionToken": "t2" } }',
      "creds.json",
    );
    expect(Object.fromEntries(keys)).toEqual({
      AKID1: { secretAccessKey: "s1" },
      AKID2: { secretAccessKey: "s2", sessionToken: "t2" },
    });
  });

  test("a bad entry is refused with where it is", () => {
    expect(() => parseCredentialsFile('{\n  "AKID1": 42\n}', "c.json")).toThrow(
      /^c\.json:2:3: the value of "AKID1" must be/,
    );
    expect(() =>
      parseCredentialsFile('{\n  "AKID1": { "secretAccessKey": "" }\n}', "c.json"),
    ).toThrow(/^c\.json:2:3:/);
  });

  test("malformed JSON is refused with its line and column", () => {
    expect(() => parseCredentialsFile('{\n  "AKID1": "s1",\n}', "c.json")).toThrow(
      /^c\.json:3:1: /,
    );
  });

  test("an empty object has no keys", () => {
    expect(() => parseCredentialsFile("{}", "c.json")).toThrow(
      "c.json:1:1: no access keys in the file",
    );
  });
});
