import type {
  AwsCredentialIdentityProvider,
  DeserializeHandler,
  DeserializeHandlerArguments,
  Endpoint,
  FinalizeHandler,
  FinalizeHandlerArguments,
  Handler,
  HandlerExecutionContext,
  HttpRequest,
  HttpResponse,
  Logger,
  MetadataBearer,
  MiddlewareStack,
  Provider,
  RequestHandler,
  SerializeHandler,
  SerializeHandlerArguments,
} from "@smithy/types";
import { responseMetadata } from "../protocol/service-errors.js";
import type { Protocol } from "../protocol/types.js";
import type { MemberSchema, OperationSchema, ServiceSchema } from "../schema.js";
import { SigV4Signer } from "../signing/signer.js";
import { ValidationException } from "../validation/exception.js";
import { validatorOf } from "../validation/load.js";
import { type BodyEncodingOptions, encodeBody } from "./body-encoding.js";
import { collectBody } from "./http.js";
import { CALL_OPTIONS, type CallOptions } from "./retry.js";
import { unreadableResponse } from "./unreadable-response.js";
import { canSetUserAgent } from "./user-agent.js";

/**
 * @smithy/types' SMITHY_CONTEXT_KEY: written out, because importing the one value would load
 * all of @smithy/types at run time (its types cost nothing).
 */
const SMITHY_CONTEXT_KEY = "__smithy_context";

/** The operation a resolved handler serves, kept in the handler context. */
export const OPERATION = "docsmith:operation";
export type DocsmithContext = HandlerExecutionContext & { [OPERATION]: OperationSchema };

/**
 * A stack resolved into the handler for one operation: the terminal handler sends with the
 * configured RequestHandler, passing the call's abort signal and timeout.
 */
export function resolveOperation(
  stack: MiddlewareStack<any, any>,
  config: {
    requestHandler: RequestHandler<any, any, any>;
    serviceId: string;
    logger?: Logger;
    requestTimeout?: number;
  },
  op: OperationSchema,
): Handler<any, MetadataBearer> {
  // The client's requestTimeout reaches any handler (ours also get it at construction).
  const defaults: CallOptions = config.requestTimeout
    ? { requestTimeout: config.requestTimeout }
    : {};
  const context = {
    clientName: `${config.serviceId.replace(/\s+/g, "")}Client`,
    commandName: `${op.name}Command`,
    logger: config.logger,
    [SMITHY_CONTEXT_KEY]: { operation: op.name },
    [OPERATION]: op,
  } as DocsmithContext;
  return stack.resolve((args: any) => {
    const options: CallOptions | undefined = args[CALL_OPTIONS];
    const merged = options
      ? options.requestTimeout === undefined
        ? { ...defaults, ...options }
        : options
      : defaults;
    return config.requestHandler.handle(args.request, merged) as Promise<any>;
  }, context);
}

const tokenMembers = new WeakMap<OperationSchema, readonly string[]>();

/** Input members with `@idempotencyToken`, computed once per operation. */
function idempotencyTokens(op: OperationSchema): readonly string[] {
  let names = tokenMembers.get(op);
  if (!names) {
    names = Object.entries(op.input.members)
      .filter(([, m]: [string, MemberSchema]) => m.idempotencyToken)
      .map(([n]) => n);
    tokenMembers.set(op, names);
  }
  return names;
}

export interface PipelineConfig extends BodyEncodingOptions {
  service: ServiceSchema;
  protocol: Protocol;
  validateInput: boolean;
  disableHostPrefix: boolean;
  endpoint: () => Promise<Endpoint>;
  /** The `x-amz-user-agent` (and on Node `user-agent`) value (user-agent.ts). */
  userAgent: string;
}

/** Whether requests carry `user-agent` besides `x-amz-user-agent` (not in browsers). */
const SET_USER_AGENT = canSetUserAgent();

/**
 * The serialize step: fill idempotency tokens, validate (before anything is sent), encode with
 * the service's protocol and address the request to the endpoint.
 */
