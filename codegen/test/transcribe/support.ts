import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { serviceEntry } from "../../src/transcribe/registry.js";
import { type DocFile, transcribeService } from "../../src/transcribe/transcribe-service.js";
import type { TranscribedService } from "../../src/transcribe/transcribed.js";

/** The repository root (this file is codegen/test/transcribe/support.ts). */
export const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/** The docs of a service as the transcribe command reads them. */
export function docsOf(svc: string): DocFile[] {
  const dir = join(ROOT, "models", svc, "docs");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => ({ path: `models/${svc}/docs/${f}`, text: readFileSync(join(dir, f), "utf8") }));
}

export async function transcribed(svc: string): Promise<TranscribedService> {
  return transcribeService(serviceEntry(svc)!, docsOf(svc));
}
