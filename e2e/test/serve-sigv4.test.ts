/**
 * `docsmith serve all --auth sigv4 --credentials FILE` against the official AWS SDKs: requests
 * signed with a key from the file pass; a wrong secret, an unknown key id or no signature get
 * AWS's errors (InvalidSignatureException, UnrecognizedClientException,
 * MissingAuthenticationTokenException), each with status 403.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as guardduty from "@aws-sdk/client-guardduty";
import * as inspector from "@aws-sdk/client-inspector";
import * as securityhub from "@aws-sdk/client-securityhub";
import AWS from "aws-sdk";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { documentedExamples, sdkValue, serviceModel } from "../src/documented-examples.js";
import { type ServeProcess, startServe } from "../src/serve-process.js";

const REGION = "us-east-1";
const GOOD = {
  accessKeyId: "AKIDSERVETEST",
  secretAccessKey: "serve-test-secret/K7MDENG+bPxRfiCY",
};
const OTHER = { accessKeyId: "AKIDOTHERTEST", secretAccessKey: "another-secret-for-the-other-key" };

let dir: string;
let serve: ServeProcess;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "docsmith-serve-"));
  const file = join(dir, "credentials");
  writeFileSync(
    file,
    `# test keys\n[default]\naws_access_key_id = ${GOOD.accessKeyId}\naws_secret_access_key = ${GOOD.secretAccessKey}\n\n[other]\naws_access_key_id=${OTHER.accessKeyId}\naws_secret_access_key=${OTHER.secretAccessKey}\n`,
  );
  serve = await startServe(["all", "--port", "0", "--auth", "sigv4", "--credentials", file]);
});
afterAll(async () => {
  expect(await serve?.stop("SIGINT")).toBe(0);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

type Credentials = { accessKeyId: string; secretAccessKey: string };

/** One documented call per service, through its official client, signed with `credentials`. */
const CALLS: { svc: string; call: (credentials: Credentials) => Promise<unknown> }[] = [
  ...(
    [
      ["inspector", inspector, "InspectorClient"],
      ["securityhub", securityhub, "SecurityHubClient"],
      ["guardduty", guardduty, "GuardDutyClient"],
    ] as const
  ).map(([svc, module, clientName]) => ({
    svc,
    call: (credentials: Credentials) => {
      const model = serviceModel(svc);
      const example = documentedExamples(model)[0]!;
      const mod = module as Record<string, any>;
      const client = new mod[clientName]({
        endpoint: serve.url,
        region: REGION,
        credentials,
        maxAttempts: 1,
      });
      return client.send(
        new mod[`${example.operation}Command`](sdkValue(model, example.inputShape, example.input)),
      );
    },
  })),
  {
    svc: "securitylake",
    call: (credentials: Credentials) => {
      const model = serviceModel("securitylake");
      const example = documentedExamples(model).find((e) => e.operation === "CreateSubscriber")!;
      const client = new AWS.SecurityLake({
        endpoint: serve.url,
        region: REGION,
        credentials: new AWS.Credentials(credentials),
        maxRetries: 0,
      });
      return client.createSubscriber(example.input as any).promise();
    },
  },
];

/** The error code and status of a failed call, v3 (name, $metadata) or v2 (code, statusCode). */
async function failure(
  promise: Promise<unknown>,
): Promise<{ code: string; status: number } | undefined> {
  try {
    await promise;
    return undefined;
  } catch (e: any) {
    return { code: e.code ?? e.name, status: e.$metadata?.httpStatusCode ?? e.statusCode };
  }
}

describe.each(CALLS.map((c) => [c.svc, c] as const))("%s", (_svc, { call }) => {
  test("signed with a key from the credentials file: answered", async () => {
    await expect(call(GOOD)).resolves.toBeTypeOf("object");
    await expect(call(OTHER)).resolves.toBeTypeOf("object");
  });

  test("signed with the wrong secret: InvalidSignatureException, 403", async () => {
    expect(await failure(call({ ...GOOD, secretAccessKey: "not-the-secret" }))).toEqual({
      code: "InvalidSignatureException",
      status: 403,
    });
  });

  test("signed with an unknown key id: UnrecognizedClientException, 403", async () => {
    expect(await failure(call({ ...GOOD, accessKeyId: "AKIDUNKNOWN" }))).toEqual({
      code: "UnrecognizedClientException",
      status: 403,
    });
  });
});

describe("unsigned requests: MissingAuthenticationTokenException, 403", () => {
  const requests: [string, string, Record<string, string>, string][] = [
    [
      "inspector",
      "/",
      {
        "x-amz-target": "InspectorService.ListRulesPackages",
        "content-type": "application/x-amz-json-1.1",
      },
      "{}",
    ],
    [
      "securityhub",
      "/actionTargets",
      { "content-type": "application/json" },
      '{"Description":"d","Id":"i","Name":"n"}',
    ],
    [
      "guardduty",
      "/detector/d1/publishingDestination",
      { "content-type": "application/json" },
      '{"destinationType":"S3","destinationProperties":{}}',
    ],
    ["securitylake", "/v1/subscribers", { "content-type": "application/json" }, "{}"],
  ];
  test.each(requests)("%s %s", async (_svc, path, headers, body) => {
    const response = await fetch(`${serve.url}${path}`, { method: "POST", headers, body });
    expect(response.status).toBe(403);
    expect(response.headers.get("x-amzn-errortype")).toMatch(
      /^MissingAuthenticationTokenException/,
    );
    await response.arrayBuffer();
  });
});
