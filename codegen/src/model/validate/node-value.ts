import type { NodeValue } from "../ast.js";
import type { ValidationContext } from "./context.js";
import { type IndexedShape, namespaceOf } from "./model-index.js";
import { SelectorSyntaxError } from "./selector/index.js";

/**
 * Checks a node value (trait value, default value, enum value) against a shape, the way Smithy's
 * NodeValidationVisitor does: kinds, structure members, union arity, and the constraint traits
 * of the shape and of each member (length, range, pattern, enum values, idRef).
 */

export interface NodeProblem {
  /** Dotted path inside the value (`min`, `0.name`); empty at the root. */
  path: string;
  message: string;
  /** A range violation by the value 0 (Smithy lets @default report these as warnings). */
  zeroRange?: boolean;
  /** A constraint trait (length, range, pattern, required) failed, not the value's kind. */
  constraint?: boolean;
}

type ProblemFlags = Pick<NodeProblem, "zeroRange" | "constraint">;

const INT_BOUNDS: Record<string, [number, number] | undefined> = {
  byte: [-128, 127],
  short: [-32768, 32767],
  integer: [-2147483648, 2147483647],
  intEnum: [-2147483648, 2147483647],
  long: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  bigInteger: undefined,
};

/** Node type names as Smithy prints them. */
export function nodeType(value: NodeValue): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "object") return "object";
  return typeof value;
}

function describe(value: NodeValue): string {
  const type = nodeType(value);
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return `${type} value, \`${value}\``;
  return `${type} value`;
}

export class NodeValidator {
  private readonly problems: NodeProblem[] = [];
  private depth = 0;

  constructor(
    private readonly ctx: ValidationContext,
    /** The shape whose namespace relative idRef values resolve against. */
    private readonly origin: string,
  ) {}

  validate(shape: IndexedShape, value: NodeValue): NodeProblem[] {
    this.visit(shape, value, "");
    return this.problems;
  }

  private report(path: string, message: string, flags: ProblemFlags = {}): void {
    this.problems.push({ path, message, ...flags });
  }

  private visit(shape: IndexedShape, value: NodeValue, path: string): void {
    // Recursive shapes with finite values terminate on the value; this only guards bad input.
    if (this.depth > 64) return;
    this.depth++;
    try {
      this.visitShape(shape, value, path);
    } finally {
      this.depth--;
    }
  }

  private visitShape(shape: IndexedShape, value: NodeValue, path: string): void {
    const index = this.ctx.index;
    if (shape.type === "member") {
      this.constraints(shape, value, path);
      const target = shape.target ? index.get(shape.target) : undefined;
      if (target?.type === "timestamp") this.timestamp(target, value, path, shape);
      else if (target) this.visit(target, value, path);
      return;
    }
    const mismatch = (expected: string) =>
      this.report(
        path,
        `Expected ${expected} value for ${shape.type} shape, \`${shape.id}\`; found ${describe(value)}`,
      );
    switch (shape.type) {
      case "document":
        return;
      case "boolean":
        if (typeof value !== "boolean") {
          mismatch("boolean");
          return;
        }
        break;
      case "string":
      case "enum":
        if (typeof value !== "string") {
          mismatch("string");
          return;
        }
        break;
      case "blob":
        if (typeof value !== "string") {
          mismatch("string");
          return;
        }
        break;
      case "timestamp":
        this.timestamp(shape, value, path);
        return;
      case "byte":
      case "short":
      case "integer":
      case "intEnum":
      case "long":
      case "bigInteger": {
        if (typeof value !== "number") {
          mismatch("number");
          return;
        }
        if (!Number.isInteger(value)) {
          this.report(
            path,
            `${shape.type} shapes must not have floating point values, but found \`${value}\` provided for \`${shape.id}\``,
          );
          return;
        }
        const bounds = INT_BOUNDS[shape.type];
        if (bounds && value < bounds[0]) {
          this.report(path, `${shape.type} value must be > ${bounds[0]}, but found ${value}`);
          return;
        }
        if (bounds && value > bounds[1]) {
          this.report(path, `${shape.type} value must be < ${bounds[1]}, but found ${value}`);
          return;
        }
        break;
      }
      case "float":
      case "double":
      case "bigDecimal":
        if (
          typeof value !== "number" &&
          !(typeof value === "string" && FLOAT_SPECIALS.has(value))
        ) {
          mismatch("number");
          return;
        }
        break;
      case "list":
      case "set": {
        if (!Array.isArray(value)) {
          mismatch("array");
          return;
        }
        this.constraints(shape, value, path);
        const member = index.membersOf(shape)[0];
        if (member) {
          for (let i = 0; i < value.length; i++)
            this.visit(member, value[i], join(path, String(i)));
        }
        return;
      }
      case "map": {
        if (!isObject(value)) {
          mismatch("object");
          return;
        }
        this.constraints(shape, value, path);
        const key = index.memberNamed(shape, "key");
        const val = index.memberNamed(shape, "value");
        for (const [k, v] of Object.entries(value)) {
          if (key) this.visit(key, k, join(path, `${k} (map-key)`));
          if (val) this.visit(val, v, join(path, k));
        }
        return;
      }
      case "structure": {
        if (!isObject(value)) {
          mismatch("object");
          return;
        }
        this.constraints(shape, value, path);
        const members = index.membersOf(shape);
        const byName = new Map(members.map((m) => [m.memberName, m]));
        for (const [k, v] of Object.entries(value)) {
          const member = byName.get(k);
          if (!member)
            this.report(path, `Invalid structure member \`${k}\` found for \`${shape.id}\``);
          else this.visit(member, v, join(path, k));
        }
        for (const member of members) {
          if (
            member.traits["smithy.api#required"] !== undefined &&
            !Object.hasOwn(value, member.memberName!) &&
            member.traits["smithy.api#default"] === undefined
          ) {
            this.report(
              path,
              `Missing required structure member \`${member.memberName}\` for \`${shape.id}\``,
              { constraint: true },
            );
          }
        }
        return;
      }
      case "union": {
        if (!isObject(value)) {
          mismatch("object");
          return;
        }
        const entries = Object.entries(value);
        if (entries.length !== 1) {
          this.report(path, "union values must contain a value for exactly one member");
          return;
        }
        const [[k, v]] = entries;
        const member = index.memberNamed(shape, k);
        if (!member) this.report(path, `Invalid union member \`${k}\` found for \`${shape.id}\``);
        else this.visit(member, v, join(path, k));
        return;
      }
      default:
        this.report(path, `Encountered invalid shape type: ${shape.type}`);
        return;
    }
    this.constraints(shape, value, path);
    if (shape.type === "enum") this.enumValue(shape, value as string, path);
    if (shape.type === "intEnum") this.intEnumValue(shape, value as number, path);
  }

