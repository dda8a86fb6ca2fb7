/**
 * Inputs that exercise every member of an operation's input, built from the Smithy JSON AST
 * (packages/<svc>/model.json) as an SDK takes them: Dates for timestamps, bytes for blobs.
 * Strings bound to the URI or the query carry characters that must be percent-encoded.
 */
import type { ServiceModel } from "../documented-examples.js";

type Shape = ServiceModel["shapes"][string];
type Traits = Record<string, unknown>;

/** The token both clients get, so that neither invents its own. */
export const IDEMPOTENCY_TOKEN = "00000000-0000-4000-8000-000000000001";

/** A fixed instant, whole seconds (both SDKs write epoch seconds from it). */
const INSTANT = new Date(Date.UTC(2024, 0, 2, 3, 4, 5));

/** Values placed in labels and query strings: spaces, slashes, `+`, `&`, non-ASCII. */
const ENCODED = "a b/c+d&e=f~ü!'()*%";

const MAX_DEPTH = 8;

const PRELUDE: Record<string, string> = {
  "smithy.api#String": "string",
  "smithy.api#Boolean": "boolean",
  "smithy.api#PrimitiveBoolean": "boolean",
  "smithy.api#Integer": "integer",
  "smithy.api#PrimitiveInteger": "integer",
  "smithy.api#Long": "long",
  "smithy.api#PrimitiveLong": "long",
  "smithy.api#Short": "short",
  "smithy.api#PrimitiveShort": "short",
  "smithy.api#Byte": "byte",
  "smithy.api#PrimitiveByte": "byte",
  "smithy.api#Unit": "structure",
  "smithy.api#Float": "float",
  "smithy.api#PrimitiveFloat": "float",
  "smithy.api#Double": "double",
  "smithy.api#PrimitiveDouble": "double",
  "smithy.api#Timestamp": "timestamp",
  "smithy.api#Blob": "blob",
  "smithy.api#Document": "document",
  "smithy.api#BigInteger": "bigInteger",
  "smithy.api#BigDecimal": "bigDecimal",
};

function typeOf(model: ServiceModel, id: string): { type: string; shape?: Shape } {
  const shape = model.shapes[id];
  if (shape) return { type: shape.type, shape };
  const type = PRELUDE[id];
  if (!type) throw new Error(`Unknown shape ${id}`);
  return { type };
}

/** How many inputs an operation needs so that every union member is chosen once. */
export function variantCount(model: ServiceModel, inputShape: string): number {
  let most = 1;
  const seen = new Set<string>();
  const visit = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    const shape = model.shapes[id];
    if (!shape) return;
    if (shape.type === "union") most = Math.max(most, Object.keys(shape.members ?? {}).length);
    for (const m of Object.values(shape.members ?? {})) visit(m.target);
    if (shape.member) visit(shape.member.target);
    if (shape.value) visit(shape.value.target);
  };
  visit(inputShape);
  return most;
}

/**
 * `typical` values, or `edge` ones: empty strings (but labels, which cannot be empty), empty lists
 * and maps, zero, false, the epoch, empty blobs and documents.
 */
export type Flavour = "typical" | "edge";

interface Context {
  readonly model: ServiceModel;
  readonly variant: number;
  readonly flavour: Flavour;
}

/**
 * An input with every member of `inputShape` set (recursive shapes stop where they would
 * repeat); union `variant` picks which member of each union is set.
 */
export function synthesizeInput(
  model: ServiceModel,
  inputShape: string,
  variant: number,
  flavour: Flavour = "typical",
): Record<string, unknown> {
  if (inputShape === "smithy.api#Unit") return {};
  return structure({ model, variant, flavour }, model.shapes[inputShape]!, [inputShape]) as Record<
    string,
    unknown
  >;
}

function structure(cx: Context, shape: Shape, stack: string[]): unknown {
  const { variant } = cx;
  const out: Record<string, unknown> = {};
  const members = Object.entries(shape.members ?? {});
  const chosen =
    shape.type === "union" ? [members[variant % Math.max(members.length, 1)]!] : members;
  for (const entry of chosen) {
    if (!entry) continue;
    const [name, member] = entry;
    const traits = (member.traits ?? {}) as Traits;
    if (stack.includes(member.target) || stack.length > MAX_DEPTH) {
      if (traits["smithy.api#required"] === undefined) continue; // break the cycle
    }
    out[name] = value(cx, member.target, traits, name, [...stack, member.target]);
  }
  return out;
}

function value(
  cx: Context,
  id: string,
  memberTraits: Traits,
  name: string,
  stack: string[],
): unknown {
  const { model, variant } = cx;
  const edge = cx.flavour === "edge";
  const { type, shape } = typeOf(model, id);
  const traits: Traits = { ...((shape?.traits ?? {}) as Traits), ...memberTraits };
  switch (type) {
    case "string": {
      if (traits["smithy.api#idempotencyToken"] !== undefined) return IDEMPOTENCY_TOKEN;
      const enumValues = traits["smithy.api#enum"] as { value: string }[] | undefined;
      if (enumValues) return enumValues[variant % enumValues.length]!.value;
      const label = traits["smithy.api#httpLabel"] !== undefined;
      if (edge && !label) return "";
      const bound = label || traits["smithy.api#httpQuery"] !== undefined;
      return bound ? `${name}-${ENCODED}` : `${name}-value`;
    }
    case "enum": {
      const values = Object.entries(shape!.members ?? {}).map(
        ([m, v]) => ((v.traits ?? {}) as Traits)["smithy.api#enumValue"] ?? m,
      );
      return values[variant % values.length];
    }
    case "intEnum": {
      const values = Object.values(shape!.members ?? {}).map(
        (v) => ((v.traits ?? {}) as Traits)["smithy.api#enumValue"],
      );
      return values[variant % values.length];
    }
    case "boolean":
      return edge ? false : variant % 2 === 0;
    case "byte":
    case "short":
    case "integer":
    case "long":
    case "bigInteger":
      return edge ? 0 : 7 + variant;
    case "float":
    case "double":
    case "bigDecimal":
      return edge ? 0 : 2.5 + variant;
    case "timestamp":
      return new Date(edge ? 0 : INSTANT.getTime() + variant * 1000);
    case "blob":
      return new TextEncoder().encode(edge ? "" : `${name}-bytes`);
    case "document":
      return edge ? {} : { doc: [1, "two", { three: true }] };
    case "list":
    case "set":
      return edge ? [] : [value(cx, shape!.member!.target, {}, name, stack)];
    case "map":
      return edge ? {} : { [`${name}Key`]: value(cx, shape!.value!.target, {}, name, stack) };
    case "structure":
    case "union":
      return shape ? structure(cx, shape, stack) : {}; // smithy.api#Unit: an empty structure
    default:
      throw new Error(`Cannot synthesize a ${type} (${id})`);
  }
}

/** Adds the idempotency token to a documented input that leaves it out. */
export function withIdempotencyToken(
  model: ServiceModel,
  inputShape: string,
  input: Record<string, unknown>,
): Record<string, unknown> {
  const out = { ...input };
  for (const [name, member] of Object.entries(model.shapes[inputShape]?.members ?? {})) {
    const traits = (member.traits ?? {}) as Traits;
    if (traits["smithy.api#idempotencyToken"] !== undefined && out[name] === undefined) {
      out[name] = IDEMPOTENCY_TOKEN;
    }
  }
  return out;
}
