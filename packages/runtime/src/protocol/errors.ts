/**
 * A request the server side of a protocol cannot turn into operation input (malformed JSON, a
 * value of the wrong type, an unknown operation). The server answers it with `statusCode` and an
 * error of type `code`, the way AWS services do.
 */
export class ProtocolError extends Error {
  override readonly name = "ProtocolError";
  /** The AWS error code the response carries, e.g. `SerializationException`. */
  readonly code: string;
  readonly statusCode: number;

  constructor(code: string, message: string, statusCode = 400) {
    super(message);
    this.code = code;
    this.statusCode = statusCode;
  }
}

/** A body, header, query or label value that does not parse as its shape says. */
export function serializationError(message: string): ProtocolError {
  return new ProtocolError("SerializationException", message, 400);
}
