import type { Model } from "../../model/ast.js";
import { emitAggregatedModule } from "../client/aggregated-module.js";
import { clientName, emitClientModule } from "../client/client-module.js";
import { commandName, emitCommandModule } from "../client/command-module.js";
import { emitPaginationModule } from "../client/pagination-module.js";
import { emitContractTest } from "../contract-tests/index.js";
import { emitErrorsModule } from "../errors-module.js";
import { createFormatter } from "../format.js";
import { header } from "../header.js";
import { emitIndexModule } from "../index-module.js";
import { emitSchemasModule } from "../schemas-module.js";
import { emitServerModule } from "../server-module.js";
import { serviceView } from "../service-view.js";
import { emitClientTests } from "../tests/client-test.js";
import { emitTypesModule } from "../types-module.js";
import { emitLinearRegExpModule, LINEAR_REGEXP } from "../validators/linear-regexp.js";
import {
  emitOperationValidators,
  emitValidatorRuntime,
  VALIDATOR_RUNTIME,
} from "../validators/standalone.js";
import { licenseText } from "./license.js";
import {
  emitPackageJson,
  emitReadme,
  emitTsconfigs,
  emitVitestConfig,
  type PackageIdentity,
} from "./manifest.js";

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
  const formatter = await createFormatter();
  const top = header(options.source);
  const files: GeneratedFile[] = [];
  const source = (path: string, text: string) => {
    files.push({ path, content: formatter.format(path, top + text) });
  };
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
    // The suppression comment must open the file, so the header goes second in validator modules.
    const code = emitOperationValidators(view, op);
    patterns ||= code.includes(`"./${LINEAR_REGEXP}"`);
    const [ignore, ...rest] = code.split("\n");
    files.push({
      path: `src/validators/${op.name}.js`,
      content: formatter.format(
        `src/validators/${op.name}.js`,
        `${ignore}\n${top}${rest.join("\n")}`,
      ),
    });
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
  for (const file of emitClientTests(view)) source(file.path, file.text);
  source("test/contract.test.ts", emitContractTest(view));
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
