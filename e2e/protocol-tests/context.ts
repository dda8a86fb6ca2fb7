import type { Model } from "@docsmith/codegen";
import type { ServiceApi } from "./generated-api.js";

/** What a case runner needs besides the case: the Smithy model and the generated package. */
export interface CaseContext {
  readonly model: Model;
  readonly api: ServiceApi;
}

/** The operation's input or output structure id (`smithy.api#Unit` when it has none). */
export function ioShape(model: Model, operation: string, which: "input" | "output"): string {
  return model.shapes[operation]?.[which]?.target ?? "smithy.api#Unit";
}

export function shapeName(id: string): string {
  return id.slice(id.indexOf("#") + 1);
}
