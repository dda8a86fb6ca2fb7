import { ServiceException } from "@smithy/core/client";
import type { ValidatorError } from "../schema.js";
import { formatValidationErrors } from "./messages.js";

/**
 * Thrown by the client, before anything is sent, when input breaks the model's constraints;
 * named and worded like the ValidationException AWS services return.
 */
export class ValidationException extends ServiceException {
  /** The ajv errors behind the message. */
  readonly errors: ReadonlyArray<ValidatorError>;

  constructor(errors: ReadonlyArray<ValidatorError>, data: unknown) {
    super({
      name: "ValidationException",
      $fault: "client",
      $metadata: {},
      message: formatValidationErrors(errors, data),
    });
    Object.setPrototypeOf(this, ValidationException.prototype);
    this.errors = errors;
  }
}