export function serializeMiddleware(config: PipelineConfig) {
  return (next: SerializeHandler<any, MetadataBearer>, context: HandlerExecutionContext) =>
    async (args: SerializeHandlerArguments<any>) => {
      const op = (context as DocsmithContext)[OPERATION];
      let input = (args.input ?? {}) as Record<string, unknown>;
      const tokens = idempotencyTokens(op);
      if (tokens.length > 0) {
        for (const name of tokens) {
          if (input[name] === undefined) input = { ...input, [name]: crypto.randomUUID() };
        }
      }
      if (config.validateInput && op.inputValidator) {
        const loaded = validatorOf(op.inputValidator);
        const validate = typeof loaded === "function" ? loaded : await loaded;
        if (!validate(input)) throw new ValidationException(validate.errors ?? [], input);
      }
      const message = config.protocol.serializeRequest(config.service, op, input);
      const endpoint = await config.endpoint();
      const hostname =
        message.hostPrefix && !config.disableHostPrefix
          ? `${message.hostPrefix}${endpoint.hostname}`
          : endpoint.hostname;
      const request: HttpRequest = {
        protocol: endpoint.protocol,
        hostname,
        port: endpoint.port,
        method: message.method,
        path: endpoint.path ? `${endpoint.path}${message.path}` : message.path,
        query: message.query,
        headers: message.headers,
        body: message.body,
      };
      request.headers["x-amz-user-agent"] ??= config.userAgent;
      if (SET_USER_AGENT) request.headers["user-agent"] ??= config.userAgent;
      if (request.body !== undefined && request.headers["content-length"] === undefined) {
        request.headers["content-length"] = String(byteLength(request.body));
      }
      if (op.requestCompression !== undefined || op.checksumRequired) {
        await encodeBody(op, request, config);
      }
      return next({ ...args, input, request });
    };
}

function byteLength(body: unknown): number {
  if (typeof body === "string") {
    // ASCII fast path: JSON bodies usually are.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: testing for non-ASCII
    return /^[\x00-\x7f]*$/.test(body) ? body.length : new TextEncoder().encode(body).length;
  }
  return (body as Uint8Array).byteLength;
}

/**
 * The signing step (after the retry step, so every attempt is signed afresh), with our SigV4
 * signer (src/signing) and the clock offset learnt from the service's responses.
 */
export function signingMiddleware(options: {
  service: ServiceSchema;
  credentials: AwsCredentialIdentityProvider;
  region: Provider<string>;
  clock: ClockOffset;
}) {
  const signer = new SigV4Signer({
    credentials: options.credentials,
    region: options.region,
    service: options.service.signingName,
  });
  return (next: FinalizeHandler<any, MetadataBearer>) =>
    async (args: FinalizeHandlerArguments<any>) => {
      const request = await signer.sign(args.request as HttpRequest, {
        clockOffset: options.clock.offset,
      });
      return next({ ...args, request });
    };
}

/** The deserialize step: collect the body, decode it with the protocol, attach $metadata. */
export function deserializeMiddleware(config: {
  service: ServiceSchema;
  protocol: Protocol;
  clock: ClockOffset;
}) {
  return (next: DeserializeHandler<any, MetadataBearer>, context: HandlerExecutionContext) =>
    async (args: DeserializeHandlerArguments<any>) => {
      const op = (context as DocsmithContext)[OPERATION];
      const { response } = (await next(args)) as { response: HttpResponse };
      const message = {
        statusCode: response.statusCode,
        headers: lowerCaseKeys(response.headers),
        body: await collectBody(response.body),
      };
      let output: MetadataBearer;
      try {
        output = (await config.protocol.deserializeResponse(
          config.service,
          op,
          message,
        )) as MetadataBearer;
      } catch (error) {
        if (message.statusCode >= 300 && correctClock(config.clock, message.headers.date)) {
          const meta = (error as { $metadata?: Record<string, unknown> }).$metadata;
          if (meta) meta.clockSkewCorrected = true;
        }
        throw unreadableResponse(error, message);
      }
      output.$metadata = responseMetadata(message);
      return { response, output };
    };
}

/** How far the local clock is behind the service's, in ms (the SDK's systemClockOffset). */
export interface ClockOffset {
  offset: number;
}

/**
 * After an error response, adopt the server's clock when ours is more than five minutes off, so
 * the retry of a "signature expired / time too skewed" error is signed with a time AWS accepts.
 */
function correctClock(clock: ClockOffset, serverDate: string | undefined): boolean {
  if (!serverDate) return false;
  const server = Date.parse(serverDate);
  if (Number.isNaN(server)) return false;
  const local = Date.now() + clock.offset;
  if (Math.abs(server - local) <= 300_000) return false;
  clock.offset = server - Date.now();
  return true;
}

/** Header names lower-cased (our handlers already do; a custom handler or middleware may not). */
function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
  for (const name in headers) {
    if (name !== name.toLowerCase()) {
      const out: Record<string, string> = {};
      for (const n in headers) out[n.toLowerCase()] = headers[n]!;
      return out;
    }
  }
  return headers;
}
