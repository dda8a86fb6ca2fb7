import { Ajv } from "ajv";
import standaloneCode from "ajv/dist/standalone/index.js";
import { EmitError, type OperationView, type ServiceView } from "../service-view.js";
import { aggregateSchemas, type JsonSchema, refSchema } from "./json-schema.js";
import { smithyKeywords } from "./keywords.js";

/** The module of code-point counting and deep equality the validators share (see runtimeModule). */
export const VALIDATOR_RUNTIME = "runtime.js";

/** What ajv's standalone code `require`s, and the export of our runtime module standing in. */
const runtimeParts: Record<string, string> = {
  "ajv/dist/runtime/ucs2length": "codePointLength",
  "ajv/dist/runtime/equal": "deepEqual",
};

export function validatorNames(op: OperationView): { input: string; output: string } {
  return { input: `validate${op.name}Input`, output: `validate${op.name}Output` };
}

/**
 * src/validators/<Operation>.js: the operation's input and output validators, compiled by ajv now
 * into standalone ESM (no schema compilation at import, no `new Function` at run time). One module
 * per operation, so a bundle carries only the validators of the commands it uses.
 */
export function emitOperationValidators(view: ServiceView, op: OperationView): string {
  const ajv = new Ajv({
    allErrors: true,
    strictTypes: false,
    unicodeRegExp: true,
    code: { source: true, esm: true },
  });
  for (const keyword of smithyKeywords) ajv.addKeyword(keyword);
  const roots: Record<string, string> = {};
  const names = validatorNames(op);
  for (const [key, target] of [
    [names.input, op.input],
    [names.output, op.output],
  ] as const) {
    const root: JsonSchema = refSchema(view, target);
    const id = root.$ref ? String(root.$ref) : `urn:docsmith:${key}`;
    if (!root.$ref) ajv.addSchema({ $id: id, ...root });
    roots[key] = id;
  }
  for (const schema of aggregateSchemas(view, [op.input, op.output]).values()) {
    ajv.addSchema(schema);
  }
  let code: string;
  try {
    code = standaloneCode.default(ajv, roots);
  } catch (e) {
    throw new EmitError(`${op.id}: cannot compile its validators: ${(e as Error).message}`);
  }
  return finishStandalone(code, op);
}

/** Turns ajv's output into a clean ES module: imports instead of `require`, typed exports. */
function finishStandalone(code: string, op: OperationView): string {
  const imports: string[] = [];
  let body = code
    .replace(/^"use strict";\n?/, "")
    .replace(/\/\*# sourceURL=.*?\*\/;?/g, "")
    .replace(
      /const (\w+) = require\("([^"]+)"\)\.default;\n?/g,
      (_match, local: string, module: string) => {
        const part = runtimeParts[module];
        if (!part) throw new EmitError(`${op.id}: ajv standalone code needs ${module}`);
        imports.push(`import { ${part} as ${local} } from "./${VALIDATOR_RUNTIME}";`);
        return "";
      },
    );
  if (/\brequire\(/.test(body))
    throw new EmitError(`${op.id}: ajv standalone code requires a module`);
  body = body.replace(
    /^export const (\w+) = (\w+);$/gm,
    (_m, name: string, fn: string) =>
      `/** @type {import("@docsmith/runtime").Validator} */\nexport const ${name} = ${fn};`,
  );
  return `// biome-ignore-all lint: ajv standalone code, compiled at generation time\n${imports.join("\n")}\n${body}`;
}

/** src/validators/runtime.js: the two helpers ajv's standalone code would `require` from ajv. */
export function emitValidatorRuntime(): string {
  return `/**
 * The length of a string in Unicode code points, as Smithy's @length counts (a surrogate pair is
 * one character).
 * @param {string} value
 * @returns {number}
 */
export function codePointLength(value) {
  let length = 0;
  for (const _ of value) length++;
  return length;
}

/**
 * Structural equality of JSON-like values, for @uniqueItems.
 * @param {unknown} a
 * @param {unknown} b
 * @returns {boolean}
 */
export function deepEqual(a, b) {
  if (a === b) return true;
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (!a || !b || typeof a !== "object" || typeof b !== "object") return Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && deepEqual(/** @type {any} */ (a)[key], /** @type {any} */ (b)[key]));
}
`;
}
