import type {
  AwsCredentialIdentity,
  AwsCredentialIdentityProvider,
  Endpoint,
  Handler,
  HttpHandlerOptions,
  Logger,
  MetadataBearer,
  Provider,
} from "@smithy/types";
import { createDefaultRequestHandler } from "../platform/default-request-handler.js";
import { Client } from "../platform/smithy-client.js";
import type { Protocol } from "../protocol/types.js";
import type { OperationSchema, ServiceSchema } from "../schema.js";
import type { AwsCommand } from "./aws-command.js";
import { DEFAULT_MIN_COMPRESSION_BYTES } from "./body-encoding.js";
import { defaultCredentialProvider, memoize } from "./credentials/providers.js";
import type { EndpointInput } from "./endpoint.js";
import { endpointProvider, sharedFilesOnce, variantSwitch } from "./endpoint-resolution.js";
import type { HttpHandler } from "./http.js";
import {
  deserializeMiddleware,
  resolveOperation,
  serializeMiddleware,
  signingMiddleware,
} from "./pipeline.js";
import { regionProvider } from "./region.js";
import { CALL_OPTIONS, type CallOptions, RetryQuota, retryMiddleware } from "./retry.js";
import { type CustomUserAgent, userAgent } from "./user-agent.js";

export type { CallOptions } from "./retry.js";

/** The client configuration, as AWS SDK v3 clients take it. */
export interface AwsClientConfig {
  /** e.g. `us-east-1`; default AWS_REGION / AWS_DEFAULT_REGION, then the profile's `region`. */
  region?: string | Provider<string>;
  /**
   * Overrides `https://<endpointPrefix>.<region>.amazonaws.com`. Default: an endpoint URL
   * configured as AWS SDKs read it (AWS_ENDPOINT_URL_<SERVICE>, AWS_ENDPOINT_URL, the shared
   * config file's `endpoint_url`), else the AWS one.
   */
  endpoint?: EndpointInput;
  /** AWS's FIPS endpoints; default AWS_USE_FIPS_ENDPOINT, then the profile's use_fips_endpoint. */
  useFipsEndpoint?: boolean | Provider<boolean>;
  /**
   * AWS's dual-stack (IPv4 and IPv6) endpoints; default AWS_USE_DUALSTACK_ENDPOINT, then the
   * profile's use_dualstack_endpoint.
   */
  useDualstackEndpoint?: boolean | Provider<boolean>;
  /** Default: AWS_ACCESS_KEY_ID/…, then the shared credentials/config files (AWS_PROFILE). */
  credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /** Profile of the shared files for the default credentials and region. */
  profile?: string;
  /** Validate input against the model before sending (default true). */
  validateInput?: boolean;
  /** Attempts per call, the first included (default 3). */
  maxAttempts?: number | Provider<number>;
  /** Only "standard" is implemented; accepted for compatibility. */
  retryMode?: "standard" | Provider<string>;
  /** Per-attempt timeout in ms (a call's `requestTimeout` option overrides it). */
  requestTimeout?: number;
  /** Transport (default: node:http(s) keep-alive on Node, fetch in browsers). */
  requestHandler?: HttpHandler;
  /** Added to the user agent the client sends (`x-amz-user-agent`, and `user-agent` on Node). */
  customUserAgent?: CustomUserAgent;
  /** Leave the operation's `@endpoint(hostPrefix)` off the hostname. */
  disableHostPrefix?: boolean;
  /** Never compress request bodies of `@requestCompression` operations (default false). */
  disableRequestCompression?: boolean;
  /** Smallest body, in bytes, that `@requestCompression` operations compress (default 10240). */
  requestMinCompressionSizeBytes?: number;
  logger?: Logger;
}

