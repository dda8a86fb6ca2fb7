/**
 * Our clients against the official ones, on the wire: the same input through @docsmith/<svc> and
 * through the AWS SDK (v3 for Inspector, Security Hub and GuardDuty; v2 for Security Lake's
 * preview-era API) must make the same request: method, path, query, X-Amz-Target, Content-Type
 * (and every other header the protocol binds), and a JSON-equal body. Requests are captured by a
 * request handler (v3) or built without sending (v2); nothing touches the network. Inputs: every
 * documented example of packages/<svc>/model.json, and inputs synthesised to set every member of
 * every operation's input (one per union member). The other direction for the v3 clients: the
 * same response bytes (each documented output, each modeled error) parse to the same output or
 * the same error (name, fault, status, request id, message, class name).
 */
import * as guardduty from "@aws-sdk/client-guardduty";
import * as inspector from "@aws-sdk/client-inspector";
import * as securityhub from "@aws-sdk/client-securityhub";
import * as ourGuardduty from "@docsmith/guardduty";
import * as ourInspector from "@docsmith/inspector";
import * as ourSecurityhub from "@docsmith/securityhub";
import * as ourSecuritylake from "@docsmith/securitylake";
import AWS from "aws-sdk";
import { describe, expect, test } from "vitest";
import { type ServiceModel, sdkValue, serviceModel } from "../src/documented-examples.js";
import { exampleAsWireJson } from "../src/sdk-parity/example-wire.js";
import {
  synthesizeInput,
  variantCount,
  withIdempotencyToken,
} from "../src/sdk-parity/synthesize.js";
import {
  type CannedResponse,
  CapturingHandler,
  fromSmithyRequest,
  fromV2Request,
  type WireRequest,
} from "../src/sdk-parity/wire.js";

const REGION = "us-east-1";
const CREDENTIALS = {
  accessKeyId: "AKIDEXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
};

type Send = (operation: string, input: Record<string, unknown>) => Promise<WireRequest>;

interface Service {
  readonly svc: string;
  readonly ours: Record<string, any>;
  readonly client: string;
  /** The official client's request for an input. */
  readonly theirs: Send;
  /** The official v3 client's module (none for Security Lake's v2 client). */
  readonly theirModule?: Record<string, any>;
}

/** Sends through a v3-style client (ours or AWS's) and returns the one request it made. */
async function captureV3(
  module: Record<string, any>,
  clientName: string,
  operation: string,
  input: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): Promise<WireRequest> {
  const { handler, failure } = await sendV3(module, clientName, operation, input, extra);
  if (handler.requests.length !== 1) {
    throw new Error(
      `${clientName} made ${handler.requests.length} requests for ${operation}` +
        (failure ? `: ${failure.name}: ${failure.message}` : ""),
    );
  }
  return fromSmithyRequest(handler.requests[0]!);
}

/** What a client made of a response: its output (without $metadata) or its error's summary. */
async function answerV3(
  module: Record<string, any>,
  clientName: string,
  operation: string,
  answer: CannedResponse,
  extra: Record<string, unknown> = {},
): Promise<unknown> {
  const { output, failure } = await sendV3(module, clientName, operation, {}, extra, answer);
  if (!failure) {
    const { $metadata: _, ...rest } = output as Record<string, unknown>;
    return { output: rest };
  }
  const e = failure as Error & Record<string, any>;
  return {
    error: {
      class: e.constructor.name,
      name: e.name,
      fault: e.$fault,
      status: e.$metadata?.httpStatusCode,
      requestId: e.$metadata?.requestId,
      message: e.message,
    },
  };
}

