import { Ajv } from "ajv";
import standaloneCode from "ajv/dist/standalone/index.js";
import { EmitError, type OperationView, type ServiceView } from "../service-view.js";
import { aggregateSchemas, type JsonSchema, refSchema } from "./json-schema.js";
import { smithyKeywords } from "./keywords.js";
import { LINEAR_REGEXP, linearRegExpEngine } from "./linear-regexp.js";

/** The module of code-point counting and deep equality the validators share (see runtimeModule). */
export const VALIDATOR_RUNTIME = "runtime.js";

/** What ajv's standalone code `require`s, and the module and export standing in. */
const runtimeParts: Record<string, { file: string; part: string }> = {
  "ajv/dist/runtime/ucs2length": { file: VALIDATOR_RUNTIME, part: "codePointLength" },
  "ajv/dist/runtime/equal": { file: VALIDATOR_RUNTIME, part: "deepEqual" },
  "docsmith:linear-regexp": { file: LINEAR_REGEXP, part: "linearRegExp" },
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
    // Errors carry their parentSchema: the runtime words "between 2 and 8" from both bounds.
    verbose: true,
    strictTypes: false,
    unicodeRegExp: true,
    // Not against the meta-schema: compiling it for every operation cost more than the operation's
    // own schemas. The client test's ajv (one per service) validates the same schemas.
    validateSchema: false,
    // @pattern runs in linear time: a backtracking RegExp can take forever (ReDoS).
    code: { source: true, esm: true, regExp: linearRegExpEngine },
  });
  for (const keyword of smithyKeywords) ajv.addKeyword(keyword);
  // Each distinct schema is compiled once: ajv's standalone code emits a schema's functions once
  // per export naming it, so an operation whose input and output are the same shape would declare
  // them twice. A second name for the same schema becomes an alias.
  const roots: Record<string, string> = {};
  const aliases: [string, string][] = [];
  const names = validatorNames(op);
  for (const [key, target] of [
    [names.input, op.input],
    [names.output, op.output],
  ] as const) {
    const root: JsonSchema = refSchema(view, target);
    const id = root.$ref ? String(root.$ref) : `urn:docsmith:${key}`;
    const first = Object.entries(roots).find(([, other]) => other === id);
    if (first) {
      aliases.push([key, first[0]]);
      continue;
    }
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
  const aliasLines = aliases.map(([name, same]) => `export const ${name} = ${same};\n`);
  return finishStandalone(`${code}\n${aliasLines.join("")}`, op);
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
        const found = runtimeParts[module];
        if (!found) throw new EmitError(`${op.id}: ajv standalone code needs ${module}`);
        imports.push(`import { ${found.part} as ${local} } from "./${found.file}";`);
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
  return `// biome-ignore-all lint: ajv standalone code, compiled at generation time\n${imports.sort(byModule).join("\n")}\n${body}`;
}

/** Import lines in the order biome's organizeImports keeps: by module path. */
function byModule(a: string, b: string): number {
  const from = (line: string) => line.slice(line.lastIndexOf(" from "));
  return from(a) < from(b) ? -1 : from(a) > from(b) ? 1 : 0;
}

/** src/validators/runtime.js: the two helpers ajv's standalone code would `require` from ajv. */
export function emitValidatorRuntime(): string {
  return `/**
 * The length of a string in Unicode code points, as Smithy's @length counts (a surrogate pair is
 * one character, a lone surrogate one too). A charCodeAt loop, as ajv's ucs2length: iterating the
 * string (for...of) is several times slower.
 * @param {string} value
 * @returns {number}
 */
export function codePointLength(value) {
  const end = value.length;
  let length = 0;
  for (let i = 0; i < end; i++) {
    length++;
    const unit = value.charCodeAt(i);
    // A high surrogate followed by a low one: the pair is one code point.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < end) {
      if ((value.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
    }
  }
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
