import type { HttpRequest } from "@smithy/types";
import { captureRequest } from "./client-request.js";
import { bodyText, diffBody, diffHeaders, show } from "./compare.js";
import { type CaseContext, ioShape, shapeName } from "./context.js";
import { fetchRequestOf, responseParts, serverDetail } from "./http-messages.js";
import type { HttpResponseTestCase, ProtocolCase } from "./load-cases.js";
import { operationsOf } from "./load-cases.js";
import { sampleValue, toTypeScriptValue } from "./values.js";

/**
 * httpResponseTests, server side: the operation returns `params` (or throws the error they
 * describe) and the response must carry the case's status, headers and body. The request that
 * reaches the operation is the generated client's for the smallest valid input.
 */
export async function runServerResponse(
  ctx: CaseContext,
  c: ProtocolCase<HttpResponseTestCase>,
): Promise<string[]> {
  const def = c.def;
  const shape = c.error ?? ioShape(ctx.model, c.operation, "output");
  const value = toTypeScriptValue(ctx.model, shape, def.params ?? {}) as Record<string, unknown>;
  let called = false;
  const answer = async () => {
    called = true;
    if (!c.error) return value;
    const Exception = ctx.api.exception(shapeName(c.error));
    const message = value.message ?? value.Message;
    throw new Exception({ $metadata: {}, ...(message === undefined ? {} : { message }), ...value });
  };
  const impl: Record<string, () => Promise<unknown>> = {};
  for (const op of operationsOf(ctx.model, c.service.id)) {
    impl[shapeName(op)] = async () => {
      throw new Error(`${shapeName(op)} called instead of ${shapeName(c.operation)}`);
    };
  }
  impl[shapeName(c.operation)] = answer;
  const input = sampleValue(ctx.model, ioShape(ctx.model, c.operation, "input")) ?? {};
  let request: HttpRequest;
  try {
    request = await captureRequest(ctx, c.operation, input, "http://localhost");
  } catch (error) {
    return [`no request reaches the operation: ${(error as Error).message}`];
  }
  const log: string[] = [];
  const response = await responseParts(await ctx.api.handler(impl, log)(fetchRequestOf(request)));
  if (!called) {
    return [
      `the operation was not called: ${response.status} ${show(bodyText(response.body))}${serverDetail(log)}`,
    ];
  }
  const out: string[] = [];
  if (response.status !== def.code) {
    out.push(
      `status: expected ${def.code}, got ${response.status} ${show(bodyText(response.body))}${serverDetail(log)}`,
    );
  }
  out.push(...diffHeaders(response.headers, def.headers, def.forbidHeaders, def.requireHeaders));
  if (def.body !== undefined) out.push(...diffBody(def.body, response.body, def.bodyMediaType));
  return out;
}
