import type { AstShape, Traits } from "../model/ast.js";
import type { FactValue } from "./service-facts.js";
import type { DocLocation, TranscribedService } from "./transcribed.js";

/**
 * Applies `docsmithErrorMessageMember`: the pages list no members for errors, but AWS's JSON
 * protocols carry the error message in every error body, under this key. Each error structure
 * without such a member gets it, an optional String. `memberName` gives the member's name when
 * a naming fact renames members (the key then stays the wire name, as @jsonName). One repair,
 * on the service mixin, lists the errors.
 */
export function applyErrorMessageMember(
  service: TranscribedService,
  fact: FactValue<string>,
  factFile: string,
  memberName: (printed: string) => string = (n) => n,
): TranscribedService {
  const key = fact.value;
  const name = memberName(key);
  const traits: Traits = { "smithy.api#documentation": "The error message." };
  if (name !== key) traits["smithy.api#jsonName"] = key;
  const shapes: Record<string, AstShape> = {};
  const sources = { ...service.sources };
  const added: string[] = [];
  let firstId: string | undefined;
  for (const [id, shape] of Object.entries(service.shapes)) {
    const isError = shape.type === "structure" && shape.traits?.["smithy.api#error"] !== undefined;
    if (!isError || shape.members?.[name]) {
      shapes[id] = shape;
      continue;
    }
    shapes[id] = {
      ...shape,
      members: { [name]: { target: "smithy.api#String", traits }, ...shape.members },
    };
    sources[`${id}$${name}`] = service.sources[id] ?? { file: factFile, line: fact.line };
    added.push(id.slice(id.indexOf("#") + 1));
    firstId ??= id;
  }
  if (added.length === 0) return service;
  const mixin = Object.keys(service.shapes).find((id) => service.shapes[id].type === "service");
  // Where the docs list the first of those errors.
  const at: DocLocation = service.sources[firstId!] ?? { file: factFile, line: fact.line };
  const member = name === key ? `${name}: String` : `${name}: String with @jsonName("${key}")`;
  return {
    ...service,
    shapes,
    sources,
    repairs: [
      ...service.repairs,
      {
        ...at,
        subject: mixin ?? service.namespace,
        printed: `no message member in the errors ${added.join(", ")}`,
        used: `${member} in each`,
        why: `${factFile} states docsmithErrorMessageMember = "${key}": the service's error bodies carry their message under that key, which the docs do not list`,
      },
    ],
  };
}
