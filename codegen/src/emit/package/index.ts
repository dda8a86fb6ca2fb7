import type { Model } from "../../model/ast.js";
import { emitAggregatedModule } from "../client/aggregated-module.js";
import { clientName, emitClientModule } from "../client/client-module.js";
import { commandName, emitCommandModule } from "../client/command-module.js";
import { emitPaginationModule } from "../client/pagination-module.js";
import { emitContractTests } from "../contract-tests/index.js";
import { emitErrorsModule } from "../errors-module.js";
import { formatSources, type SourceFile } from "../format.js";
import { header } from "../header.js";
import { emitIndexModule } from "../index-module.js";
import { emitSchemasModule } from "../schemas-module.js";
import { emitServerModule } from "../server-module.js";
import { serviceView } from "../service-view.js";
import { emitClientTests } from "../tests/client-test.js";
import { emitTypesModule } from "../types-module.js";
import { emitLinearRegExpModule, LINEAR_REGEXP } from "../validators/linear-regexp.js";
import {
  emitOperationValidator,
  emitValidatorRuntime,
  VALIDATOR_RUNTIME,
  validatorModule,
} from "../validators/standalone.js";
import { licenseText } from "./license.js";
import {
  emitPackageJson,
  emitReadme,
  emitTsconfigs,
  emitVitestConfig,
  type PackageIdentity,
} from "./manifest.js";

/** Text per biome run: large enough that starting biome costs little, small enough to overlap. */
const BATCH_CHARACTERS = 2 * 1024 * 1024;

export interface PackageOptions extends PackageIdentity {
  /** Where the model came from, named in every file header, e.g. `models/inspector`. */
  source: string;
  /** model.json's text (the loader's canonical JSON of the service's model). */
  modelJson: string;
  /** The OpenAPI document, when its emitter is available. */
  openapi?: object;
}

/** A generated file: its path inside the package and its final text. */
export interface GeneratedFile {
  path: string;
  content: string;
}

/**
 * Every file of a generated service package, formatted, in path order. Pure: reads nothing and
 * writes nothing (the generate command decides what to write). `model` must have its mixins
 * flattened; throws EmitError when the service cannot be emitted.
 */
export async function emitPackage(
  model: Model,
  serviceId: string,
  options: PackageOptions,
): Promise<GeneratedFile[]> {
  const view = serviceView(model, serviceId);
  const top = header(options.source);
  const files: GeneratedFile[] = [];
  // Sources are formatted in batches, one biome run each, which format (in biome's own process)
  // while the next ones are emitted: a batch ends after the sources, and whenever it holds
  // BATCH_CHARACTERS of text.
  const sources: SourceFile[] = [];
  let size = 0;
  const batches: Promise<GeneratedFile[]>[] = [];
  const flush = () => {
    const batch = sources.splice(0);
    size = 0;
    if (batch.length === 0) return;
    const formatted = formatSources(batch).then((texts) =>
      batch.map((f, i) => ({ path: f.path, content: texts[i]! })),
    );
    // Awaited below; until then, an emitter throwing must not leave it unhandled.
    formatted.catch(() => {});
    batches.push(formatted);
  };
  const add = (path: string, content: string) => {
    sources.push({ path, content });
    size += content.length;
    if (size >= BATCH_CHARACTERS) flush();
  };
  const source = (path: string, text: string) => add(path, top + text);
  const tsconfigs = emitTsconfigs(options.tsconfigBase);
  files.push(
    { path: "package.json", content: emitPackageJson(view, options) },
    { path: "tsconfig.json", content: tsconfigs.check },
    { path: "tsconfig.build.json", content: tsconfigs.build },
    { path: "README.md", content: emitReadme(view, options, options.source) },
    { path: "LICENSE", content: licenseText() },
    { path: "model.json", content: options.modelJson },
  );
  if (options.openapi) {
    files.push({ path: "openapi.json", content: `${JSON.stringify(options.openapi, null, 2)}\n` });
  }
  source("vitest.config.ts", emitVitestConfig());
  source("src/types.ts", emitTypesModule(view));
  source("src/errors.ts", emitErrorsModule(view));
  source("src/schemas.ts", emitSchemasModule(view));
  let patterns = false;
  for (const op of view.operations) {
    for (const side of ["input", "output"] as const) {
      // The suppression comment must open the file, so the header goes second in validator modules.
      const code = emitOperationValidator(view, op, side);
      patterns ||= code.includes(`"./${LINEAR_REGEXP}"`);
      const [ignore, ...rest] = code.split("\n");
      const path = `src/${validatorModule(op, side)}`;
      add(path, `${ignore}\n${top}${rest.join("\n")}`);
    }
    source(`src/commands/${commandName(op)}.ts`, emitCommandModule(view, op));
  }
  source(`src/validators/${VALIDATOR_RUNTIME}`, emitValidatorRuntime());
  // Only a service with @pattern needs the matcher.
  if (patterns) source(`src/validators/${LINEAR_REGEXP}`, emitLinearRegExpModule());
  source(`src/${clientName(view)}.ts`, emitClientModule(view));
  source(`src/${view.stem}.ts`, emitAggregatedModule(view));
  source("src/pagination.ts", emitPaginationModule(view));
  source("src/server.ts", emitServerModule(view));
  source("src/index.ts", emitIndexModule(view));
  flush();
  for (const file of emitClientTests(view)) source(file.path, file.text);
  for (const file of emitContractTests(view)) source(file.path, file.text);
  flush();
  for (const batch of await Promise.all(batches)) files.push(...batch);
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
