import type { AstShape, MemberShape, NodeValue, Traits } from "../../model/ast.js";
import { type DocLocation, type Repair, TranscribeError } from "../transcribed.js";
import type { Block } from "./members.js";
import { enumMemberName, enumName, listName, mapName } from "./naming.js";
import { parseConstraints, parseType, type TypeExpr } from "./types.js";

/**
 * The shape table the assembly fills: named shapes in docs order with their source locations,
 * the generated helper shapes (enums, lists, maps, deduplicated by content), and the repairs.
 */
export class ShapeTable {
  readonly shapes: Record<string, AstShape> = {};
  readonly helpers: Record<string, AstShape> = {};
  readonly sources: Record<string, DocLocation> = {};
  readonly repairs: Repair[] = [];
  /** Enum ids by their value list, so the same valid values make one enum. */
  private readonly enumsByValues = new Map<string, string>();

  constructor(
    readonly namespace: string,
    readonly file: string,
    /** Names of the data types the docs define. */
    readonly dataTypes: ReadonlySet<string>,
  ) {}

  id(name: string): string {
    return `${this.namespace}#${name}`;
  }

  add(name: string, shape: AstShape, line: number): string {
    const id = this.id(name);
    if (this.shapes[id] || this.helpers[id]) {
      throw new TranscribeError({ file: this.file, line }, `shape "${name}" is defined twice`);
    }
    this.shapes[id] = shape;
    this.sources[id] = { file: this.file, line };
    return id;
  }

  get(id: string): AstShape | undefined {
    return this.shapes[id] ?? this.helpers[id];
  }

  repair(line: number, subject: string, printed: string, used: string, why: string): void {
    this.repairs.push({ file: this.file, line, subject, printed, used, why });
  }

  /**
   * A structure from member blocks. `dataTypeOwner` is the data type's name when the structure
   * is one (it names enums of generic members), undefined for operation inputs and outputs.
   */
  structure(
    name: string,
    blocks: Block[],
    docs: string | undefined,
    line: number,
    dataTypeOwner?: string,
  ): string {
    const members: Record<string, MemberShape> = {};
    const id = this.id(name);
    for (const b of blocks) {
      if (members[b.name]) {
        throw new TranscribeError(
          { file: this.file, line: b.line.n },
          `member "${b.name}" of ${name} is documented twice`,
        );
      }
      members[b.name] = this.member(b, name, dataTypeOwner);
      this.sources[`${id}$${b.name}`] = { file: this.file, line: b.line.n };
    }
    const traits: Traits = {};
    if (docs) traits["smithy.api#documentation"] = docs;
    return this.add(name, { type: "structure", members, ...(docs ? { traits } : {}) }, line);
  }

  private member(b: Block, owner: string, dataTypeOwner: string | undefined): MemberShape {
    const typeField = b.fields.get("Type")!;
    const type = parseType(typeField.value, typeField, this.file);
    const c = parseConstraints(b, type, this.file);
    const target = this.target(type, b, owner, dataTypeOwner, c.enumValues, c.element);
    const traits: Traits = { ...c.member };
    if (b.documentation) traits["smithy.api#documentation"] = b.documentation;
    return Object.keys(traits).length > 0 ? { target, traits: order(traits) } : { target };
  }

