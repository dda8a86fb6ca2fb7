import type { AstShape, MemberShape, NodeValue, Traits } from "../model/ast.js";
import type { FactValue } from "./service-facts.js";
import { type Repair, type TranscribedService, TranscribeError } from "./transcribed.js";

/** Traits that bind a member to something other than a JSON body key (which keeps its name). */
const BOUND = [
  "smithy.api#httpLabel",
  "smithy.api#httpQuery",
  "smithy.api#httpQueryParams",
  "smithy.api#httpHeader",
  "smithy.api#httpPrefixHeaders",
  "smithy.api#httpPayload",
  "smithy.api#httpResponseCode",
];

/** The PascalCase of a printed member name: `kmsKeyArn` -> `KmsKeyArn`. */
export function pascalCase(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/**
 * Applies `docsmithMemberNames = "PascalCase"`: every structure and union member of the service
 * is renamed, the wire unchanged. A body member keeps its printed name as @jsonName; a label's
 * `{name}` in the URI becomes `{Name}`; headers and query keys already carry their own names.
 * Examples and protocol-test params (keyed by member names) follow; test bodies (the wire) do
 * not. One repair per renamed structure lists the renames.
 */
export function applyMemberNames(
  service: TranscribedService,
  fact: FactValue<"PascalCase">,
  factFile: string,
): TranscribedService {
  const old = service.shapes;
  const rename = (name: string) => pascalCase(name);
  const shapes: Record<string, AstShape> = {};
  const sources = { ...service.sources };
  const repairs: Repair[] = [];

  for (const [id, shape] of Object.entries(old)) {
    if ((shape.type !== "structure" && shape.type !== "union") || !shape.members) {
      shapes[id] = shape;
      continue;
    }
    const members: Record<string, MemberShape> = {};
    const printedAs = new Map<string, string>();
    const renamed: [string, string][] = [];
    for (const [name, member] of Object.entries(shape.members)) {
      const to = rename(name);
      const other = printedAs.get(to);
      if (other !== undefined) {
        const at =
          service.sources[`${id}$${name}`] ??
          service.sources[`${id}$${other}`] ??
          service.sources[id];
        throw new TranscribeError(
          at ?? { file: factFile, line: fact.line },
          `${id}: members ${other} and ${name} would both be named ${to} (docsmithMemberNames in ${factFile})`,
        );
      }
      printedAs.set(to, name);
      if (to === name) {
        members[to] = member;
        continue;
      }
      const traits: Traits = { ...(member.traits ?? {}) };
      if (!BOUND.some((t) => t in traits) && !("smithy.api#jsonName" in traits)) {
        traits["smithy.api#jsonName"] = name;
      }
      members[to] = { ...member, traits };
      renamed.push([name, to]);
      const source = sources[`${id}$${name}`];
      if (source) {
        delete sources[`${id}$${name}`];
        sources[`${id}$${to}`] = source;
      }
    }
    shapes[id] = { ...shape, members };
    if (renamed.length) {
      const at = service.sources[id] ?? { file: factFile, line: fact.line };
      repairs.push({
        ...at,
        subject: id,
        printed: renamed.map(([from]) => from).join(", "),
        used: renamed.map(([, to]) => to).join(", "),
        why: `${factFile} states docsmithMemberNames = "PascalCase": AWS's SDK names these members in PascalCase; the printed name stays the wire name (@jsonName for body members, the label or binding name otherwise)`,
      });
    }
  }

  const values = new Renamer(old, rename);
  for (const [id, shape] of Object.entries(shapes)) {
    if (shape.type !== "operation" || !shape.traits) continue;
    shapes[id] = { ...shape, traits: operationTraits(shape, values, old) };
  }
  return {
    ...service,
    shapes,
    sources,
    repairs: [...service.repairs, ...repairs],
  };
}

type Obj = { [key: string]: NodeValue };

function isObject(v: NodeValue | undefined): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The traits of an operation that name members: @http labels, @paginated, examples, tests. */
function operationTraits(op: AstShape, values: Renamer, old: Record<string, AstShape>): Traits {
  const traits: Traits = { ...op.traits };
  const input = op.input?.target;
  const output = op.output?.target;
  const http = traits["smithy.api#http"];
  if (isObject(http) && typeof http.uri === "string" && input) {
    const labels = old[input]?.members ?? {};
    traits["smithy.api#http"] = {
      ...http,
      uri: http.uri.replace(/\{(\w+)(\+?)\}/g, (all, name: string, greedy: string) =>
        labels[name] ? `{${values.name(name)}${greedy}}` : all,
      ),
    };
  }
  const paginated = traits["smithy.api#paginated"];
  if (isObject(paginated)) {
    const out: Obj = { ...paginated };
    for (const [key, side] of [
      ["inputToken", input],
      ["pageSize", input],
      ["outputToken", output],
      ["items", output],
    ] as const) {
      const path = out[key];
      if (typeof path === "string" && side) out[key] = values.path(side, path);
    }
    traits["smithy.api#paginated"] = out;
  }
  const examples = traits["smithy.api#examples"];
  if (Array.isArray(examples)) {
    traits["smithy.api#examples"] = examples.map((e) => {
      if (!isObject(e)) return e;
      const out: Obj = { ...e };
      if (input && e.input !== undefined) out.input = values.value(input, e.input);
      if (output && e.output !== undefined) out.output = values.value(output, e.output);
      const error = e.error;
      if (isObject(error) && typeof error.shapeId === "string" && error.content !== undefined) {
        out.error = { ...error, content: values.value(error.shapeId, error.content) };
      }
      return out;
    });
  }
  for (const [trait, side] of [
    ["smithy.test#httpRequestTests", input],
    ["smithy.test#httpResponseTests", output],
  ] as const) {
    const tests = traits[trait];
    if (!Array.isArray(tests) || !side) continue;
    traits[trait] = tests.map((t) =>
      isObject(t) && t.params !== undefined ? { ...t, params: values.value(side, t.params) } : t,
    );
  }
  return traits;
}

/** Renames the structure keys of a value of a shape, walking the (unrenamed) shapes. */
class Renamer {
  constructor(
    private readonly shapes: Record<string, AstShape>,
    readonly name: (member: string) => string,
  ) {}

  value(target: string, value: NodeValue, depth = 0): NodeValue {
    const shape = this.shapes[target];
    if (!shape || depth > 64) return value;
    if ((shape.type === "structure" || shape.type === "union") && isObject(value)) {
      const out: Obj = {};
      for (const [k, v] of Object.entries(value)) {
        const member = shape.members?.[k];
        out[member ? this.name(k) : k] = member ? this.value(member.target, v, depth + 1) : v;
      }
      return out;
    }
    if ((shape.type === "list" || shape.type === "set") && Array.isArray(value) && shape.member) {
      return value.map((v) => this.value(shape.member!.target, v, depth + 1));
    }
    if (shape.type === "map" && isObject(value) && shape.value) {
      const out: Obj = {};
      for (const [k, v] of Object.entries(value))
        out[k] = this.value(shape.value.target, v, depth + 1);
      return out;
    }
    return value;
  }

  /** A dotted member path (`@paginated` tokens and items) through structures. */
  path(target: string, path: string): string {
    const out: string[] = [];
    let shape: AstShape | undefined = this.shapes[target];
    for (const part of path.split(".")) {
      const member: MemberShape | undefined = shape?.members?.[part];
      out.push(member ? this.name(part) : part);
      shape = member ? this.shapes[member.target] : undefined;
    }
    return out.join(".");
  }
}
