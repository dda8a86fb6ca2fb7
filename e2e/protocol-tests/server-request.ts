import { bodyText, diffValues, show } from "./compare.js";
import { type CaseContext, ioShape, shapeName } from "./context.js";
import { fetchRequest, responseParts, serverDetail } from "./http-messages.js";
import type { HttpRequestTestCase, ProtocolCase } from "./load-cases.js";
import { operationsOf } from "./load-cases.js";
import { toTypeScriptValue } from "./values.js";

/**
 * An implementation of every operation of the case's service that records the input it is
 * called with and answers an empty output.
 */
export function recordingImpl(
  ctx: CaseContext,
  serviceId: string,
): {
  impl: Record<string, (input: unknown) => Promise<object>>;
  calls: { op: string; input: unknown }[];
} {
  const calls: { op: string; input: unknown }[] = [];
  const impl: Record<string, (input: unknown) => Promise<object>> = {};
  for (const op of operationsOf(ctx.model, serviceId)) {
    const name = shapeName(op);
    impl[name] = async (input) => {
      calls.push({ op: name, input });
      return {};
    };
  }
  return { impl, calls };
}

/** httpRequestTests, server side: the input the operation receives must equal `params`. */
export async function runServerRequest(
  ctx: CaseContext,
  c: ProtocolCase<HttpRequestTestCase>,
): Promise<string[]> {
  const def = c.def;
  const inputShape = ioShape(ctx.model, c.operation, "input");
  const expected = toTypeScriptValue(ctx.model, inputShape, def.params ?? {}, "absent");
  const { impl, calls } = recordingImpl(ctx, c.service.id);
  const log: string[] = [];
  const response = await ctx.api.handler(impl, log)(fetchRequest(def));
  const call = calls[0];
  if (!call) {
    const { status, body } = await responseParts(response);
    return [`the operation was not called: ${status} ${show(bodyText(body))}${serverDetail(log)}`];
  }
  if (call.op !== shapeName(c.operation))
    return [`routed to ${call.op}, not ${shapeName(c.operation)}`];
  return diffValues(expected, call.input, "input");
}
