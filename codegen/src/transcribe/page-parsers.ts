import type { PageResult } from "./compose.js";
import type { DocFormat } from "./detect.js";
import type { DocFile } from "./transcribe-service.js";
import { transcribeWebPage } from "./web-page/index.js";

/** Runs the parser for a page's format. The PDF parser loads lazily: it is large. */
export async function transcribePage(
  format: DocFormat,
  doc: DocFile,
  namespace: string,
): Promise<PageResult> {
  if (format === "pdf-reference") {
    const { transcribePdfReference } = await import("./pdf-reference/index.js");
    return {
      file: doc.path,
      format,
      service: transcribePdfReference(doc.text, doc.path, namespace),
    };
  }
  const page = transcribeWebPage(doc.text, doc.path, namespace, format);
  return { file: doc.path, format, service: page.service, version: page.version };
}