async function sendV3(
  module: Record<string, any>,
  clientName: string,
  operation: string,
  input: Record<string, unknown>,
  extra: Record<string, unknown>,
  answer?: CannedResponse,
): Promise<{ handler: CapturingHandler; output?: unknown; failure?: Error }> {
  const handler = new CapturingHandler(answer);
  const client = new module[clientName]({
    region: REGION,
    endpoint: `https://parity.${REGION}.amazonaws.com`,
    credentials: CREDENTIALS,
    requestHandler: handler,
    maxAttempts: 1,
    ...extra,
  });
  const Command = module[`${operation}Command`];
  if (typeof Command !== "function") throw new Error(`${clientName} has no ${operation}Command`);
  return client.send(new Command(input)).then(
    (output: unknown) => ({ handler, output }),
    (failure: Error) => ({ handler, failure }),
  );
}

function v3(svc: string, ours: Record<string, any>, theirs: Record<string, any>, client: string) {
  return {
    svc,
    ours,
    client,
    theirs: (op: string, input: Record<string, unknown>) =>
      captureV3(theirs, client, op, structuredClone(input)),
    theirModule: theirs,
  };
}

/** AWS SDK v2: the request as built (validated off, since ours validates on its own). */
function captureV2(op: string, input: Record<string, unknown>): Promise<WireRequest> {
  const client = new AWS.SecurityLake({
    region: REGION,
    endpoint: `https://parity.${REGION}.amazonaws.com`,
    credentials: CREDENTIALS,
    paramValidation: false,
  });
  const method = op[0]!.toLowerCase() + op.slice(1);
  /** The part of `AWS.Request` used here (its typings leave out `build`). */
  type V2Request = {
    build(callback: (err: Error | null) => void): void;
    httpRequest: Parameters<typeof fromV2Request>[0];
  };
  const fn = (client as unknown as Record<string, (p: unknown) => V2Request>)[method];
  if (typeof fn !== "function") throw new Error(`aws-sdk SecurityLake has no ${method}`);
  const request = fn.call(client, structuredClone(input));
  return new Promise((resolve, reject) => {
    request.build((err) => {
      if (err) reject(err);
      else resolve(fromV2Request(request.httpRequest));
    });
  });
}

const SERVICES: Service[] = [
  v3("inspector", ourInspector, inspector, "InspectorClient"),
  v3("securityhub", ourSecurityhub, securityhub, "SecurityHubClient"),
  v3("guardduty", ourGuardduty, guardduty, "GuardDutyClient"),
  { svc: "securitylake", ours: ourSecuritylake, client: "SecurityLakeClient", theirs: captureV2 },
];

interface Case {
  readonly operation: string;
  readonly label: string;
  readonly input: Record<string, unknown>;
}

/** Every documented example's input (error examples too), and the synthesised inputs. */
function casesOf(model: ServiceModel): Case[] {
  const cases: Case[] = [];
  for (const [id, shape] of Object.entries(model.shapes)) {
    if (shape.type !== "operation") continue;
    const operation = id.slice(id.indexOf("#") + 1);
    const inputShape = shape.input?.target ?? "smithy.api#Unit";
    const examples = (shape.traits?.["smithy.api#examples"] ?? []) as unknown as {
      title: string;
      input?: Parameters<typeof sdkValue>[2];
    }[];
    for (const e of examples) {
      const input = sdkValue(model, inputShape, e.input ?? {}) as Record<string, unknown>;
      cases.push({
        operation,
        label: `example "${e.title}"`,
        input: withIdempotencyToken(model, inputShape, input),
      });
    }
    const variants = variantCount(model, inputShape);
    for (let v = 0; v < variants; v++) {
      cases.push({
        operation,
        label: `every member (variant ${v + 1}/${variants})`,
        input: synthesizeInput(model, inputShape, v),
      });
    }
    cases.push({
      operation,
      label: "every member, edge values (empty, zero, false, epoch)",
      input: synthesizeInput(model, inputShape, 0, "edge"),
    });
  }
  return cases.sort((a, b) => a.operation.localeCompare(b.operation));
}

