import type { ServiceSchema } from "../schema.js";
import { awsJson1_0, awsJson1_1 } from "./aws-json.js";
import { restJson1 } from "./rest-json.js";
import type { Protocol } from "./types.js";

/**
 * The codec for a service: `service.codec` when generated code set it (the tree-shakable way),
 * else the one its `protocol` names. Importing this module pulls every codec into a bundle.
 */
export function protocolFor(service: ServiceSchema): Protocol {
  if (service.codec) return service.codec;
  switch (service.protocol) {
    case "awsJson1_1":
      return awsJson1_1;
    case "awsJson1_0":
      return awsJson1_0;
    case "restJson1":
      return restJson1;
    default:
      throw new Error(`Unsupported protocol: ${String((service as ServiceSchema).protocol)}`);
  }
}
