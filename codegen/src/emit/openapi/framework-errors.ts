import type { ResponseObject, SchemaObject } from "./document.js";
import type { SchemaRegistry } from "./schemas.js";

/**
 * The errors a service answers besides an operation's modeled ones, before or around it: what
 * AWS's front ends (and the docsmith server stub) send for a request they cannot take. Each
 * operation lists them as its `default` response, so typed clients and validators know that an
 * error outside the modeled ones has this shape.
 */
const DESCRIPTION =
  "An error answered besides the operation's modeled ones: SerializationException (400, a body " +
  "that cannot be read), UnknownOperationException (404 no such operation, 405 wrong method), " +
  "RequestEntityTooLargeException (413), UnsupportedMediaTypeException (415), " +
  "NotImplementedException (501), and, where requests are authenticated, " +
  "MissingAuthenticationTokenException, IncompleteSignatureException, " +
  "UnrecognizedClientException and InvalidSignatureException (403).";

/**
 * The `default` response of every operation, its content schema registered once. AWS JSON bodies
 * name the error in `__type`; REST-JSON ones leave it to the `x-amzn-errortype` header.
 */
export function frameworkErrorResponse(
  schemas: SchemaRegistry,
  owner: string,
  mediaType: string,
  typeInBody: boolean,
): ResponseObject {
  const schema = schemas.synthesizeOnce(
    "FrameworkErrorContent",
    owner,
    (): SchemaObject =>
      typeInBody
        ? {
            type: "object",
            description: "The body of an error outside the modeled ones: its name and a message.",
            properties: {
              __type: { type: "string", description: "The error's name." },
              message: { type: "string" },
            },
            required: ["__type"],
          }
        : {
            type: "object",
            description:
              "The body of an error outside the modeled ones (its name is in x-amzn-errortype).",
            properties: { message: { type: "string" } },
          },
  );
  return {
    description: DESCRIPTION,
    headers: {
      "x-amzn-errortype": {
        description: "The error's name.",
        schema: { type: "string" },
      },
    },
    content: { [mediaType]: { schema } },
  };
}