  /** Constraint traits on a shape or member: length, range, pattern, @enum, idRef. */
  private constraints(shape: IndexedShape, value: NodeValue, path: string): void {
    const traits = shape.traits;
    const length = traits["smithy.api#length"];
    if (isObject(length)) {
      const size = sizeOf(shape, value);
      if (size !== undefined) {
        const unit = typeof value === "string" ? "characters" : "elements";
        if (typeof length.min === "number" && size < length.min)
          this.report(
            path,
            `Value provided for \`${shape.id}\` must have at least ${length.min} ${unit}, but the provided value only has ${size} ${unit}`,
            { constraint: true },
          );
        if (typeof length.max === "number" && size > length.max)
          this.report(
            path,
            `Value provided for \`${shape.id}\` must have no more than ${length.max} ${unit}, but the provided value has ${size} ${unit}`,
            { constraint: true },
          );
      }
    }
    const range = traits["smithy.api#range"];
    if (isObject(range) && typeof value === "number") {
      if (typeof range.min === "number" && value < range.min)
        this.report(
          path,
          `Value provided for \`${shape.id}\` must be greater than or equal to ${range.min}, but found ${value}`,
          { zeroRange: value === 0, constraint: true },
        );
      if (typeof range.max === "number" && value > range.max)
        this.report(
          path,
          `Value provided for \`${shape.id}\` must be less than or equal to ${range.max}, but found ${value}`,
          { zeroRange: value === 0, constraint: true },
        );
    }
    const pattern = traits["smithy.api#pattern"];
    if (typeof pattern === "string" && typeof value === "string") {
      const regex = compilePattern(pattern);
      if (regex && !regex.test(value))
        this.report(
          path,
          `String value provided for \`${shape.id}\` must match regular expression: ${pattern}`,
          { constraint: true },
        );
    }
    const legacyEnum = traits["smithy.api#enum"];
    if (Array.isArray(legacyEnum) && typeof value === "string") {
      const allowed = legacyEnum.flatMap((d) =>
        isObject(d) && typeof d.value === "string" ? [d.value] : [],
      );
      if (!allowed.includes(value))
        this.report(
          path,
          `String value provided for \`${shape.id}\` must be one of the following values: \`${allowed.join("`, `")}\``,
          { constraint: true },
        );
    }
    const idRef = traits["smithy.api#idRef"];
    if (idRef !== undefined && typeof value === "string") this.idRef(idRef, value, path);
  }

