import type { NodeValue } from "../../ast.js";
import type { ValidationContext } from "../context.js";
import type { IndexedShape } from "../model-index.js";

/**
 * PaginatedTrait: the members `@paginated` names exist in the operation input/output with the
 * right types (tokens are optional strings, items a list or map, pageSize an integer), also once
 * merged with the `@paginated` defaults of each service that binds the operation.
 */
const PAGINATED = "smithy.api#paginated";
const UNIT = "smithy.api#Unit";

type Config = { inputToken?: string; outputToken?: string; items?: string; pageSize?: string };

interface Property {
  name: keyof Config;
  side: "input" | "output";
  mustBeOptional: boolean;
  requiredWhenBound: boolean;
  types: string[];
}

const PROPERTIES: Property[] = [
  {
    name: "inputToken",
    side: "input",
    mustBeOptional: true,
    requiredWhenBound: true,
    types: ["string"],
  },
  {
    name: "pageSize",
    side: "input",
    mustBeOptional: false,
    requiredWhenBound: false,
    types: ["integer"],
  },
  {
    name: "outputToken",
    side: "output",
    mustBeOptional: true,
    requiredWhenBound: true,
    types: ["string"],
  },
  {
    name: "items",
    side: "output",
    mustBeOptional: false,
    requiredWhenBound: false,
    types: ["list", "set", "map"],
  },
];

function config(value: NodeValue | undefined): Config {
  const out: Config = {};
  if (value === null || typeof value !== "object" || Array.isArray(value)) return out;
  for (const key of ["inputToken", "outputToken", "items", "pageSize"] as const) {
    if (typeof value[key] === "string") out[key] = value[key];
  }
  return out;
}

export function validatePaginated(ctx: ValidationContext): void {
  const services = [...ctx.index.shapes.values()].filter((s) => s.type === "service");
  for (const operation of ctx.index.withTrait(PAGINATED)) {
    if (operation.type !== "operation") continue;
    const own = config(operation.traits[PAGINATED]);
    const input = io(ctx, operation, "input");
    const output = io(ctx, operation, "output");
    const before = ctx.events.length;
    const emit = (severity: "ERROR" | "DANGER" | "WARNING", message: string) =>
      ctx.emit("PaginatedTrait", severity, operation.id, message);
    if (!input) emit("ERROR", "paginated operations require an input");
    if (!output) emit("ERROR", "paginated operations require an output");
    for (const property of PROPERTIES) {
      const structure = property.side === "input" ? input : output;
      if (structure) check(ctx, property, own, structure, "", emit);
    }
    if (input && own.pageSize) {
      const member = resolve(ctx, input, own.pageSize);
      if (member?.traits["smithy.api#required"] !== undefined)
        emit(
          "DANGER",
          `paginated trait \`pageSize\` member \`${member.memberName}\` should not be required`,
        );
    }
    if (ctx.events.length > before || !input || !output) continue;
    for (const service of services) {
      if (!ctx.closure(service).has(operation.id)) continue;
      const merged = { ...config(service.traits[PAGINATED]), ...own };
      const prefix = `When bound within the \`${service.id}\` service, `;
      for (const property of PROPERTIES) {
        check(ctx, property, merged, property.side === "input" ? input : output, prefix, emit);
      }
    }
  }
}

function io(ctx: ValidationContext, operation: IndexedShape, side: "input" | "output") {
  const target = operation.ast[side]?.target;
  return target && target !== UNIT ? ctx.index.get(target) : undefined;
}

function check(
  ctx: ValidationContext,
  property: Property,
  settings: Config,
  structure: IndexedShape,
  prefix: string,
  emit: (severity: "ERROR" | "WARNING", message: string) => void,
): void {
  const path = settings[property.name];
  if (path === undefined) {
    if (prefix && property.requiredWhenBound)
      emit("ERROR", `${prefix}paginated trait \`${property.name}\` is not configured`);
    return;
  }
  const pathsAllowed = property.side === "output";
  if (!pathsAllowed && path.includes(".")) {
    emit("ERROR", `${prefix}paginated trait \`${property.name}\` does not allow path values`);
    return;
  }
  const member = resolve(ctx, structure, path);
  if (!member) {
    emit(
      "ERROR",
      `${prefix}paginated trait \`${property.name}\` targets a member \`${path}\` that does not exist`,
    );
    return;
  }
  if (property.mustBeOptional && member.traits["smithy.api#required"] !== undefined)
    emit(
      "ERROR",
      `${prefix}paginated trait \`${property.name}\` member \`${member.memberName}\` must not be required`,
    );
  const target = member.target ? ctx.index.get(member.target) : undefined;
  if (target && !property.types.includes(target.type))
    emit(
      "ERROR",
      `${prefix}paginated trait \`${property.name}\` member \`${member.memberName}\` targets a ${target.type} shape, but must target one of the following: [${property.types.map((t) => `\`${t}\``).join(", ")}]`,
    );
  if (pathsAllowed && path.split(".").length > 2)
    emit(
      "WARNING",
      `${prefix}paginated trait \`${property.name}\` contains a path with more than two parts, which can make your API cumbersome to use`,
    );
}

/** `a.b`: member `a` of the structure, then member `b` of what `a` targets. */
function resolve(ctx: ValidationContext, structure: IndexedShape, path: string) {
  let current: IndexedShape | undefined = structure;
  let member: IndexedShape | undefined;
  for (const name of path.split(".")) {
    if (!current) return undefined;
    member = ctx.index.memberNamed(current, name);
    if (!member) return undefined;
    current = member.target ? ctx.index.get(member.target) : undefined;
  }
  return member;
}
