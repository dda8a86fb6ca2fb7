// The server's one meeting point with the protocol codecs (packages/runtime/src/protocol):
// which codec a service uses, how codec failures look, how validation errors are worded.
import { ProtocolError } from "../protocol/errors.js";
import { protocolFor } from "../protocol/for-service.js";
import type { Protocol } from "../protocol/types.js";
import type { ServiceSchema, ValidatorError } from "../schema.js";
import { formatValidationErrors } from "../validation/messages.js";

export function defaultProtocol(service: ServiceSchema): Protocol {
  return protocolFor(service);
}

/** A codec's "this request is malformed" error: `{ code, statusCode, message }`. */
export function asProtocolError(
  error: unknown,
): { code: string; statusCode: number; message: string } | undefined {
  return error instanceof ProtocolError ? error : undefined;
}

/** The AWS-worded message for failed validation of `data` (names the member). */
export function validationMessage(
  errors: ReadonlyArray<ValidatorError> | null | undefined,
  data: unknown,
): string {
  return formatValidationErrors(errors ?? [], data);
}
