// @docsmith/runtime: what every generated package shares at run time.

export {
  AwsClient,
  type AwsClientConfig,
  type CallOptions,
  type ResolvedAwsClientConfig,
} from "./client/aws-client.js";
export { AwsCommand } from "./client/aws-command.js";
export { type IniSections, parseIni } from "./client/credentials/ini.js";
export {
  CredentialsProviderError,
  chain,
  defaultCredentialProvider,
  fromEnv,
  fromSharedFiles,
  memoize,
} from "./client/credentials/providers.js";
export type { EndpointInput } from "./client/endpoint.js";
export { FetchHttpHandler } from "./client/fetch-http-handler.js";
export type { HttpHandler } from "./client/http.js";
export { createPaginator, type PaginationConfiguration } from "./client/paginator.js";
export { backoffDelay, classifyError, type RetryKind } from "./client/retry.js";
export type { CustomUserAgent } from "./client/user-agent.js";
export { createDefaultRequestHandler } from "./platform/default-request-handler.js";
// Client: AWS SDK v3's API on @smithy/smithy-client (whose classes live in @smithy/core/client;
// importing them from there, or from here, skips loading the rest of smithy-client).
export {
  Client,
  Command,
  createAggregatedClient,
  decorateServiceException,
  ServiceException,
} from "./platform/smithy-client.js";
// Protocol codecs, each in its own module so a bundle carries only the one its service uses.
export { awsJson1_0, awsJson1_1 } from "./protocol/aws-json.js";
export { ProtocolError } from "./protocol/errors.js";
export { protocolFor } from "./protocol/for-service.js";
export type { UriSegment, UriTemplate } from "./protocol/rest-json/uri-template.js";
export {
  buildPath,
  compareTemplates,
  encodeStrict,
  matchPath,
  matchQuery,
  parseUriTemplate,
  restJson1,
  splitPath,
} from "./protocol/rest-json.js";
export {
  errorCodeOf,
  errorStatus,
  findErrorSchema,
  type ResponseMetadata,
  sanitizeErrorCode,
  shapeName,
} from "./protocol/service-errors.js";
export type { HttpRequestMessage, HttpResponseMessage, Protocol } from "./protocol/types.js";
// Schemas: the contract with generated code.
export * from "./schema.js";
// Validation messages worded like AWS's.
export { ValidationException } from "./validation/exception.js";
export {
  FRAMEWORK_VALIDATION_EXCEPTION,
  type FrameworkValidation,
  frameworkValidation,
  type ValidationExceptionField,
} from "./validation/framework.js";
export { loadValidator, validatorOf } from "./validation/load.js";
export { formatValidationErrors, validationErrorFragments } from "./validation/messages.js";