/** `client.config`: the configuration as resolved once at construction. */
export interface ResolvedAwsClientConfig {
  readonly apiVersion: string;
  readonly serviceId: string;
  readonly region: Provider<string>;
  readonly credentials: AwsCredentialIdentityProvider;
  readonly endpoint: Provider<Endpoint>;
  readonly useFipsEndpoint: Provider<boolean>;
  readonly useDualstackEndpoint: Provider<boolean>;
  readonly maxAttempts: Provider<number>;
  readonly validateInput: boolean;
  readonly disableHostPrefix: boolean;
  readonly disableRequestCompression: boolean;
  readonly requestMinCompressionSizeBytes: number;
  readonly requestTimeout?: number;
  readonly requestHandler: HttpHandler;
  readonly protocolCodec: Protocol;
  readonly logger?: Logger;
  readonly cacheMiddleware?: boolean;
}

type AnyCommand = AwsCommand<object, MetadataBearer>;

const MUTATORS = ["add", "addRelativeTo", "use", "remove", "removeByTag"] as const;

/**
 * The base of every generated client: AWS SDK v3's `Client` (so `send`, `middlewareStack`,
 * `destroy`, aggregated clients and test mocks behave as users expect) with a lean pipeline of
 * four middleware (serialize, retry, sign, deserialize) resolved once per operation and cached
 * until the stack changes.
 */
export class AwsClient extends Client<
  HttpHandlerOptions,
  any,
  MetadataBearer,
  ResolvedAwsClientConfig & { requestHandler: any }
