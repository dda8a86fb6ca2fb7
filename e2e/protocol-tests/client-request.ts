import type { HttpRequest } from "@smithy/types";
import { diffBody, diffHeaders, diffQuery, show } from "./compare.js";
import { type CaseContext, ioShape } from "./context.js";
import type { HttpRequestTestCase, ProtocolCase } from "./load-cases.js";
import { toTypeScriptValue } from "./values.js";

/** The idempotency token clients must use in protocol tests (Smithy's compliance test spec). */
const FIXED_TOKEN = "00000000-0000-4000-8000-000000000000";

/**
 * Sends `input` through the generated client with a request handler that records the request
 * and answers 200 with an empty body (the answer is ignored); returns the request as the
 * transport received it, or throws what the client threw before sending.
 */
export async function captureRequest(
  ctx: CaseContext,
  operation: string,
  input: unknown,
  endpoint: string,
  options: { validateInput?: boolean } = {},
): Promise<HttpRequest> {
  let captured: HttpRequest | undefined;
  const client = ctx.api.newClient({
    endpoint,
    validateInput: options.validateInput,
    requestHandler: {
      handle: async (request: HttpRequest) => {
        captured ??= request;
        return { response: { statusCode: 200, headers: {}, body: new Uint8Array() } };
      },
    } as never,
  });
  const randomUUID = crypto.randomUUID;
  crypto.randomUUID = () => FIXED_TOKEN;
  let thrown: unknown;
  try {
    await client.send(ctx.api.newCommand(operation, input) as never);
  } catch (error) {
    thrown = error;
  } finally {
    crypto.randomUUID = randomUUID;
    client.destroy();
  }
  if (!captured) {
    throw new Error(
      `the client sent nothing: ${thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : show(thrown)}`,
    );
  }
  return captured;
}

/** httpRequestTests, client side: the request the client builds from `params`. */
export async function runClientRequest(
  ctx: CaseContext,
  c: ProtocolCase<HttpRequestTestCase>,
): Promise<string[]> {
  const def = c.def;
  const input = toTypeScriptValue(
    ctx.model,
    ioShape(ctx.model, c.operation, "input"),
    def.params ?? {},
  );
  const request = await captureRequest(
    ctx,
    c.operation,
    input,
    `https://${def.host ?? "example.com"}`,
  );
  const out: string[] = [];
  if (request.method.toUpperCase() !== def.method.toUpperCase()) {
    out.push(`method: expected ${def.method}, got ${request.method}`);
  }
  if (request.path !== def.uri)
    out.push(`uri: expected ${show(def.uri)}, got ${show(request.path)}`);
  out.push(
    ...diffQuery(
      request.query ?? {},
      def.queryParams,
      def.forbidQueryParams,
      def.requireQueryParams,
    ),
    ...diffHeaders(request.headers, def.headers, def.forbidHeaders, def.requireHeaders),
  );
  if (def.body !== undefined) {
    out.push(
      ...diffBody(def.body, request.body as string | Uint8Array | undefined, def.bodyMediaType),
    );
  }
  if (def.resolvedHost !== undefined && request.hostname !== def.resolvedHost) {
    out.push(`host: expected ${def.resolvedHost}, got ${request.hostname}`);
  }
  return out;
}
