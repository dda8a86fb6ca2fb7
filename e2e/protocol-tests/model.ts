import { join } from "node:path";
import {
  flattenMixins,
  formatEvent,
  loadFiles,
  type Model,
  toCanonicalJson,
  withoutBundled,
} from "@docsmith/codegen";
import { suitesDir } from "./paths.js";

/** The protocols whose suites run here, as the test cases name them. */
export type ProtocolName = "awsJson1_1" | "restJson1";

export const PROTOCOL_TRAITS: Record<ProtocolName, string> = {
  awsJson1_1: "aws.protocols#awsJson1_1",
  restJson1: "aws.protocols#restJson1",
};

/** A service of the suites: its shape id, its protocol and the folder it is generated into. */
export interface SuiteService {
  readonly id: string;
  readonly protocol: ProtocolName;
  /** Folder name under e2e/.generated/, e.g. `restjson`. */
  readonly dirName: string;
}

/**
 * Loads the suites' IDL (model/, with shared-types.smithy and aws-config.smithy) with docsmith's
 * own loader. Returns the full model (prelude included, mixins flattened: what test parameters are
 * read against), the services it defines, and the JSON AST (no prelude) the generator reads.
 */
export async function loadSuiteModel(): Promise<{
  model: Model;
  services: SuiteService[];
  astJson: string;
}> {
  const result = await loadFiles([join(suitesDir, "model")]);
  if (!result.ok) {
    const errors = result.events.filter((e) => e.severity === "ERROR").map(formatEvent);
    throw new Error(`the protocol-test models do not load:\n${errors.join("\n")}`);
  }
  const model = flattenMixins(result.model);
  const services: SuiteService[] = [];
  for (const [id, shape] of Object.entries(model.shapes)) {
    if (shape.type !== "service") continue;
    const protocol = (Object.keys(PROTOCOL_TRAITS) as ProtocolName[]).find(
      (p) => shape.traits?.[PROTOCOL_TRAITS[p]] !== undefined,
    );
    if (!protocol) continue;
    services.push({ id, protocol, dirName: id.slice(id.indexOf("#") + 1).toLowerCase() });
  }
  services.sort((a, b) => (a.id < b.id ? -1 : 1));
  return { model, services, astJson: toCanonicalJson(withoutBundled(result.model)) };
}
