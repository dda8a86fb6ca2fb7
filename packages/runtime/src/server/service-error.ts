/**
 * What an operation function throws to answer with an error it cannot express as an instance of
 * a generated exception class: `throw new ServiceError("ResourceNotFoundException", "No such
 * detector", { members: { Type: "Detector" } })`.
 *
 * The name is matched against the service's modeled errors (the operation's, then the
 * service's); a modeled match is sent with the model's status. An unmodeled name is sent as is,
 * with `statusCode` (default 400).
 */
export class ServiceError extends Error {
  /** Member values of the modeled error (besides the message). */
  readonly members: Readonly<Record<string, unknown>>;
  /** Status of an unmodeled error; ignored for modeled ones, whose status is the model's. */
  readonly statusCode?: number;

  constructor(
    name: string,
    message?: string,
    options: { members?: Record<string, unknown>; statusCode?: number; cause?: unknown } = {},
  ) {
    super(message ?? name, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = name;
    this.members = options.members ?? {};
    this.statusCode = options.statusCode;
  }
}
