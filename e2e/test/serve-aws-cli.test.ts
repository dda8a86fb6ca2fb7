/**
 * `docsmith serve` against the AWS CLI (botocore: another client, in Python): documented calls
 * answer their documented output, invalid input gets the service's error on stderr with exit
 * code 255, AWS_ENDPOINT_URL points the CLI at the server, and with `--auth sigv4` the CLI's
 * signatures are verified. Skipped, saying so, where no `aws` command is installed.
 */
import { execFile, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  convertValue,
  type DocumentedExample,
  documentedExamples,
  type Node as ExampleNode,
  errata,
  overLongMember,
  type ServiceModel,
  serviceModel,
} from "../src/documented-examples.js";
import { type ServeProcess, startServe } from "../src/serve-process.js";

const cli = spawnSync("aws", ["--version"], { encoding: "utf8", timeout: 60_000 });
const CLI_VERSION = cli.status === 0 ? `${cli.stdout}${cli.stderr}`.trim() : undefined;

const KEYS = { id: "AKIDCLITEST", secret: "cli-test-secret/K7MDENG+bPxRfiCY" };

interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `aws ARGS` with test keys and no user configuration; never retries. */
function aws(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  const home = mkdtempSync(join(tmpdir(), "docsmith-cli-home-"));
  return new Promise((resolve) => {
    execFile(
      "aws",
      [...args, "--output", "json", "--region", "us-east-1"],
      {
        timeout: 60_000,
        env: {
          PATH: process.env.PATH ?? "",
          HOME: home,
          AWS_ACCESS_KEY_ID: KEYS.id,
          AWS_SECRET_ACCESS_KEY: KEYS.secret,
          AWS_CONFIG_FILE: join(home, "config"),
          AWS_SHARED_CREDENTIALS_FILE: join(home, "credentials"),
          AWS_MAX_ATTEMPTS: "1",
          AWS_RETRY_MODE: "standard",
          ...env,
        },
      },
      (error, stdout, stderr) => {
        rmSync(home, { recursive: true, force: true });
        const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** ListFindings -> list-findings. */
function command(operation: string): string {
  return operation.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
}

/**
 * A documented output as the CLI prints it: the wire's JSON (the CLI prints timestamps as they
 * arrive, epoch seconds in these protocols; blobs as their base64 text).
 */
function wireValue(model: ServiceModel, id: string, node: unknown): unknown {
  return convertValue(model, id, node as ExampleNode, {
    timestamp: (n) => (typeof n === "number" ? n : Date.parse(String(n)) / 1000),
    blob: (n) => n,
  });
}

/** The services the CLI knows as the docs give them (Security Lake's CLI has the newer API). */
const SERVICES = [
  {
    svc: "inspector",
    invalid: "InvalidInputException",
    // Lists, maps, nested structures and timestamps; each CLI start costs most of a second.
    operations: [
      "ListFindings",
      "DescribeFindings",
      "DescribeAssessmentRuns",
      "AddAttributesToFindings",
    ],
  },
  {
    svc: "securityhub",
    invalid: "InvalidInputException",
    operations: ["CreateActionTarget", "AcceptInvitation"],
  },
  { svc: "guardduty", invalid: "BadRequestException", operations: ["CreatePublishingDestination"] },
] as const;

describe.skipIf(CLI_VERSION === undefined)(
  `docsmith serve all through the AWS CLI (${CLI_VERSION ?? "not installed: skipped"})`,
  () => {
    let serve: ServeProcess;
    beforeAll(async () => {
      serve = await startServe(["all", "--port", "0"]);
    });
    afterAll(async () => {
      expect(await serve?.stop("SIGTERM")).toBe(0);
    });

    for (const s of SERVICES) {
      const model = serviceModel(s.svc);
      const repaired = new Set(errata(model).map((e) => `${e.operation}/${e.example}`));
      // Documented examples served as documented (no erratum repaired in them).
      const examples = documentedExamples(model).filter(
        (e) =>
          (s.operations as readonly string[]).includes(e.operation) &&
          !repaired.has(`${e.operation}/${e.title}`),
      );

      test(`${s.svc}: the chosen operations have documented examples`, () => {
        expect(new Set(examples.map((e) => e.operation))).toEqual(new Set(s.operations));
      });

      test.each(examples.map((e) => [e.operation, e] as [string, DocumentedExample]))(
        `${s.svc}: %s answers its documented output`,
        async (_name, e) => {
          const r = await aws([
            s.svc,
            command(e.operation),
            "--cli-input-json",
            JSON.stringify(e.input ?? {}),
            "--endpoint-url",
            serve.url,
          ]);
          expect(r.stderr).toBe("");
          expect(r.code).toBe(0);
          const printed = r.stdout.trim() === "" ? {} : JSON.parse(r.stdout);
          expect(printed).toEqual(wireValue(model, e.outputShape, e.output));
        },
      );

      test(`${s.svc}: a member over its max length gets ${s.invalid} (exit 255)`, async () => {
        const e = documentedExamples(model).find((x) => overLongMember(model, x.inputShape));
        expect(e, "an operation with a length-limited string member").toBeDefined();
        const over = overLongMember(model, e!.inputShape)!;
        const input = { ...(e!.input as Record<string, unknown>), [over.member]: over.value };
        const r = await aws([
          s.svc,
          command(e!.operation),
          "--cli-input-json",
          JSON.stringify(input),
          "--endpoint-url",
          serve.url,
        ]);
        expect(r.code).toBe(255);
        expect(r.stderr).toContain(
          `An error occurred (${s.invalid}) when calling the ${e!.operation} operation`,
        );
        expect(r.stderr).toMatch(
          /failed to satisfy constraint: Member must have length less than or equal to \d+/,
        );
      });
    }

    test("AWS_ENDPOINT_URL points the CLI at the server", async () => {
      const r = await aws(["inspector", "list-rules-packages"], { AWS_ENDPOINT_URL: serve.url });
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).rulesPackageArns.length).toBeGreaterThan(0);
      expect(serve.stdout()).toMatch(/ListRulesPackages 200/);
    });
  },
);

describe.skipIf(CLI_VERSION === undefined)(
  "docsmith serve --auth sigv4 through the AWS CLI",
  () => {
    let serve: ServeProcess;
    let dir: string;
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), "docsmith-cli-keys-"));
      const file = join(dir, "credentials");
      writeFileSync(
        file,
        `[default]\naws_access_key_id = ${KEYS.id}\naws_secret_access_key = ${KEYS.secret}\n`,
      );
      serve = await startServe(["all", "--port", "0", "--auth", "sigv4", "--credentials", file]);
    });
    afterAll(async () => {
      expect(await serve?.stop("SIGTERM")).toBe(0);
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    test("the CLI's signature passes; another secret gets InvalidSignatureException", async () => {
      const args = ["securityhub", "create-action-target", "--name", "n", "--description", "d"];
      const ok = await aws([...args, "--id", "i", "--endpoint-url", serve.url]);
      expect(ok.stderr).toBe("");
      expect(ok.code).toBe(0);
      const bad = await aws([...args, "--id", "i", "--endpoint-url", serve.url], {
        AWS_SECRET_ACCESS_KEY: "not-the-secret",
      });
      expect(bad.code).toBe(255);
      expect(bad.stderr).toContain("An error occurred (InvalidSignatureException)");
    });
  },
);
