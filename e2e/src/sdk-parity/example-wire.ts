/**
 * A documented example's output (member names, JSON values) as the JSON body a service would
 * send: `@jsonName` keys for restJson1, epoch-second timestamps, base64 blobs.
 */
import type { ServiceModel } from "../documented-examples.js";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function exampleAsWireJson(
  model: ServiceModel,
  id: string,
  node: Json,
  jsonName: boolean,
): Json {
  if (node === null) return null;
  const shape = model.shapes[id];
  if (id === "smithy.api#Timestamp" || shape?.type === "timestamp") {
    return typeof node === "number" ? node : Date.parse(String(node)) / 1000;
  }
  if (id === "smithy.api#Blob" || shape?.type === "blob") {
    return Buffer.from(String(node), "utf8").toString("base64");
  }
  if (!shape || typeof node !== "object") return node;
  if (Array.isArray(node)) {
    return node.map((item) => exampleAsWireJson(model, shape.member!.target, item, jsonName));
  }
  const out: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(node)) {
    if (shape.type === "map") {
      out[key] = exampleAsWireJson(model, shape.value!.target, value, jsonName);
      continue;
    }
    const member = shape.members?.[key];
    if (!member) continue;
    const wire = jsonName
      ? ((member.traits?.["smithy.api#jsonName"] as string | undefined) ?? key)
      : key;
    out[wire] = exampleAsWireJson(model, member.target, value, jsonName);
  }
  return out;
}
