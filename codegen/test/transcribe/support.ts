import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type BuiltService, buildService } from "../../src/transcribe/build-service.js";
import { serviceEntry } from "../../src/transcribe/registry.js";
import type { DocFile } from "../../src/transcribe/transcribe-service.js";
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

/** The hand-written models/<svc>/service.smithy. */
export function serviceFileOf(svc: string): { path: string; text: string } {
  const path = `models/${svc}/service.smithy`;
  return { path, text: readFileSync(join(ROOT, path), "utf8") };
}

/** The service as `docsmith transcribe` builds it: docs, service.smithy facts, errata settled. */
export async function built(svc: string): Promise<BuiltService> {
  return buildService(serviceEntry(svc)!, docsOf(svc), serviceFileOf(svc));
}

export async function transcribed(svc: string): Promise<TranscribedService> {
  return (await built(svc)).service;
}
