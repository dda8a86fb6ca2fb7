import { bodyText, diffBody, diffHeaders, show } from "./compare.js";
import type { CaseContext } from "./context.js";
import { fetchRequest, responseParts, serverDetail } from "./http-messages.js";
import type { MalformedRequestTestCase, ProtocolCase } from "./load-cases.js";
import { recordingImpl } from "./server-request.js";

/**
 * httpMalformedRequestTests: the server must reject the request with the case's status, headers
 * and body (exact contents, or an error message matching `messageRegex`).
 */
export async function runMalformed(
  ctx: CaseContext,
  c: ProtocolCase<MalformedRequestTestCase>,
): Promise<string[]> {
  const def = c.def;
  const { impl, calls } = recordingImpl(ctx, c.service.id);
  const log: string[] = [];
  const response = await responseParts(await ctx.api.handler(impl, log)(fetchRequest(def.request)));
  const out: string[] = [];
  if (response.status !== def.response.code) {
    const called =
      calls.length > 0 ? ` (the operation was called with ${show(calls[0]!.input)})` : "";
    out.push(
      `status: expected ${def.response.code}, got ${response.status} ${show(bodyText(response.body))}${called}${serverDetail(log)}`,
    );
  }
  out.push(...diffHeaders(response.headers, def.response.headers));
  const body = def.response.body;
  if (body?.assertion.contents !== undefined) {
    out.push(...diffBody(body.assertion.contents, response.body, body.mediaType));
  }
  if (body?.assertion.messageRegex !== undefined) {
    let message: unknown;
    try {
      const parsed = JSON.parse(bodyText(response.body)) as Record<string, unknown>;
      message = parsed.message ?? parsed.Message;
    } catch {
      message = undefined;
    }
    if (typeof message !== "string" || !new RegExp(body.assertion.messageRegex).test(message)) {
      out.push(`message: expected to match /${body.assertion.messageRegex}/, got ${show(message)}`);
    }
  }
  return out;
}
