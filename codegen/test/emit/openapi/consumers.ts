/** The three consumers every emitted document must satisfy: the validator, openapi-typescript, tsc. */
import { Validator } from "@seriousme/openapi-schema-validator";
import { Ajv2020 } from "ajv/dist/2020.js";
import openapiTS, { astToString } from "openapi-typescript";
import ts from "typescript";
import type { OpenApiDocument } from "../../../src/emit/openapi/index.js";

/** Validates against the OpenAPI 3.1 schema (strict JSON Schema 2020-12 dialect included). */
export async function validateOpenApi(doc: OpenApiDocument): Promise<string[]> {
  const validator = new Validator();
  const result = await validator.validate(
    structuredClone(doc) as unknown as Record<string, unknown>,
  );
  if (result.valid) return [];
  const errors = result.errors;
  if (typeof errors === "string") return [errors];
  return (errors ?? []).map(
    (error) => `${error.instancePath} ${error.message} ${JSON.stringify(error.params)}`,
  );
}

/** The `.d.ts` openapi-typescript makes of the document. */
export async function typesOf(doc: OpenApiDocument): Promise<string> {
  const ast = await openapiTS(structuredClone(doc) as never);
  return astToString(ast);
}

/**
 * Type-checks `files` (name -> source) in memory under strict settings; returns the diagnostics.
 * Files may import each other with relative `./name.js` specifiers, and packages installed for
 * codegen (openapi-fetch) resolve as usual: the virtual folder sits inside this test folder.
 */
export function typeCheck(files: Record<string, string>): string[] {
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
    skipLibCheck: false,
    skipDefaultLibCheck: true,
    types: [],
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
  };
  const root = `${import.meta.dirname}/__virtual__/`;
  const host = ts.createCompilerHost(options);
  const read = host.readFile.bind(host);
  const exists = host.fileExists.bind(host);
  const local = (name: string) =>
    name.startsWith(root) ? files[name.slice(root.length)] : undefined;
  host.readFile = (name) => local(name) ?? read(name);
  host.fileExists = (name) => local(name) !== undefined || exists(name);
  const directoryExists = host.directoryExists?.bind(host);
  host.directoryExists = (name) => `${name}/` === root || (directoryExists?.(name) ?? true);
  host.getSourceFile = (name, languageVersion) => {
    const text = local(name) ?? read(name);
    return text === undefined ? undefined : ts.createSourceFile(name, text, languageVersion, true);
  };
  host.writeFile = () => {};
  const program = ts.createProgram(
    Object.keys(files).map((name) => root + name),
    options,
    host,
  );
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
    if (!diagnostic.file || diagnostic.start === undefined) return message;
    const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    return `${diagnostic.file.fileName}:${line + 1}:${character + 1}: ${message}`;
  });
}

/**
 * Compiles every component schema with ajv (JSON Schema 2020-12, strict: unknown keywords and
 * malformed schemas throw) and returns a validator for one of them.
 */
export function componentValidator(
  doc: OpenApiDocument,
): (name: string, value: unknown) => string[] {
  const ajv = new Ajv2020({ strict: true, validateFormats: false, allErrors: true });
  ajv.addKeyword("x-smithy-id");
  ajv.addKeyword("components");
  ajv.addSchema({ $id: "openapi.json", components: structuredClone(doc.components) });
  for (const name of Object.keys(doc.components.schemas ?? {})) {
    ajv.getSchema(`openapi.json#/components/schemas/${name}`);
  }
  return (name, value) => {
    const validate = ajv.getSchema(`openapi.json#/components/schemas/${name}`);
    if (!validate) throw new Error(`no component ${name}`);
    if (validate(value)) return [];
    return (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
  };
}
