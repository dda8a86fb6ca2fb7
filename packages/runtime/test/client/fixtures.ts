// A small hand-built service (awsJson1_1 and restJson1 variants) and a real node:http server
// on 127.0.0.1 that records requests and verifies their SigV4 signatures.
import { createHash } from "node:crypto";
import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Sha256 } from "@aws-crypto/sha256-js";
import { SignatureV4 } from "@smithy/signature-v4";
import { ServiceException } from "@smithy/smithy-client";
import { awsJson1_1 } from "../../src/protocol/aws-json.js";
import { restJson1 } from "../../src/protocol/rest-json.js";
import type {
  OperationSchema,
  ServiceSchema,
  StructureSchema,
  Validator,
  ValidatorError,
} from "../../src/schema.js";
import { asModule } from "../validator-module.js";

export class WidgetServiceException extends ServiceException {
  constructor(options: any) {
    super({ name: "WidgetServiceException", $fault: "client", ...options });
    Object.setPrototypeOf(this, WidgetServiceException.prototype);
  }
}

export class ResourceNotFoundException extends WidgetServiceException {
  override readonly name = "ResourceNotFoundException";
  override readonly $fault = "client";
  resourceId?: string;
  constructor(opts: any) {
    super({ name: "ResourceNotFoundException", $fault: "client", ...opts });
    Object.setPrototypeOf(this, ResourceNotFoundException.prototype);
    this.resourceId = opts.resourceId;
  }
}

const NotFound: StructureSchema = {
  type: "structure",
  id: "example.widgets#ResourceNotFoundException",
  error: "client",
  httpStatus: 404,
  members: { message: { target: { type: "string" } }, resourceId: { target: { type: "string" } } },
  exception: ResourceNotFoundException,
};

/** A validator in ajv's standalone shape: name must be 1..10 chars. */
const validateCreate: Validator = Object.assign(
  (data: unknown) => {
    const d = data as { name?: unknown };
    const errors: ValidatorError[] = [];
    if (d.name === undefined) {
      errors.push({ instancePath: "", keyword: "required", params: { missingProperty: "name" } });
    } else if (typeof d.name === "string" && d.name.length > 10) {
      errors.push({ instancePath: "/name", keyword: "maxLength", params: { limit: 10 } });
    }
    validateCreate.errors = errors.length ? errors : null;
    return errors.length === 0;
  },
  { errors: null as ValidatorError[] | null },
);

const Widget: StructureSchema = {
  type: "structure",
  id: "example.widgets#Widget",
  members: { id: { target: { type: "string" } }, created: { target: { type: "timestamp" } } },
};

export const CreateWidget: OperationSchema = {
  name: "CreateWidget",
  input: {
    type: "structure",
    id: "example.widgets#CreateWidgetRequest",
    members: {
      name: { target: { type: "string" }, required: true },
      clientToken: { target: { type: "string" }, idempotencyToken: true },
      tags: {
        target: { type: "list", member: { type: "string" } },
        http: { in: "header", name: "X-Tags" },
      },
    },
  },
  output: {
    type: "structure",
    id: "example.widgets#CreateWidgetResponse",
    members: { widget: { target: Widget } },
  },
  errors: [NotFound],
  http: { method: "POST", uri: "/widgets", code: 200 },
  inputValidator: asModule(validateCreate),
};

export const GetWidget: OperationSchema = {
  name: "GetWidget",
  input: {
    type: "structure",
    id: "example.widgets#GetWidgetRequest",
    members: {
      widgetId: { target: { type: "string" }, required: true, http: { in: "label" } },
      verbose: { target: { type: "boolean" }, http: { in: "query", name: "verbose" } },
    },
  },
  output: {
    type: "structure",
    id: "example.widgets#GetWidgetResponse",
    members: {
      widget: { target: Widget },
      etag: { target: { type: "string" }, http: { in: "header", name: "ETag" } },
    },
  },
  errors: [NotFound],
  http: { method: "GET", uri: "/widgets/{widgetId}", code: 200 },
};

