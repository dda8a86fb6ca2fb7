import { diffValues, show } from "./compare.js";
import { type CaseContext, ioShape, shapeName } from "./context.js";
import type { HttpResponseTestCase, ProtocolCase } from "./load-cases.js";
import { sampleValue, toTypeScriptValue } from "./values.js";

/**
 * httpResponseTests, client side: the client reads the case's response; its output (or, for a
 * case on an error structure, the error it throws) must equal `params`.
 */
export async function runClientResponse(
  ctx: CaseContext,
  c: ProtocolCase<HttpResponseTestCase>,
): Promise<string[]> {
  const def = c.def;
  const client = ctx.api.newClient({
    endpoint: "https://example.com",
    validateInput: false,
    requestHandler: {
      handle: async () => ({
        response: {
          statusCode: def.code,
          headers: { ...def.headers },
          body: new TextEncoder().encode(def.body ?? ""),
        },
      }),
    } as never,
  });
  const input = sampleValue(ctx.model, ioShape(ctx.model, c.operation, "input")) ?? {};
  const shape = c.error ?? ioShape(ctx.model, c.operation, "output");
  const expected = toTypeScriptValue(ctx.model, shape, def.params ?? {}, "absent");
  let output: unknown;
  let thrown: unknown;
  try {
    output = await client.send(ctx.api.newCommand(c.operation, input) as never);
  } catch (error) {
    thrown = error;
  } finally {
    client.destroy();
  }
  if (!c.error) {
    if (thrown !== undefined) return [`the client threw ${describe(thrown)}`];
    const { $metadata: _metadata, ...members } = output as Record<string, unknown>;
    return diffValues(expected, members, "output");
  }
  if (thrown === undefined)
    return [`expected ${shapeName(c.error)} to be thrown, got ${show(output)}`];
  const error = thrown as Record<string, unknown>;
  const out: string[] = [];
  if (error.name !== shapeName(c.error))
    out.push(`error name: expected ${shapeName(c.error)}, got ${describe(thrown)}`);
  const members = Object.keys(ctx.model.shapes[c.error]?.members ?? {});
  const actual = Object.fromEntries(members.map((m) => [m, error[m]]));
  out.push(...diffValues(expected, actual, "error"));
  return out;
}

function describe(thrown: unknown): string {
  return thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : show(thrown);
}
