import { join } from "node:path";
import { formatEvent, type Model } from "../../src/model/ast.js";
import { loadFiles, withoutBundled } from "../../src/model/load.js";

const ROOT = join(import.meta.dirname, "..", "..", "..");

/**
 * A service's model as packages/<svc>/model.json holds it: loaded from models/<svc>, no prelude.
 * Examples that break the model's constraints (ExamplesTrait events) are tolerated: they are the
 * docs' errata, which serve repairs.
 */
export async function serviceModel(svc: string): Promise<Model> {
  const result = await loadFiles([join(ROOT, "models", svc)]);
  const errors = result.events.filter((e) => e.severity === "ERROR" && e.id !== "ExamplesTrait");
  if (errors.length > 0) {
    throw new Error(`models/${svc} does not load:\n${errors.map(formatEvent).join("\n")}`);
  }
  return withoutBundled(result.model);
}
