import { composeService, type PageResult } from "./compose.js";
import { detectFormat } from "./detect.js";
import { transcribePage } from "./page-parsers.js";
import type { ServiceEntry } from "./registry.js";
import { type TranscribedService, TranscribeError } from "./transcribed.js";

/** A docs file: its path relative to the repository root, and its text. */
export interface DocFile {
  path: string;
  text: string;
}

/** Transcribes every docs file of a service (any of the known formats) and composes them. */
export async function transcribeService(
  entry: ServiceEntry,
  docs: DocFile[],
): Promise<TranscribedService> {
  if (docs.length === 0) {
    throw new TranscribeError(
      { file: `models/${entry.svc}/docs`, line: 1 },
      "no docs files (*.txt) to transcribe",
    );
  }
  const pages: PageResult[] = [];
  for (const doc of [...docs].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    const format = detectFormat(doc.text, doc.path);
    pages.push(await transcribePage(format, doc, entry.namespace));
  }
  return composeService(entry.namespace, entry.api, pages);
}
