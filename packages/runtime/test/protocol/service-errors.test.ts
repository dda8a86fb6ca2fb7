// Error responses keep what the SDK keeps: body fields the model does not name stay readable on
// the error (AWS SDK v3's decorateServiceException), without letting a body replace anything the
// error already has.
import { describe, expect, it } from "vitest";
import { awsJson1_1 } from "../../src/protocol/aws-json.js";
import { restJson1 } from "../../src/protocol/rest-json.js";
import {
  InvalidGreeting,
  jsonService,
  KitchenSinkOp,
  restService,
  TestServiceException,
  utf8,
} from "./fixtures.js";

async function thrown(promise: Promise<unknown>): Promise<any> {
  return promise.then(
    () => {
      throw new Error("expected an error");
    },
    (error: unknown) => error,
  );
}

describe.each([
  ["awsJson1_1", awsJson1_1, jsonService],
  ["restJson1", restJson1, restService],
] as const)("%s error responses", (_name, protocol, service) => {
  const respond = (body: string, headers: Record<string, string> = {}) =>
    thrown(
      protocol.deserializeResponse(service, KitchenSinkOp, {
        statusCode: 400,
        headers,
        body: utf8(body),
      }),
    );

  it("keep unmodeled body fields of a modeled error", async () => {
    const error = await respond(
      '{"__type":"InvalidGreeting","Message":"hi","canRetry":false,"errorCode":"E1"}',
    );
    expect(error).toBeInstanceOf(InvalidGreeting);
    expect(error.Message).toBe("hi");
    expect(error.message).toBe("hi");
    expect(error.canRetry).toBe(false);
    expect(error.errorCode).toBe("E1");
    expect(error.__type).toBe("InvalidGreeting");
  });

  it("keep unmodeled body fields of an unknown error", async () => {
    const error = await respond('{"__type":"Nope","message":"m","detail":{"a":1}}');
    expect(error).toBeInstanceOf(TestServiceException);
    expect(error.name).toBe("Nope");
    expect(error.detail).toEqual({ a: 1 });
  });

  it("never let a body replace what the error has", async () => {
    const error = await respond(
      '{"__type":"InvalidGreeting","name":"Other","$fault":"server","constructor":1,' +
        '"toString":2,"__proto__":{"polluted":true},"stack":"s"}',
    );
    expect(error.name).toBe("InvalidGreeting");
    expect(error.$fault).toBe("client");
    expect(error.constructor).toBe(InvalidGreeting);
    expect(typeof error.toString).toBe("function");
    expect(Object.getPrototypeOf(error)).toBe(InvalidGreeting.prototype);
    expect(error.polluted).toBeUndefined();
    expect(error.stack).not.toBe("s");
  });
});
