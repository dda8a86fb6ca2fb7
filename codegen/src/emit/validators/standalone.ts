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

/** Which side of an operation a validator checks. */
export type ValidatorSide = "input" | "output";

/** src/validators/<Operation>.<side>.js, relative to src/. */
export function validatorModule(op: OperationView, side: ValidatorSide): string {
  return `validators/${op.name}.${side}.js`;
}

/**
 * src/validators/<Operation>.input.js and .output.js: one validator each, compiled by ajv now into
 * standalone ESM (no schema compilation at import, no `new Function` at run time), exported as
 * `validate`. Apart, and loaded on first use (OperationSchema.inputValidator), so that importing
 * the package loads none of them and a client bundle carries only the input validators of the
 * commands it sends; output validators serve the server stub.
 */
export function emitOperationValidator(
  view: ServiceView,
  op: OperationView,
  side: ValidatorSide,
): string {
  const ajv = serviceAjv(view);
  const target = side === "input" ? op.input : op.output;
  const root: JsonSchema = refSchema(view, target);
  const id = root.$ref ? String(root.$ref) : `urn:docsmith:${op.name}:${side}`;
  if (!root.$ref && !ajv.getSchema(id)) ajv.addSchema({ $id: id, ...root });
  let code: string;
  try {
    code = standaloneCode.default(ajv, { validate: id });
  } catch (e) {
    throw new EmitError(`${op.id}: cannot compile its ${side} validator: ${(e as Error).message}`);
  }
  return finishStandalone(code, op);
}

/**
 * A shape's validator as a function in this process, from the same ajv and schemas as the
 * generated modules: for the generator's own checks (the samples of the client tests).
 */
export function shapeValidator(view: ServiceView, id: string): (value: unknown) => boolean {
  const validate = serviceAjv(view).compile(refSchema(view, id));
  return (value) => validate(value) as boolean;
}

/**
 * One ajv per service, holding the schema of every structure the operations reach: each schema
 * is compiled once, however many operations share it (ajv keeps what it compiled), and the
 * standalone code of one validator takes just the functions it reaches.
 */
const ajvOfService = new WeakMap<ServiceView, Ajv>();

function serviceAjv(view: ServiceView): Ajv {
  let ajv = ajvOfService.get(view);
  if (ajv) return ajv;
  ajv = new Ajv({
    allErrors: true,
    // Errors carry their parentSchema: the runtime words "between 2 and 8" from both bounds.
    verbose: true,
    strictTypes: false,
    unicodeRegExp: true,
    // Not against the meta-schema: compiling it cost more than the service's own schemas. The
    // client test's ajv (one per service) validates the same schemas.
    validateSchema: false,
    // @pattern runs in linear time: a backtracking RegExp can take forever (ReDoS).
    code: { source: true, esm: true, regExp: linearRegExpEngine },
  });
  for (const keyword of smithyKeywords) ajv.addKeyword(keyword);
  const roots = view.operations.flatMap((op) => [op.input, op.output]);
  for (const schema of aggregateSchemas(view, roots).values()) ajv.addSchema(schema);
  ajvOfService.set(view, ajv);
  return ajv;
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
  return `/** Any UTF-16 surrogate code unit (no "u" flag: the pattern looks at code units). */
const SURROGATE = /[\\uD800-\\uDFFF]/;

/**
 * The length of a string in Unicode code points, as Smithy's @length counts (a surrogate pair is
 * one character, a lone surrogate one too). Most strings hold no surrogate, and for them it is
 * their length: one native regex scan decides. Otherwise a charCodeAt loop, as ajv's ucs2length
 * (iterating the string with for...of is several times slower).
 * @param {string} value
 * @returns {number}
 */
export function codePointLength(value) {
  if (!SURROGATE.test(value)) return value.length;
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
