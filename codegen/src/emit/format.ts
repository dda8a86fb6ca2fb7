import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Biome, type Configuration, Distribution } from "@biomejs/js-api";

/**
 * Formats generated TypeScript and JavaScript in memory with biome, under the repository's
 * biome.json formatter settings, so that `biome check` passes on what `docsmith generate` writes.
 */
export interface Formatter {
  format(path: string, content: string): string;
  /** Lint diagnostics of a file (empty when clean); used by tests. */
  lint(path: string, content: string): string[];
}

/** The repository's biome.json (codegen/src/emit and codegen/dist/emit are three levels down). */
function repoConfiguration(): Configuration {
  const file = fileURLToPath(new URL("../../../biome.json", import.meta.url));
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  } catch {
    raw = {
      formatter: { enabled: true, indentStyle: "space", indentWidth: 2, lineWidth: 100 },
      javascript: { formatter: { quoteStyle: "double", semicolons: "always" } },
    };
  }
  const { formatter, javascript, linter } = raw;
  return { formatter, javascript, linter } as Configuration;
}

let shared: Promise<Formatter> | undefined;

export function createFormatter(): Promise<Formatter> {
  shared ??= (async () => {
    const biome = await Biome.create({ distribution: Distribution.NODE });
    const { projectKey } = biome.openProject("/");
    biome.applyConfiguration(projectKey, repoConfiguration());
    return {
      format(path, content) {
        try {
          return formatOnce(path, content);
        } catch (e) {
          // biome's wasm throws bare errors (a WasmError with an empty message on huge files).
          const detail = (e as Error).message || String(e) || "no message";
          if (detail.startsWith("cannot format generated")) throw e;
          throw new Error(
            `cannot format generated ${path} (${content.length} characters): ${detail}`,
          );
        }
      },
      lint(path, content) {
        const result = biome.lintContent(projectKey, content, { filePath: path });
        return result.diagnostics.map((d) =>
          biome.printDiagnostics([d], { filePath: path, fileSource: content }),
        );
      },
    };
    function formatOnce(path: string, content: string): string {
      // Safe fixes first (import order, as `biome check` wants it), then the formatter. The
      // linter is slow (most of generation's time when it ran on whole files), and only the
      // import block needs it.
      const fix = (text: string) =>
        biome.lintContent(projectKey, text, { filePath: path, fixFileMode: "safeFixes" }).content;
      let fixed = content;
      if (!path.endsWith(".js")) {
        const split = importBlockEnd(content);
        if (split > 0) fixed = fix(content.slice(0, split)) + content.slice(split);
      }
      const result = biome.formatContent(projectKey, fixed, { filePath: path });
      const errors = result.diagnostics.filter(
        (d) => d.severity === "error" || d.severity === "fatal",
      );
      if (errors.length > 0) {
        const detail = biome.printDiagnostics(errors, { filePath: path, fileSource: content });
        throw new Error(`cannot format generated ${path}:\n${detail}`);
      }
      return result.content;
    }
  })();
  return shared;
}

/**
 * Where the leading comments, import declarations and re-exports (`export * from`, which
 * organizeImports sorts too) of a module end.
 */
function importBlockEnd(text: string): number {
  const lines = text.split("\n");
  let offset = 0;
  let inImport = false;
  for (const line of lines) {
    const starts = line.startsWith("import ") || /^export (type )?(\*|\{)/.test(line);
    if (!inImport && !starts && !line.startsWith("//") && line.trim() !== "") break;
    if (starts) inImport = true;
    if (inImport && line.trimEnd().endsWith(";")) inImport = false;
    offset += line.length + 1;
  }
  return offset;
}
