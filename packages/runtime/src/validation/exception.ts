import { ServiceException } from "../platform/smithy-client.js";
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
    // new.target, not the class by name: a subclass keeps its own prototype, and a bundler
    // need not rename the class to refer to it (which changes its `name`).
    Object.setPrototypeOf(this, new.target.prototype);
    this.errors = errors;
  }
}
