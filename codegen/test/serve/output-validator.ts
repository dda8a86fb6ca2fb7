import { Ajv } from "ajv";
import type { ServiceView } from "../../src/emit/service-view.js";
import { aggregateSchemas, refSchema } from "../../src/emit/validators/json-schema.js";
import { smithyKeywords } from "../../src/emit/validators/keywords.js";

/**
 * The validator a generated package compiles for a shape (same JSON Schemas, same keywords),
 * compiled in memory: an independent judge of what serve's repair and synthesis produce.
 */
export function packageValidator(view: ServiceView, shapeId: string): (value: unknown) => string[] {
  const ajv = new Ajv({ allErrors: true, strictTypes: false, unicodeRegExp: true });
  for (const keyword of smithyKeywords) ajv.addKeyword(keyword);
  for (const schema of aggregateSchemas(view, [shapeId]).values()) ajv.addSchema(schema);
  const validate = ajv.compile(refSchema(view, shapeId));
  return (value) =>
    validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}
