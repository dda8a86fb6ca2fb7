/** Auth traits to OpenAPI security schemes, as smithy-openapi's AwsV4Converter writes SigV4. */
import type { AstShape } from "../../model/ast.js";
import type { OpenApiDocument, ServerObject } from "./document.js";
import { has, obj, T } from "./traits.js";

export const SIGV4_SCHEME = "aws.auth.sigv4";

export function securityOf(service: AstShape): Pick<OpenApiDocument, "security"> & {
  schemes: NonNullable<OpenApiDocument["components"]["securitySchemes"]>;
} {
  if (!has(service.traits, T.sigv4)) return { schemes: {} };
  return {
    schemes: {
      [SIGV4_SCHEME]: {
        type: "apiKey",
        description: "AWS Signature Version 4 authentication",
        name: "Authorization",
        in: "header",
        "x-amazon-apigateway-authtype": "awsSigv4",
      },
    },
    security: [{ [SIGV4_SCHEME]: [] }],
  };
}

/** The regional AWS endpoint, when the service names its endpoint prefix (aws.api#service). */
export function serversOf(service: AstShape): ServerObject[] | undefined {
  const prefix = obj(service.traits, T.awsService)?.endpointPrefix;
  if (typeof prefix !== "string" || prefix.length === 0) return undefined;
  return [
    {
      url: `https://${prefix}.{region}.amazonaws.com`,
      variables: { region: { default: "us-east-1", description: "The AWS Region" } },
    },
  ];
}
