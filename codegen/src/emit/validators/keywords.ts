import { _, type KeywordDefinition, str } from "ajv";

/**
 * ajv keywords for what JSON Schema has no word for. Each generates code (`code`), so ajv's
 * standalone output checks them without any runtime part of ajv.
 *
 * - `smithyType: "timestamp"`: a valid Date; `"blob"`: a Uint8Array; `"float"`: any number,
 *   NaN and the infinities included (JSON Schema's `number` excludes them).
 * - `minBytes` / `maxBytes`: @length on a blob.
 */
export const smithyKeywords: KeywordDefinition[] = [
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
];