> {
  readonly service: ServiceSchema;
  private resolved = new WeakMap<OperationSchema, Handler<any, MetadataBearer>>();

  constructor(service: ServiceSchema, config: AwsClientConfig = {}) {
    const region = regionProvider(config.region, config.profile);
    const credentials =
      typeof config.credentials === "function"
        ? memoize(config.credentials)
        : config.credentials
          ? constant(config.credentials)
          : defaultCredentialProvider({ profile: config.profile });
    // One read of the shared files for every endpoint setting (configured URL, FIPS, dual-stack).
    const sharedFiles = sharedFilesOnce();
    const useFipsEndpoint = variantSwitch(
      config.useFipsEndpoint,
      "AWS_USE_FIPS_ENDPOINT",
      "use_fips_endpoint",
      config.profile,
      sharedFiles,
    );
    const useDualstackEndpoint = variantSwitch(
      config.useDualstackEndpoint,
      "AWS_USE_DUALSTACK_ENDPOINT",
      "use_dualstack_endpoint",
      config.profile,
      sharedFiles,
    );
    const endpoint = endpointProvider(
      config,
      service,
      region,
      useFipsEndpoint,
      useDualstackEndpoint,
      sharedFiles,
    );
    const maxAttempts =
      typeof config.maxAttempts === "function"
        ? config.maxAttempts
        : constant(config.maxAttempts ?? 3);
    const protocolCodec = codecOf(service);
    const resolvedConfig: ResolvedAwsClientConfig = {
      apiVersion: service.version,
      serviceId: service.sdkId,
      region,
      credentials,
      endpoint,
      useFipsEndpoint,
      useDualstackEndpoint,
      maxAttempts,
      validateInput: config.validateInput ?? true,
      disableHostPrefix: config.disableHostPrefix ?? false,
      disableRequestCompression: config.disableRequestCompression ?? false,
      requestMinCompressionSizeBytes: minCompressionBytes(config.requestMinCompressionSizeBytes),
      requestTimeout: config.requestTimeout,
      requestHandler: config.requestHandler ?? createDefaultRequestHandler(config.requestTimeout),
      protocolCodec,
      logger: config.logger,
    };
    super(resolvedConfig);
    this.service = service;
    this.initConfig = config;

    const stack = this.middlewareStack;
    stack.add(
      serializeMiddleware({
        service,
        protocol: protocolCodec,
        validateInput: resolvedConfig.validateInput,
        disableHostPrefix: resolvedConfig.disableHostPrefix,
        disableRequestCompression: resolvedConfig.disableRequestCompression,
        requestMinCompressionSizeBytes: resolvedConfig.requestMinCompressionSizeBytes,
        endpoint,
        userAgent: userAgent(service, config.customUserAgent),
      }),
      { step: "serialize", name: "docsmithSerializeMiddleware", override: true },
    );
    stack.add(retryMiddleware(maxAttempts, new RetryQuota()), {
      step: "finalizeRequest",
      priority: "high",
      name: "docsmithRetryMiddleware",
      tags: ["RETRY"],
      override: true,
    });
    const clock = { offset: 0 };
    stack.add(signingMiddleware({ service, credentials, region, clock }), {
      step: "finalizeRequest",
      priority: "low",
      name: "docsmithSigningMiddleware",
      tags: ["SIGNATURE", "AWSAUTH"],
      override: true,
    });
    stack.add(deserializeMiddleware({ service, protocol: protocolCodec, clock }), {
      step: "deserialize",
      name: "docsmithDeserializeMiddleware",
      override: true,
    });
    // Any change to the client's stack invalidates the resolved handlers.
    for (const method of MUTATORS) {
      const original = (stack as any)[method].bind(stack);
      (stack as any)[method] = (...args: unknown[]) => {
        this.resolved = new WeakMap();
        return original(...args);
      };
    }
  }

  /** `client.send(command, options?)`, AWS SDK v3's; options: `abortSignal`, `requestTimeout`. */
  override send<Input extends object, Output extends MetadataBearer>(
    command: AwsCommand<Input, Output>,
    options?: CallOptions,
  ): Promise<Output>;
  override send<Input extends object, Output extends MetadataBearer>(
    command: AwsCommand<Input, Output>,
    cb: (err: any, data?: Output) => void,
  ): void;
  override send<Input extends object, Output extends MetadataBearer>(
    command: AwsCommand<Input, Output>,
    options: CallOptions,
    cb: (err: any, data?: Output) => void,
  ): void;
  override send(command: any, optionsOrCb?: any, cb?: any): any {
    const options: CallOptions | undefined =
      typeof optionsOrCb === "function" ? undefined : optionsOrCb;
    const callback = typeof optionsOrCb === "function" ? optionsOrCb : cb;
    if (typeof command?.operation !== "object")
      return Client.prototype.send.call(this, command, optionsOrCb, cb);
    const handler = this.handlerFor(command as AnyCommand);
    const args = options
      ? { input: command.input, [CALL_OPTIONS]: options }
      : { input: command.input };
    const promise = handler(args).then((r) => r.output);
    if (!callback) return promise;
    promise.then(
      (output) => callback(null, output),
      (error) => callback(error),
    );
  }

  /** The operation's handler: cached unless the command carries its own middleware. */
  handlerFor(command: AnyCommand): Handler<any, MetadataBearer> {
    const op = command.operation;
    const own = command.hasOwnMiddleware;
    if (!own) {
      const cached = this.resolved.get(op);
      if (cached) return cached;
    }
    const stack = own ? this.middlewareStack.concat(command.middlewareStack) : this.middlewareStack;
    const handler = resolveOperation(stack, this.config, op);
    if (!own) this.resolved.set(op, handler);
    return handler;
  }
}

/**
 * The service's codec. Taken from `service.codec` only, never looked up by protocol name here,
 * so that a bundle carries just the codec its service uses (`protocolFor` would pull in all).
 */
function codecOf(service: ServiceSchema): Protocol {
  if (!service.codec) {
    throw new TypeError(
      `Service ${service.id} has no codec: set \`codec\` on its schema (e.g. codec: ${service.protocol} from @docsmith/runtime), or pass { ...service, codec: protocolFor(service) }`,
    );
  }
  return service.codec;
}

function constant<T>(value: T): () => Promise<T> {
  const p = Promise.resolve(value);
  return () => p;
}

/** `requestMinCompressionSizeBytes`, checked as AWS SDKs do (0 to 10 MiB). */
function minCompressionBytes(value: number | undefined): number {
  if (value === undefined) return DEFAULT_MIN_COMPRESSION_BYTES;
  if (!Number.isInteger(value) || value < 0 || value > 10485760) {
    throw new RangeError(
      `requestMinCompressionSizeBytes must be an integer from 0 to 10485760, got ${value}`,
    );
  }
  return value;
}
