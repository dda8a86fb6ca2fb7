import type { NodeValue } from "../../model/ast.js";
import { type ServiceView, UNIT } from "../service-view.js";
import type { SampleValue } from "../tests/samples.js";

function isObject(node: NodeValue): node is { [key: string]: NodeValue } {
  return node !== null && typeof node === "object" && !Array.isArray(node);
}

/**
 * An example's node value (an @examples input or output, an HTTP test's params) as the generated
 * types hold it: timestamps as Dates (a number is epoch seconds, a string an RFC 3339 or HTTP
 * date), blobs as the UTF-8 bytes of their text (Smithy's protocol tests give blob params as
 * text), "NaN" and "Infinity" floats as numbers. A node that does not fit its shape stays as
 * printed, so an erratum's value reaches the test exactly as the docs print it.
 */
export function exampleValue(view: ServiceView, id: string, node: NodeValue): SampleValue {
  if (node === null) return null;
  if (id === UNIT) return isObject(node) ? {} : node;
  const shape = view.get(id);
  switch (shape.type) {
    case "timestamp": {
      // Math.round: 1458680170.035 * 1000 is not exact, and the codecs round the same way.
      const ms =
        typeof node === "number"
          ? Math.round(node * 1000)
          : typeof node === "string"
            ? Date.parse(node)
            : Number.NaN;
      return Number.isNaN(ms) ? node : new Date(ms);
    }
    case "blob":
      return typeof node === "string" ? new TextEncoder().encode(node) : node;
    case "float":
    case "double":
      return typeof node === "string" && /^(NaN|-?Infinity)$/.test(node) ? Number(node) : node;
    case "list":
    case "set":
      return Array.isArray(node)
        ? node.map((item) => exampleValue(view, shape.member!.target, item))
        : node;
    case "map":
      return isObject(node)
        ? Object.fromEntries(
            Object.entries(node).map(([k, v]) => [k, exampleValue(view, shape.value!.target, v)]),
          )
        : node;
    case "structure":
    case "union":
      return isObject(node)
        ? Object.fromEntries(
            Object.entries(node).map(([k, v]) => {
              const member = shape.members?.[k];
              return [k, member ? exampleValue(view, member.target, v) : v];
            }),
          )
        : node;
    default:
      return node;
  }
}
