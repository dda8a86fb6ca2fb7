import { _, type KeywordDefinition, str } from "ajv";

/**
 * ajv keywords for what JSON Schema has no word for. Each generates code (`code`), so ajv's
 * standalone output checks them without any runtime part of ajv.
 *
 * - `smithyType: "timestamp"`: a valid Date; `"blob"`: a Uint8Array; `"float"`: any number,
 *   NaN and the infinities included (JSON Schema's `number` excludes them).
 * - `minBytes` / `maxBytes`: @length on a blob.
 * - `orNull: schema`: null, or a value valid against `schema` (an optional member: the JSON
 *   protocols treat a null one as absent). Unlike `anyOf` or `if`/`else`, it reports only the
 *   errors of `schema`, no summary error of its own.
 */
export const smithyKeywords: KeywordDefinition[] = [
  {
    keyword: "orNull",
    schemaType: ["object", "boolean"],
    code(cxt) {
      const { gen, data } = cxt;
      const valid = gen.name("valid");
      // The subschema declares `valid` (a `var`): when data is null it is not evaluated.
      gen.if(_`${data} !== null`, () => {
        cxt.subschema({ keyword: "orNull" }, valid);
      });
      cxt.ok(_`${data} === null || ${valid}`);
    },
  },
  {
    keyword: "smithyType",
    schemaType: "string",
    error: {
      message: ({ schema }) =>
        str`must be ${schema === "timestamp" ? "a Date" : schema === "blob" ? "a Uint8Array" : "a number"}`,
      params: ({ schema }) => _`{type: ${schema}}`,
    },
    code(cxt) {
      const { data, schema } = cxt;
      if (schema === "timestamp") {
        cxt.fail(_`!(${data} instanceof Date) || Number.isNaN(${data}.getTime())`);
      } else if (schema === "blob") {
        cxt.fail(_`!(${data} instanceof Uint8Array)`);
      } else if (schema === "float") {
        cxt.fail(_`typeof ${data} !== "number"`);
      } else {
        throw new Error(`unknown smithyType ${String(schema)}`);
      }
    },
  },
  {
    keyword: "minBytes",
    schemaType: "number",
    error: {
      message: ({ schema }) => str`must NOT have fewer than ${schema} bytes`,
      params: ({ schema }) => _`{limit: ${schema}}`,
    },
    code(cxt) {
      cxt.fail(_`${cxt.data} instanceof Uint8Array && ${cxt.data}.byteLength < ${cxt.schema}`);
    },
  },
  {
    keyword: "maxBytes",
    schemaType: "number",
    error: {
      message: ({ schema }) => str`must NOT have more than ${schema} bytes`,
      params: ({ schema }) => _`{limit: ${schema}}`,
    },
    code(cxt) {
      cxt.fail(_`${cxt.data} instanceof Uint8Array && ${cxt.data}.byteLength > ${cxt.schema}`);
    },
  },
  {
    // An annotation, never a check: the enum values error messages list (internal ones left
    // out); the runtime reads it from an error's parentSchema.
    keyword: "smithyListedValues",
    schemaType: "array",
    code() {},
  },
];
