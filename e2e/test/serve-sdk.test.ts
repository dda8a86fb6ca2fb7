/**
 * `docsmith serve all` against the official AWS SDKs: every documented operation called with its
 * documented input answers its documented output (parsed by the SDK, field by field), and invalid
 * input gets the service's typed validation error with its status.
 */
import * as guardduty from "@aws-sdk/client-guardduty";
import * as inspector from "@aws-sdk/client-inspector";
import * as securityhub from "@aws-sdk/client-securityhub";
import AWS from "aws-sdk";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  at,
  type DocumentedExample,
  documentedExamples,
  enumAt,
  errata,
  operationsWithExchanges,
  overLongMember,
  sdkValue,
  serviceModel,
} from "../src/documented-examples.js";
import { type ServeProcess, startServe } from "../src/serve-process.js";

const REGION = "us-east-1";
const CREDENTIALS = {
  accessKeyId: "AKIDEXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
};

let serve: ServeProcess;
beforeAll(async () => {
  serve = await startServe(["all", "--port", "0"]);
});
afterAll(async () => {
  expect(await serve?.stop("SIGTERM")).toBe(0);
});

/** An SDK v3 client of one service: its module, client class and how it names members. */
interface V3Service {
  readonly svc: string;
  readonly module: Record<string, any>;
  readonly client: string;
  /** The modeled error the docs give for invalid input, and its status. */
  readonly invalid: { name: string; status: number };
}

const V3: V3Service[] = [
  {
    svc: "inspector",
    module: inspector,
    client: "InspectorClient",
    invalid: { name: "InvalidInputException", status: 400 },
  },
  {
    svc: "securityhub",
    module: securityhub,
    client: "SecurityHubClient",
    invalid: { name: "InvalidInputException", status: 400 },
  },
  {
    svc: "guardduty",
    module: guardduty,
    client: "GuardDutyClient",
    invalid: { name: "BadRequestException", status: 400 },
  },
];

function v3Client(s: V3Service): { send(command: unknown): Promise<any> } {
  return new s.module[s.client]({
    endpoint: serve.url,
    region: REGION,
    credentials: CREDENTIALS,
    maxAttempts: 1,
  });
}

function withoutMetadata(output: Record<string, unknown>): Record<string, unknown> {
  const { $metadata: _, ...rest } = output;
  return rest;
}

for (const s of V3) {
  describe(`${s.svc}: documented examples through @aws-sdk/${s.client}`, () => {
    const model = serviceModel(s.svc);
    const examples = documentedExamples(model);
    const known = errata(model);

    test("the model documents examples, one for every operation with a documented exchange", () => {
      expect(examples.length).toBeGreaterThan(0);
      const operations = new Set(examples.map((e) => e.operation));
      expect(operationsWithExchanges(model).filter((op) => !operations.has(op))).toEqual([]);
    });

    test.each(examples.map((e) => [e.operation, e] as [string, DocumentedExample]))(
      "%s answers its documented output",
      async (_name, example) => {
        const Command = s.module[`${example.operation}Command`];
        expect(Command, `${example.operation}Command in the SDK`).toBeTypeOf("function");
        const input = sdkValue(model, example.inputShape, example.input);
        const output = withoutMetadata(await v3Client(s).send(new Command(input)));
        const expected = sdkValue(model, example.outputShape, example.output) as Record<
          string,
          unknown
        >;
        // Errata: documented values that break the docs' own constraints come back repaired,
        // as a valid value; everything else exactly as documented.
        for (const e of known.filter(
          (k) => k.operation === example.operation && k.example === example.title,
        )) {
          const pointer = e.path.replace(/^\/output/, "");
          const served = at(output, pointer);
          expect(served).not.toEqual(at(expected, pointer));
          expect(enumAt(model, example.outputShape, pointer)).toContain(served);
          setAt(expected, pointer, served);
        }
        expect(output).toEqual(expected);
      },
    );

    test("every recorded erratum is in a served example, its repair noted on stderr", () => {
      for (const k of known) {
        expect(
          examples.some((e) => e.operation === k.operation && e.title === k.example),
          k.id,
        ).toBe(true);
        expect(serve.stderr()).toMatch(
          new RegExp(
            `^${s.svc}: ${k.operation} example "${k.example}".* \\(erratum ${k.id}\\)$`,
            "m",
          ),
        );
      }
    });

    const invalid = examples
      .map((e) => ({ e, over: overLongMember(model, e.inputShape) }))
      .filter((x) => x.over !== undefined);

    test("at least one operation has a length-limited member", () => {
      expect(invalid.length).toBeGreaterThan(0);
    });

    test.each(invalid.map((x) => [x.e.operation, x] as const))(
      "%s with a member over its max length gets the typed validation error",
      async (_name, { e, over }) => {
        const input = sdkValue(model, e.inputShape, e.input) as Record<string, unknown>;
        input[over!.member] = over!.value;
        const Command = s.module[`${e.operation}Command`];
        const error = await v3Client(s)
          .send(new Command(input))
          .then(
            () => undefined,
            (err: unknown) => err as any,
          );
        expect(error, "the call fails").toBeDefined();
        expect(error.name).toBe(s.invalid.name);
        expect(error).toBeInstanceOf(s.module[s.invalid.name]);
        expect(error.$metadata.httpStatusCode).toBe(s.invalid.status);
        expect(error.$fault).toBe("client");
      },
    );
  });
}

