import type { ServiceView } from "../service-view.js";

export function clientName(view: ServiceView): string {
  return `${view.stem}Client`;
}

/** src/<Svc>Client.ts: the bare client; commands are sent through it (`client.send(cmd)`). */
export function emitClientModule(view: ServiceView): string {
  const name = clientName(view);
  return `import { AwsClient, type AwsClientConfig } from "@docsmith/runtime";
import { service } from "./schemas.js";

/** Configuration of {@link ${name}}: region, endpoint, credentials, retries, validation. */
export interface ${name}Config extends AwsClientConfig {}

/**
 * ${view.sdkId} (${view.version}) client: sends commands, e.g.
 * \`await client.send(new ${view.operations[0]?.name ?? "Some"}Command(input))\`.
 */
export class ${name} extends AwsClient {
  constructor(config: ${name}Config = {}) {
    super(service, config);
  }
}
`;
}
