import type { SuiteName } from "./results.js";

/** A case not run, and why. Event-stream cases are out of scope and not listed at all. */
export interface Skip {
  readonly id: string;
  /** The suites it is skipped in (default: every suite it applies to). */
  readonly suites?: readonly SuiteName[];
  readonly reason: string;
}

const ML_PREDICT =
  "Amazon ML customization (not awsJson1_1): the SDK sends Predict to the host its PredictEndpoint " +
  "input member names; docsmith generates no per-service SDK customizations";
const GLACIER =
  "Glacier customization (not restJson1): the SDK adds X-Amz-Glacier-Version and tree-hash " +
  'checksum headers and defaults accountId to "-"; docsmith generates no per-service SDK customizations';
const COMPRESSED_NO_BODY =
  "server side of a @requestCompression case: it gives the client's headers but no body (gzip " +
  "output is not byte-stable), so there is no request for a server to read `data` from";

export const SKIPS: readonly Skip[] = [
  { id: "MachinelearningPredictEndpoint", reason: ML_PREDICT },
  {
    id: "ApiGatewayAccept",
    reason:
      "API Gateway customization (not restJson1): the SDK sends Accept: application/json on every " +
      "request; docsmith generates no per-service SDK customizations",
  },
  { id: "GlacierVersionHeader", reason: GLACIER },
  { id: "GlacierChecksums", reason: GLACIER },
  { id: "GlacierAccountId", reason: GLACIER },
  { id: "GlacierMultipartChecksums", reason: GLACIER },
  {
    id: "SDKAppliedContentEncoding_awsJson1_1",
    suites: ["server-request"],
    reason: COMPRESSED_NO_BODY,
  },
  {
    id: "SDKAppendsGzipAndIgnoresHttpProvidedEncoding_awsJson1_1",
    suites: ["server-request"],
    reason: COMPRESSED_NO_BODY,
  },
  {
    id: "SDKAppliedContentEncoding_restJson1",
    suites: ["server-request"],
    reason: COMPRESSED_NO_BODY,
  },
  {
    id: "SDKAppendedGzipAfterProvidedEncoding_restJson1",
    suites: ["server-request"],
    reason: COMPRESSED_NO_BODY,
  },
  {
    id: "parses_the_request_id_from_the_response",
    suites: ["server-response"],
    reason:
      "the case wants the response to carry the fixed request id it gives; a server sends its own " +
      "id per request, and no operation output can set it (the case tests clients reading it)",
  },
  {
    id: "AwsJson11IntEnums",
    suites: ["server-response"],
    reason:
      "the response case lists X-Amz-Target (a request header, copied from its request case) among " +
      "the response headers; no awsJson1_1 server sends X-Amz-Target back",
  },
  {
    id: "RestJsonOmitsEmptyListQueryValues",
    suites: ["server-request"],
    reason:
      "params hold empty lists that the request cannot carry (a client omits empty query lists, " +
      "which is what the case checks), so any server reads them as absent",
  },
  {
    id: "RestJsonEndpointTraitWithHostLabel",
    suites: ["server-request"],
    reason:
      "its request has a JSON body and no Content-Type, which the malformed case " +
      "RestJsonWithBodyExpectsApplicationJsonContentTypeNoHeaders requires a server to reject " +
      "with 415; the endpoint trait it tests only shapes the client's host",
  },
];

/** The reason for cases on an operation that no service of the suites binds. */
export function unboundReason(operation: string): string {
  return `operation ${operation} is bound to no service in the suites' model, so no generated package serves it`;
}

export function skipReason(id: string, suite: SuiteName): string | undefined {
  const skip = SKIPS.find(
    (s) => s.id === id && (s.suites === undefined || s.suites.includes(suite)),
  );
  return skip?.reason;
}