test("inspector: ListAssessmentRunAgents, an erratum documented only in its exchange, is served", async () => {
  const model = serviceModel("inspector");
  const example = documentedExamples(model).find((e) => e.operation === "ListAssessmentRunAgents");
  expect(example).toMatchObject({
    title: "Example",
    exchange: "Inspector_ListAssessmentRunAgents_Sample",
  });
  const output = await v3Client(V3[0]!).send(
    new inspector.ListAssessmentRunAgentsCommand(
      sdkValue(model, example!.inputShape, example!.input) as any,
    ),
  );
  const agent = output.assessmentRunAgents![0]!;
  expect(agent.agentHealthCode).not.toBe("HEALTHY");
  expect(enumAt(model, example!.outputShape, "/assessmentRunAgents/0/agentHealthCode")).toContain(
    agent.agentHealthCode,
  );
  expect(agent).toMatchObject({ agentHealth: "HEALTHY", agentId: "i-49113b93" });
  expect(agent.telemetryMetadata).toHaveLength(29);
});

test("securityhub: an input that matches no example answers the closest example's output", async () => {
  const client = v3Client(V3[1]!);
  const output = await client.send(
    new securityhub.CreateActionTargetCommand({
      Description: "string",
      Id: "string",
      Name: "Other name",
    }),
  );
  expect(output.ActionTargetArn).toBe("string");
});

describe("securitylake: documented examples through aws-sdk v2 (the preview-era API the docs give)", () => {
  const model = serviceModel("securitylake");
  const examples = documentedExamples(model);
  const client = () =>
    new AWS.SecurityLake({
      endpoint: serve.url,
      region: REGION,
      credentials: new AWS.Credentials(CREDENTIALS),
      maxRetries: 0,
    });

  test.each(examples.map((e) => [e.operation, e] as [string, DocumentedExample]))(
    "%s answers its documented output",
    async (_name, example) => {
      const method = example.operation[0]!.toLowerCase() + example.operation.slice(1);
      const input = sdkValue(model, example.inputShape, example.input);
      const output = await (client() as any)[method](input).promise();
      expect(output).toEqual(sdkValue(model, example.outputShape, example.output));
    },
  );

  test("CreateSubscriber with an account id over its length gets the typed validation error", async () => {
    const example = examples.find((e) => e.operation === "CreateSubscriber")!;
    const input = { ...(example.input as object), accountId: "1234567890123" };
    const error = await client()
      .createSubscriber(input as AWS.SecurityLake.CreateSubscriberRequest)
      .promise()
      .then(
        () => undefined,
        (err: AWS.AWSError) => err,
      );
    expect(error, "the call fails").toBeDefined();
    // The first of ValidationException, InvalidInputException, BadRequestException that the
    // operation declares (docs: both ValidationException and InvalidInputException, status 400).
    expect(error!.code).toBe("ValidationException");
    expect(error!.statusCode).toBe(400);
  });
});

test("the server logs one line per request", () => {
  const lines = serve
    .stdout()
    .split("\n")
    .filter((l) => / (POST|GET|PUT|DELETE|PATCH) "/.test(l));
  expect(lines.length).toBeGreaterThan(0);
  expect(lines.some((l) => /^inspector .* POST "\/" \w+ 200 - [\d.]+ms$/.test(l))).toBe(true);
});

function setAt(value: unknown, pointer: string, replacement: unknown): void {
  const keys = pointer.split("/").slice(1);
  const parent = at(
    value,
    keys
      .slice(0, -1)
      .map((k) => `/${k}`)
      .join(""),
  ) as Record<string, unknown>;
  parent[keys[keys.length - 1]!] = replacement;
}
