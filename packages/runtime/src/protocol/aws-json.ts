import type { OperationSchema, ServiceSchema, StructureSchema } from "../schema.js";
import { ProtocolError, serializationError } from "./errors.js";
import { expandHostPrefix } from "./host-prefix.js";
import { type JsonCodecOptions, readStructure, writeStructure } from "./serde/json-values.js";
import { errorStatus, parseJsonBody, readServiceError, shapeName } from "./service-errors.js";
import type { HttpRequestMessage, HttpResponseMessage, Protocol } from "./types.js";

// awsJson1_0 and awsJson1_1 (smithy.io/2.0/aws/protocols/aws-json-1_1-protocol.html): every
// request is a POST to `/` naming its operation in X-Amz-Target, input and output are JSON
// objects (`@jsonName` ignored), errors name their type in `__type` or x-amzn-ErrorType.

const CLIENT: JsonCodecOptions = { jsonName: false, side: "client" };
const SERVER: JsonCodecOptions = { jsonName: false, side: "server" };

function createAwsJson(version: "1.0" | "1.1"): Protocol {
  const contentType = `application/x-amz-json-${version}`;

  function target(service: ServiceSchema, op: OperationSchema): string {
    return `${service.targetPrefix ?? shapeName(service.id)}.${op.name}`;
  }

  return {
    serializeRequest(service, op, input): HttpRequestMessage {
      const body = writeStructure(input as Record<string, unknown>, op.input, CLIENT, false);
      const request: HttpRequestMessage = {
        method: "POST",
        path: "/",
        query: {},
        headers: { "content-type": contentType, "x-amz-target": target(service, op) },
        body: JSON.stringify(body),
      };
      if (op.hostPrefix)
        request.hostPrefix = expandHostPrefix(op, input as Record<string, unknown>);
      return request;
    },

    async deserializeResponse(service, op, response) {
      if (response.statusCode >= 300)
        throw readServiceError(service, op, response, readErrorMembers);
      const json = parseJsonBody(response.body);
      return json === undefined ? {} : readStructure(json, op.output, CLIENT);
    },

    deserializeRequest(_service, op, request) {
      let json: unknown;
      try {
        json = parseJsonBody(request.body);
      } catch (e) {
        throw serializationError(`Request body is not valid JSON: ${(e as Error).message}`);
      }
      const ct = request.headers["content-type"];
      if (ct !== undefined && !ct.toLowerCase().startsWith("application/x-amz-json")) {
        throw new ProtocolError(
          "UnsupportedMediaTypeException",
          `Unsupported content type: ${ct}`,
          415,
        );
      }
      return readStructure(json === undefined ? {} : json, op.input, SERVER);
    },

    serializeResponse(_service, op, output): HttpResponseMessage {
      // An operation without output answers with no body (json_1_1_service_responds_with_no_payload).
      if (op.output.id === "smithy.api#Unit") {
        return { statusCode: 200, headers: { "content-type": contentType } };
      }
      return {
        statusCode: 200,
        headers: { "content-type": contentType },
        body: JSON.stringify(writeStructure(output as Record<string, unknown>, op.output, SERVER)),
      };
    },

    serializeError(_service, error: StructureSchema, value): HttpResponseMessage {
      const name = shapeName(error.id);
      return {
        statusCode: errorStatus(error),
        headers: { "content-type": contentType, "x-amzn-errortype": name },
        body: JSON.stringify({ __type: name, ...writeStructure(value, error, SERVER) }),
      };
    },
  };
}

/** Error members all travel in the body. */
function readErrorMembers(
  schema: StructureSchema,
  _response: HttpResponseMessage,
  body: unknown,
  out: Record<string, unknown>,
): void {
  if (body !== undefined) Object.assign(out, readStructure(body, schema, CLIENT));
}

/** AWS JSON 1.1 (Inspector, Security Hub's older siblings, most JSON services). */
export const awsJson1_1: Protocol = /* @__PURE__ */ createAwsJson("1.1");
/** AWS JSON 1.0 (DynamoDB-style services). */
export const awsJson1_0: Protocol = /* @__PURE__ */ createAwsJson("1.0");