describe.each(SERVICES)("$svc: our wire requests equal the official client's", (s) => {
  const model = serviceModel(s.svc);
  const cases = casesOf(model);

  test("the model has operations and documented examples", () => {
    expect(cases.some((c) => c.label.startsWith("example"))).toBe(true);
    expect(cases.some((c) => c.label.startsWith("every member"))).toBe(true);
  });

  test("the comparison sees a changed member value", async () => {
    const c = cases.find(
      (x) =>
        x.label.startsWith("every member") &&
        Object.values(x.input).some((v) => typeof v === "string"),
    );
    const ours = await captureV3(s.ours, s.client, c!.operation, structuredClone(c!.input), {
      validateInput: false,
    });
    const changed = structuredClone(c!.input);
    const [name, value] = Object.entries(changed).find(([, v]) => typeof v === "string")!;
    changed[name] = `${value}-changed`;
    expect(ours).not.toEqual(await s.theirs(c!.operation, changed));
  });

  test.each(cases.map((c) => [`${c.operation} ${c.label}`, c] as const))("%s", async (_name, c) => {
    // Documented inputs go through our default config (validation on: they must be valid);
    // synthesised ones break patterns and lengths, and the SDKs send invalid input anyway.
    const ours = await captureV3(s.ours, s.client, c.operation, structuredClone(c.input), {
      validateInput: c.label.startsWith("example"),
    });
    const theirs = await s.theirs(c.operation, c.input);
    expect(ours).toEqual(theirs);
  });
});

interface Answer {
  readonly operation: string;
  readonly label: string;
  readonly response: CannedResponse;
}

/** Each documented output as the service would send it, and each modeled error of each operation. */
function answersOf(model: ServiceModel): Answer[] {
  const restJson = Object.values(model.shapes).some(
    (s) => s.type === "service" && s.traits?.["aws.protocols#restJson1"] !== undefined,
  );
  const contentType = restJson ? "application/json" : "application/x-amz-json-1.1";
  const answers: Answer[] = [];
  for (const [id, shape] of Object.entries(model.shapes)) {
    if (shape.type !== "operation") continue;
    const operation = id.slice(id.indexOf("#") + 1);
    const examples = (shape.traits?.["smithy.api#examples"] ?? []) as unknown as {
      title: string;
      output?: Parameters<typeof exampleAsWireJson>[2];
    }[];
    for (const e of examples) {
      if (e.output === undefined) continue;
      const body = exampleAsWireJson(model, shape.output!.target, e.output, restJson);
      answers.push({
        operation,
        label: `documented output "${e.title}"`,
        response: {
          statusCode: 200,
          headers: { "content-type": contentType, "x-amzn-requestid": "req-1" },
          body: JSON.stringify(body),
        },
      });
    }
    for (const { target } of (shape as { errors?: { target: string }[] }).errors ?? []) {
      const error = model.shapes[target]!;
      const name = target.slice(target.indexOf("#") + 1);
      const status = (error.traits?.["smithy.api#httpError"] as number | undefined) ?? 400;
      answers.push({
        operation,
        label: `error ${name}`,
        response: {
          statusCode: status,
          headers: {
            "content-type": contentType,
            "x-amzn-requestid": "req-2",
            ...(restJson ? { "x-amzn-errortype": `${name}:http://internal.amazon.com/` } : {}),
          },
          body: JSON.stringify({ __type: target, message: `${name} happened` }),
        },
      });
    }
  }
  return answers.sort((a, b) => a.operation.localeCompare(b.operation));
}

describe.each(SERVICES.filter((s) => s.theirModule))(
  "$svc: responses parse as the official client parses them",
  (s) => {
    const model = serviceModel(s.svc);
    const answers = answersOf(model);

    test("the model has documented outputs and modeled errors", () => {
      expect(answers.some((a) => a.label.startsWith("documented"))).toBe(true);
      expect(answers.some((a) => a.label.startsWith("error"))).toBe(true);
    });

    test.each(answers.map((a) => [`${a.operation} ${a.label}`, a] as const))(
      "%s",
      async (_name, a) => {
        const ours = await answerV3(s.ours, s.client, a.operation, a.response, {
          validateInput: false,
        });
        const theirs = await answerV3(s.theirModule!, s.client, a.operation, a.response);
        expect(ours).toEqual(theirs);
      },
    );
  },
);