  /**
   * Timestamps are epoch seconds or strings in the format their @timestampFormat names (the
   * member's, else the shape's); without one, strings must be RFC 3339 date-times.
   */
  private timestamp(shape: IndexedShape, value: NodeValue, path: string, member?: IndexedShape) {
    const format =
      member?.traits["smithy.api#timestampFormat"] ?? shape.traits["smithy.api#timestampFormat"];
    if (typeof value === "number") {
      if (format === "date-time" || format === "http-date")
        this.report(
          path,
          `Invalid number value provided for timestamp, \`${shape.id}\`. Expected a ${format} formatted string`,
        );
    } else if (typeof value === "string") {
      if (format === "epoch-seconds") {
        this.report(
          path,
          `Invalid string value provided for timestamp, \`${shape.id}\`. Expected a number of epoch seconds`,
        );
      } else if (format === "http-date") {
        if (!HTTP_DATE.test(value))
          this.report(
            path,
            `Invalid value provided for http-date formatted timestamp. Expected a string value that matches the IMF-fixdate production of RFC 9110 section-5.6.7. Found: ${value}`,
          );
      } else if (!DATE_TIME.test(value)) {
        this.report(
          path,
          `Invalid string value, \`${value}\`, provided for timestamp, \`${shape.id}\`. Expected an RFC 3339 formatted timestamp (e.g., "1985-04-12T23:20:50.52Z")`,
        );
      }
    } else {
      this.report(
        path,
        `Expected a number or string value for timestamp shape, \`${shape.id}\`; found ${describe(value)}`,
      );
      return;
    }
    this.constraints(shape, value, path);
  }

  private enumValue(shape: IndexedShape, value: string, path: string): void {
    const allowed = this.ctx.index
      .membersOf(shape)
      .map((m) => m.traits["smithy.api#enumValue"] ?? m.memberName)
      .filter((v): v is string => typeof v === "string");
    if (!allowed.includes(value))
      this.report(
        path,
        `String value provided for \`${shape.id}\` must be one of the following values: \`${allowed.join("`, `")}\``,
        { constraint: true },
      );
  }

  private intEnumValue(shape: IndexedShape, value: number, path: string): void {
    const allowed = this.ctx.index
      .membersOf(shape)
      .map((m) => m.traits["smithy.api#enumValue"])
      .filter((v): v is number => typeof v === "number");
    if (!allowed.includes(value))
      this.report(
        path,
        `Integer value provided for \`${shape.id}\` must be one of the following values: \`${allowed.join("`, `")}\`, but found ${value}`,
        { constraint: true },
      );
  }

  /** `@idRef`: the string must be a shape id; optionally it must exist and match a selector. */
  private idRef(config: NodeValue, value: string, path: string): void {
    const settings = isObject(config) ? config : {};
    const custom = typeof settings.errorMessage === "string" ? settings.errorMessage : undefined;
    if (!SHAPE_ID.test(value)) {
      this.report(path, custom ?? `Invalid shape ID: ${value}`);
      return;
    }
    const id = this.resolveId(value);
    const target = id ? this.ctx.index.get(id) : undefined;
    if (!target) {
      if (settings.failWhenMissing === true)
        this.report(path, custom ?? `Shape ID \`${value}\` was not found in the model`);
      return;
    }
    const text = typeof settings.selector === "string" ? settings.selector : "*";
    if (text.trim() === "*") return;
    const selected = this.ctx.select(text);
    if (selected instanceof SelectorSyntaxError) return;
    if (!selected.has(target))
      this.report(
        path,
        custom ??
          `Shape ID \`${target.id}\` does not match selector \`${text}\` (it is a ${target.type} shape)`,
      );
  }

  /** Relative ids resolve to the origin's namespace, then the prelude. */
  private resolveId(value: string): string | undefined {
    if (value.includes("#")) return value;
    const local = `${namespaceOf(this.origin)}#${value}`;
    if (this.ctx.index.get(local)) return local;
    const prelude = `smithy.api#${value}`;
    return this.ctx.index.get(prelude) ? prelude : local;
  }
}

const SHAPE_ID =
  /^([A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*#)?[A-Za-z_][A-Za-z0-9_]*(\$[A-Za-z_][A-Za-z0-9_]*)?$/;
const FLOAT_SPECIALS = new Set(["NaN", "Infinity", "-Infinity"]);
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
const HTTP_DATE =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;

function isObject(value: NodeValue | undefined): value is { [key: string]: NodeValue } {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function join(path: string, segment: string): string {
  return path ? `${path}.${segment}` : segment;
}

/** Length of a value for @length: code points of strings, bytes of blobs, entries otherwise. */
function sizeOf(shape: IndexedShape, value: NodeValue): number | undefined {
  if (typeof value === "string") {
    if (shape.type === "blob") return Buffer.byteLength(value, "utf8");
    return [...value].length;
  }
  if (Array.isArray(value)) return value.length;
  if (isObject(value)) return Object.keys(value).length;
  return undefined;
}

const patternCache = new Map<string, RegExp | null>();

/** Smithy patterns are ECMA 262 regexes, unanchored; `u` mode where it compiles. */
export function compilePattern(pattern: string): RegExp | null {
  let regex = patternCache.get(pattern);
  if (regex === undefined) {
    try {
      regex = new RegExp(pattern, "u");
    } catch {
      try {
        regex = new RegExp(pattern);
      } catch {
        regex = null;
      }
    }
    patternCache.set(pattern, regex);
  }
  return regex;
}