  private target(
    type: TypeExpr,
    b: Block,
    owner: string,
    dataTypeOwner: string | undefined,
    enumValues: string[] | undefined,
    elementTraits: Traits,
  ): string {
    switch (type.kind) {
      case "simple":
        if (enumValues) {
          if (type.name !== "String") {
            throw new TranscribeError(
              { file: this.file, line: b.line.n },
              `valid values on a ${type.name}`,
            );
          }
          return this.enumShape(enumValues, enumName(b.name, dataTypeOwner), owner, b.line.n);
        }
        return `smithy.api#${type.name}`;
      case "ref":
        if (!this.dataTypes.has(type.name)) {
          throw new TranscribeError(
            { file: this.file, line: b.fields.get("Type")!.line.n },
            `type "${type.name}" is referenced and nowhere defined`,
          );
        }
        return this.id(type.name);
      case "list": {
        if (type.member.kind === "list" || type.member.kind === "map") {
          throw new TranscribeError(
            { file: this.file, line: b.line.n },
            "nested collections are not supported",
          );
        }
        const element = this.target(type.member, b, owner, dataTypeOwner, enumValues, {});
        const elementName =
          type.member.kind === "simple" && !enumValues ? undefined : element.split("#")[1];
        const member: MemberShape = Object.keys(elementTraits).length
          ? { target: element, traits: order(elementTraits) }
          : { target: element };
        return this.helper(
          listName(elementName, b.name),
          { type: "list", member },
          owner,
          b.line.n,
        );
      }
      case "map": {
        const key = this.target(type.key, b, owner, dataTypeOwner, undefined, {});
        const value = this.target(type.value, b, owner, dataTypeOwner, undefined, {});
        return this.helper(
          mapName(key.split("#")[1], value.split("#")[1]),
          { type: "map", key: { target: key }, value: { target: value } },
          owner,
          b.line.n,
        );
      }
    }
  }

  private enumShape(values: string[], name: string, owner: string, line: number): string {
    const key = JSON.stringify(values);
    const known = this.enumsByValues.get(key);
    if (known) return known;
    const members: Record<string, MemberShape> = {};
    for (const v of values) {
      const m = enumMemberName(v);
      if (members[m])
        throw new TranscribeError(
          { file: this.file, line },
          `valid values "${v}" and another both name enum member ${m}`,
        );
      members[m] = { target: "smithy.api#Unit", traits: { "smithy.api#enumValue": v } };
    }
    const id = this.helper(name, { type: "enum", members }, owner, line);
    this.enumsByValues.set(key, id);
    return id;
  }

  /** A generated shape: reused when an identical one exists, renamed with its owner when not. */
  private helper(name: string, shape: AstShape, owner: string, line: number): string {
    for (const candidate of [name, `${owner}${name}`]) {
      const id = this.id(candidate);
      const existing = this.get(id);
      if (!existing) {
        this.helpers[id] = shape;
        this.sources[id] = { file: this.file, line };
        return id;
      }
      if (JSON.stringify(existing) === JSON.stringify(shape)) return id;
    }
    throw new TranscribeError(
      { file: this.file, line },
      `no free name for the shape "${name}" of ${owner}`,
    );
  }

  /** Whether a sample value fits a shape: known members, and JSON types the shapes allow. */
  conforms(value: NodeValue, target: string): boolean {
    if (target.startsWith("smithy.api#")) {
      const t = target.slice("smithy.api#".length);
      if (t === "String") return typeof value === "string";
      if (t === "Boolean") return typeof value === "boolean";
      if (t === "Timestamp") return typeof value === "number" || typeof value === "string";
      if (t === "Document") return true;
      return typeof value === "number";
    }
    const shape = this.get(target);
    if (!shape) return false;
    switch (shape.type) {
      case "enum":
        return typeof value === "string";
      case "list":
        return Array.isArray(value) && value.every((v) => this.conforms(v, shape.member!.target));
      case "map":
        return (
          isObject(value) &&
          Object.values(value).every((v) => this.conforms(v, shape.value!.target))
        );
      case "structure":
        return (
          isObject(value) &&
          Object.entries(value).every(
            ([k, v]) =>
              shape.members?.[k] !== undefined && this.conforms(v, shape.members[k].target),
          )
        );
      default:
        return false;
    }
  }
}

function isObject(v: NodeValue): v is { [key: string]: NodeValue } {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Traits in a fixed order (required, constraints, documentation) for readable output. */
function order(traits: Traits): Traits {
  const rank = (k: string) =>
    ["smithy.api#required", "smithy.api#length", "smithy.api#range", "smithy.api#pattern"].indexOf(
      k,
    );
  const keys = Object.keys(traits).sort(
    (a, b) => (rank(a) < 0 ? 99 : rank(a)) - (rank(b) < 0 ? 99 : rank(b)),
  );
  return Object.fromEntries(keys.map((k) => [k, traits[k]]));
}
