/** The subset of OpenAPI 3.1 that the emitter produces: plain JSON-serializable objects. */

export type JsonValue =
  | null
  | boolean
  | number
  | string
  | JsonValue[]
  | { [key: string]: JsonValue };

/** A JSON Schema 2020-12 object as OpenAPI 3.1 embeds it. Keys are emitted in a fixed order. */
export interface SchemaObject {
  $ref?: string;
  type?: string | string[];
  title?: string;
  description?: string;
  format?: string;
  const?: JsonValue;
  enum?: JsonValue[];
  default?: JsonValue;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  minProperties?: number;
  maxProperties?: number;
  uniqueItems?: boolean;
  contentEncoding?: string;
  contentMediaType?: string;
  deprecated?: boolean;
  items?: SchemaObject;
  properties?: Record<string, SchemaObject>;
  required?: string[];
  propertyNames?: SchemaObject;
  additionalProperties?: SchemaObject | boolean;
  oneOf?: SchemaObject[];
  anyOf?: SchemaObject[];
  discriminator?: { propertyName: string; mapping?: Record<string, string> };
  "x-smithy-id"?: string;
}

export interface ParameterObject {
  name: string;
  in: "path" | "query" | "header";
  description?: string;
  required?: boolean;
  deprecated?: boolean;
  style?: "simple" | "form";
  explode?: boolean;
  schema: SchemaObject;
}

export interface HeaderObject {
  description?: string;
  required?: boolean;
  schema: SchemaObject;
}

export interface MediaTypeObject {
  schema: SchemaObject;
}

export interface RequestBodyObject {
  description?: string;
  required?: boolean;
  content: Record<string, MediaTypeObject>;
}

export interface ResponseObject {
  description: string;
  headers?: Record<string, HeaderObject>;
  content?: Record<string, MediaTypeObject>;
}

export interface OperationObject {
  operationId: string;
  description?: string;
  deprecated?: boolean;
  parameters?: ParameterObject[];
  requestBody?: RequestBodyObject;
  responses: Record<string, ResponseObject>;
  security?: Record<string, string[]>[];
  "x-smithy-id"?: string;
}

export type HttpMethod = "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace";

export type PathItemObject = Partial<Record<HttpMethod, OperationObject>>;

export interface SecuritySchemeObject {
  type: "apiKey";
  description?: string;
  name: string;
  in: "header";
  "x-amazon-apigateway-authtype"?: string;
}

export interface ServerObject {
  url: string;
  description?: string;
  variables?: Record<string, { default: string; description?: string }>;
}

export interface OpenApiDocument {
  openapi: "3.1.0";
  info: { title: string; version: string; description?: string };
  servers?: ServerObject[];
  paths: Record<string, PathItemObject>;
  components: {
    schemas?: Record<string, SchemaObject>;
    securitySchemes?: Record<string, SecuritySchemeObject>;
  };
  security?: Record<string, string[]>[];
  "x-smithy-id": string;
  "x-smithy-protocol": string;
}