export const ListWidgets: OperationSchema = {
  name: "ListWidgets",
  input: {
    type: "structure",
    id: "example.widgets#ListWidgetsRequest",
    members: {
      nextToken: { target: { type: "string" }, http: { in: "query", name: "nextToken" } },
      maxResults: { target: { type: "integer" }, http: { in: "query", name: "maxResults" } },
    },
  },
  output: {
    type: "structure",
    id: "example.widgets#ListWidgetsResponse",
    members: {
      items: { target: { type: "list", member: { type: "string" } } },
      nextToken: { target: { type: "string" } },
    },
  },
  errors: [],
  http: { method: "GET", uri: "/widgets", code: 200 },
};

export const DataOp: OperationSchema = {
  name: "GetData",
  hostPrefix: "data-{account}.",
  input: {
    type: "structure",
    id: "example.widgets#GetDataRequest",
    members: { account: { target: { type: "string" }, required: true, http: { in: "hostLabel" } } },
  },
  output: { type: "structure", id: "example.widgets#GetDataResponse", members: {} },
  errors: [],
  http: { method: "POST", uri: "/data", code: 200 },
};

const base = {
  sdkId: "Widgets",
  signingName: "widgets",
  endpointPrefix: "widgets",
  version: "2024-01-01",
  errors: [],
  baseException: WidgetServiceException,
};

export const jsonService: ServiceSchema = {
  ...base,
  id: "example.widgets#WidgetService",
  protocol: "awsJson1_1",
  targetPrefix: "WidgetService",
  codec: awsJson1_1,
};

export const restService: ServiceSchema = {
  ...base,
  id: "example.widgets#WidgetService",
  protocol: "restJson1",
  codec: restJson1,
};

export const credentials = {
  accessKeyId: "AKIDEXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
};

export interface Recorded {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
  /** Whether the Authorization header matched a signature recomputed here. */
  signatureValid: boolean;
}

export type Reply = (req: Recorded, res: ServerResponse) => void | Promise<void>;

/** A node:http server on 127.0.0.1 answering with `replies` in turn (the last one repeats). */
export async function startServer(replies: Reply[]) {
  const requests: Recorded[] = [];
  const server: Server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers[k] = v;
    const recorded: Recorded = {
      method: req.method!,
      url: req.url!,
      headers,
      body,
      signatureValid: await verifySignature(req.method!, req.url!, headers, body),
    };
    requests.push(recorded);
    const reply = replies[Math.min(requests.length - 1, replies.length - 1)]!;
    await reply(recorded, res);
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, "close");
    },
  };
}

/** Recomputes the SigV4 signature of a received request with @smithy/signature-v4. */
async function verifySignature(
  method: string,
  url: string,
  headers: Record<string, string>,
  body: string,
) {
  const auth = headers.authorization;
  if (!auth) return false;
  const m =
    /Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]+)/.exec(
      auth,
    );
  if (!m) return false;
  const [, , , region, service, signedHeaders] = m;
  // The signer sends the payload hash as a header; it must be the hash of the body received.
  const declared = headers["x-amz-content-sha256"];
  if (declared !== undefined && declared !== createHash("sha256").update(body).digest("hex"))
    return false;
  const signed = new Set(signedHeaders!.split(";"));
  const parsed = new URL(url, "http://placeholder");
  const query: Record<string, string | string[]> = {};
  for (const [k, v] of parsed.searchParams) {
    const prev = query[k];
    query[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  const toSign: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers))
    if (signed.has(k) && k !== "x-amz-date") toSign[k] = v;
  const signer = new SignatureV4({
    credentials: { ...credentials, sessionToken: headers["x-amz-security-token"] },
    region: region!,
    service: service!,
    sha256: Sha256,
  });
  const d = headers["x-amz-date"]!;
  const signingDate = new Date(
    Date.UTC(
      +d.slice(0, 4),
      +d.slice(4, 6) - 1,
      +d.slice(6, 8),
      +d.slice(9, 11),
      +d.slice(11, 13),
      +d.slice(13, 15),
    ),
  );
  const host = headers.host!;
  const result = await signer.sign(
    {
      method,
      protocol: "http:",
      hostname: host.split(":")[0]!,
      path: parsed.pathname,
      query,
      headers: toSign,
      body,
    },
    { signingDate },
  );
  return result.headers.authorization === auth;
}

export function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, {
    "content-type": "application/json",
    "x-amzn-requestid": "req-123",
    ...headers,
  });
  res.end(JSON.stringify(body));
}
