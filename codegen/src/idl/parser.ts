/**
 * The Smithy IDL parser (smithy.io/2.0/spec/idl.html#idl-grammar): one file in, one ParsedFile
 * out. It follows Smithy's IdlModelLoader statement by statement so that syntax errors land on
 * the same line and column with the same wording. Parsing stops at the first syntax error.
 * Nothing is resolved here except a shape's own id (file namespace + name).
 */
import { type NodeValue, SHAPE_TYPES, type ValidationEvent } from "../model/ast.js";
import type {
  NodeRef,
  ParsedApply,
  ParsedFile,
  ParsedMember,
  ParsedNode,
  ParsedShape,
  ParsedTrait,
  Pos,
  RawId,
  ShapeStatementType,
} from "./parse-result.js";
import { IdlSyntaxError, Tokenizer } from "./tokenizer.js";

const SERVICE_PROPERTIES = new Set(["version", "operations", "resources", "errors", "rename"]);
const RESOURCE_PROPERTIES = new Set([
  "identifiers",
  "properties",
  "create",
  "put",
  "read",
  "update",
  "delete",
  "list",
  "operations",
  "collectionOperations",
  "resources",
]);
const RESOURCE_SINGLE = ["create", "put", "read", "update", "delete", "list"];

/** Parses one IDL file. Syntax errors become an ERROR event (id "Model") in the result. */
export function parseIdl(path: string, text: string): ParsedFile {
  return new Parser(path, text).parse();
}

class Parser {
  private readonly t: Tokenizer;
  private readonly file: ParsedFile;
  private operationInputSuffix = "Input";
  private operationOutputSuffix = "Output";

  constructor(
    readonly path: string,
    text: string,
  ) {
    // A byte-order mark is not part of the model.
    this.t = new Tokenizer(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    this.file = {
      path,
      version: "1.0",
      uses: new Map(),
      metadata: [],
      shapes: [],
      applies: [],
      events: [],
    };
  }

  parse(): ParsedFile {
    this.t.onDroppedDocs = (docs, line, column) => {
      this.file.events.push({
        id: "Model.BadDocumentationComment",
        severity: "WARNING",
        message: `Found documentation comments ('///') attached to nothing. Documentation comments must appear on their own lines, directly before shapes and members, and before any traits. The invalid comments were: ${docs}`,
        location: { file: this.path, line, column },
      });
    };
    try {
      this.t.skipWsAndDocs();
      this.controlSection();
      this.metadataSection();
      this.shapeSection();
      this.t.clearDocs();
    } catch (e) {
      if (!(e instanceof IdlSyntaxError)) throw e;
      this.file.events.push(this.event("ERROR", e.message, e.line, e.column, e.shapeId));
    }
    return this.file;
  }

  private event(
    severity: ValidationEvent["severity"],
    message: string,
    line: number,
    column: number,
    shapeId?: string,
    id = "Model",
  ): ValidationEvent {
    const ev: ValidationEvent = {
      id,
      severity,
      message,
      location: { file: this.path, line, column },
    };
    if (shapeId) ev.shapeId = shapeId;
    return ev;
  }

  private pos(): Pos {
    return { line: this.t.tokenLine, column: this.t.tokenColumn };
  }

  private syntax(detail: string, shapeId?: string, at: Pos = this.pos()): IdlSyntaxError {
    return new IdlSyntaxError(detail, at.line, at.column, shapeId);
  }

  private get v2(): boolean {
    return !this.file.version.startsWith("1");
  }

  // --- control, metadata, namespace, use ------------------------------------------------------

  private controlSection(): void {
    const seen = new Set<string>();
    for (;;) {
      this.t.skipWsAndDocs();
      if (this.t.cur() !== "DOLLAR") break;
      this.t.next();
      this.t.expect("IDENTIFIER", "STRING");
      const key = this.t.cur() === "STRING" ? this.t.stringValue : this.t.lexeme;
      this.t.next();
      this.t.skipSpaces();
      this.t.expect("COLON");
      this.t.next();
      this.t.skipSpaces();
      if (seen.has(key)) throw this.syntax(`Duplicate control statement \`${key}\``);
      seen.add(key);
      const at = this.pos();
      const node = this.node([], []);
      switch (key) {
        case "version":
          this.onVersion(node, at);
          break;
        case "operationInputSuffix":
        case "operationOutputSuffix":
          if (typeof node !== "string") {
            throw this.syntax(`Expected a string value for \`${key}\``, undefined, at);
          }
          if (key === "operationInputSuffix") this.operationInputSuffix = node;
          else this.operationOutputSuffix = node;
          break;
        default:
          this.file.events.push(
            this.event(
              "WARNING",
              `Unknown control statement \`${key}\` with value \`${JSON.stringify(node)}\``,
              at.line,
              at.column,
            ),
          );
      }
      this.t.expectAndSkipBr();
    }
  }

  private onVersion(value: NodeValue, at: Pos): void {
    if (typeof value !== "string") {
      throw this.syntax(
        `The $version control statement must have a string value, but found ${JSON.stringify(value)}`,
        undefined,
        at,
      );
    }
    if (value === "1" || value === "1.0") this.file.version = "1.0";
    else if (value === "2" || value === "2.0") this.file.version = "2.0";
    else throw this.syntax(`Unsupported Smithy version number: ${value}`);
  }

  private metadataSection(): void {
    for (;;) {
      this.t.skipWsAndDocs();
      if (!this.t.isLexeme("metadata")) break;
      const at = this.pos();
      this.t.next();
      this.t.expectAndSkipSpaces();
      this.t.expect("IDENTIFIER", "STRING");
      const key = this.t.cur() === "STRING" ? this.t.stringValue : this.t.lexeme;
      this.t.next();
      this.t.skipSpaces();
      this.t.expect("EQUAL");
      this.t.next();
      this.t.skipSpaces();
      const value = this.parsedNode();
      this.file.metadata.push({ key, value, pos: at });
      this.t.expectAndSkipBr();
    }
  }

  private shapeSection(): void {
    this.t.skipWsAndDocs();
    if (this.t.isLexeme("namespace")) {
      this.t.clearDocs();
      this.t.next();
      this.t.expectAndSkipSpaces();
      this.file.namespace = this.namespace();
      this.t.expectAndSkipBr();
      this.useSection();
      this.shapeStatements();
    } else if (this.t.cur() !== "EOF") {
      throw this.syntax(`Expected a namespace definition but found ${this.t.found()}`);
    }
  }

  private namespace(): string {
    this.t.expect("IDENTIFIER");
    let ns = this.t.lexeme;
    this.t.next();
    while (this.t.cur() === "DOT") {
      this.t.next();
      this.t.expect("IDENTIFIER");
      ns += `.${this.t.lexeme}`;
      this.t.next();
    }
    return ns;
  }

  private useSection(): void {
    for (;;) {
      this.t.skipWsAndDocs();
      if (!this.t.isLexeme("use")) break;
      this.t.next();
      this.t.expectAndSkipSpaces();
      const at = this.pos();
      let id = `${this.namespace()}`;
      this.t.expect("POUND");
      this.t.next();
      this.t.expect("IDENTIFIER");
      id += `#${this.t.lexeme}`;
      const name = this.t.lexeme;
      this.t.next();
      if (this.t.cur() === "DOLLAR")
        throw this.syntax("Use statements cannot use members", undefined, at);
      const existing = this.file.uses.get(name);
      if (existing && existing.id !== id) {
        throw this.syntax(
          `Cannot use name \`${id}\` because it conflicts with \`${existing.id}\``,
          undefined,
          at,
        );
      }
      this.file.uses.set(name, { id, pos: at });
      this.t.expectAndSkipBr();
    }
  }

  // --- shape ids ---------------------------------------------------------------------------------

  /** shape_id: namespace-or-identifier ["#" identifier] ["$" identifier], no whitespace inside. */
  private shapeId(): RawId {
    const pos = this.pos();
    let id = this.namespace();
    if (this.t.cur() === "POUND") {
      this.t.next();
      this.t.expect("IDENTIFIER");
      id += `#${this.t.lexeme}`;
      this.t.next();
    }
    if (this.t.cur() === "DOLLAR") {
      this.t.next();
      this.t.expect("IDENTIFIER");
      id += `$${this.t.lexeme}`;
      this.t.next();
    }
    return { id, pos };
  }

  private absolute(name: string): string {
    return `${this.file.namespace}#${name}`;
  }

  // --- node values -------------------------------------------------------------------------------

  private parsedNode(): ParsedNode {
    const refs: NodeRef[] = [];
    const pos = this.pos();
    const value = this.node(refs, []);
    return { value, refs, pos };
  }

  /** node_value; unquoted shape ids are recorded in `refs` (their value is fixed up later). */
  private node(refs: NodeRef[], path: (string | number)[]): NodeValue {
    const kind = this.t.expect(
      "STRING",
      "TEXT_BLOCK",
      "NUMBER",
      "IDENTIFIER",
      "LBRACE",
      "LBRACKET",
    );
    switch (kind) {
      case "STRING":
      case "TEXT_BLOCK": {
        const s = this.t.stringValue;
        this.t.next();
        return s;
      }
      case "NUMBER": {
        const n = this.t.numberValue;
        this.t.next();
        return n;
      }
      case "IDENTIFIER":
        return this.identifierNode(refs, path);
      case "LBRACE":
        return this.objectNode(refs, path);
      default:
        return this.arrayNode(refs, path);
    }
  }

  private identifierNode(refs: NodeRef[], path: (string | number)[]): NodeValue {
    const raw = this.shapeId();
    if (raw.id === "true") return true;
    if (raw.id === "false") return false;
    if (raw.id === "null") return null;
    refs.push({ path: path.slice(), raw: raw.id, pos: raw.pos });
    return raw.id;
  }

  private objectNode(refs: NodeRef[], path: (string | number)[]): NodeValue {
    const obj: Record<string, NodeValue> = {};
    this.t.next();
    this.t.skipWsAndDocs();
    for (;;) {
      if (this.t.expect("RBRACE", "STRING", "IDENTIFIER") === "RBRACE") break;
      const keyPos = this.pos();
      const key = this.t.cur() === "STRING" ? this.t.stringValue : this.t.lexeme;
      this.t.next();
      this.t.skipWsAndDocs();
      this.t.expect("COLON");
      this.t.next();
      this.t.skipWsAndDocs();
      if (Object.hasOwn(obj, key))
        throw this.syntax(`Duplicate member in object: \`${key}\``, undefined, keyPos);
      path.push(key);
      obj[key] = this.node(refs, path);
      path.pop();
      this.t.skipWsAndDocs();
    }
    this.t.next();
    return obj;
  }

  private arrayNode(refs: NodeRef[], path: (string | number)[]): NodeValue {
    const arr: NodeValue[] = [];
    this.t.next();
    this.t.skipWsAndDocs();
    while (this.t.cur() !== "RBRACKET") {
      path.push(arr.length);
      arr.push(this.node(refs, path));
      path.pop();
      this.t.skipWsAndDocs();
    }
    this.t.next();
    return arr;
  }

  // --- traits ------------------------------------------------------------------------------------

  /**
   * Doc comments, then traits, before a shape or member. Docs after a member's traits are
   * dropped here; after a shape's traits they are dropped at its `{` or line break (as Smithy).
   */
  private docsAndTraits(member = false): ParsedTrait[] {
    this.t.skipWsAndDocs();
    const docPos = { line: this.t.docLine, column: this.t.docColumn };
    const docs = this.t.takeDocs();
    const traits = this.traits();
    if (docs !== undefined) {
      traits.push({
        name: { id: "smithy.api#documentation", pos: docPos },
        value: { value: docs, refs: [], pos: docPos },
        annotation: false,
        docComment: true,
      });
    }
    this.t.skipWsAndDocs();
    if (member) this.t.clearDocs();
    return traits;
  }

  private traits(): ParsedTrait[] {
    const traits: ParsedTrait[] = [];
    while (this.t.cur() === "AT") {
      traits.push(this.trait());
      this.t.skipWsAndDocs();
    }
    return traits;
  }

  private trait(): ParsedTrait {
    const at = this.pos();
    this.t.next();
    const name = this.shapeId();
    name.pos = at;
    if (this.t.cur() !== "LPAREN") {
      return { name, value: { value: null, refs: [], pos: at }, annotation: true };
    }
    this.t.next();
    this.t.skipWsAndDocs();
    if (this.t.cur() === "RPAREN") {
      this.t.next();
      return { name, value: { value: null, refs: [], pos: at }, annotation: true };
    }
    const kind = this.t.expect(
      "LBRACE",
      "LBRACKET",
      "TEXT_BLOCK",
      "STRING",
      "NUMBER",
      "IDENTIFIER",
    );
    const valuePos = this.pos();
    const refs: NodeRef[] = [];
    if (kind === "STRING" || kind === "IDENTIFIER") {
      const keyText = kind === "STRING" ? this.t.stringValue : undefined;
      const first = this.node(refs, []);
      this.t.skipWsAndDocs();
      const plainKey =
        kind === "STRING" ||
        (refs.length === 1 && /^[A-Za-z_][A-Za-z0-9_]*$/.test(refs[0]?.raw ?? "")) ||
        typeof first === "boolean" ||
        first === null;
      if (this.t.cur() === "COLON" && plainKey) {
        const key = keyText ?? (refs.length === 1 ? (refs[0] as NodeRef).raw : String(first));
        refs.length = 0;
        return { name, value: this.structuredTrait(key, refs, valuePos), annotation: false };
      }
      if (this.t.cur() !== "RPAREN" && kind === "IDENTIFIER" && plainKey) this.t.expect("COLON");
      this.t.expect("RPAREN");
      this.t.next();
      return { name, value: { value: first, refs, pos: valuePos }, annotation: false };
    }
    const value = this.node(refs, []);
    this.t.skipWsAndDocs();
    this.t.expect("RPAREN");
    this.t.next();
    return { name, value: { value, refs, pos: valuePos }, annotation: false };
  }

  /** trait_structure: `key: value, ...` up to the closing parenthesis. */
  private structuredTrait(firstKey: string, refs: NodeRef[], pos: Pos): ParsedNode {
    const obj: Record<string, NodeValue> = {};
    let key = firstKey;
    for (;;) {
      this.t.expect("COLON");
      this.t.next();
      this.t.skipWsAndDocs();
      obj[key] = this.node(refs, [key]);
      this.t.skipWsAndDocs();
      if (this.t.cur() === "RPAREN") break;
      this.t.expect("IDENTIFIER", "STRING");
      const keyPos = this.pos();
      key = this.t.cur() === "STRING" ? this.t.stringValue : this.t.lexeme;
      if (Object.hasOwn(obj, key))
        throw this.syntax(`Duplicate member in object: \`${key}\``, undefined, keyPos);
      this.t.next();
      this.t.skipWsAndDocs();
    }
    this.t.next();
    return { value: obj, refs, pos };
  }

  // --- shape statements --------------------------------------------------------------------------

  private shapeStatements(): void {
    for (;;) {
      // Doc comments left at the end of the file stay pending and are reported as dangling.
      this.t.skipWsAndDocs();
      if (this.t.cur() === "EOF") break;
      const traits = this.docsAndTraits();
      // Doc comments at the end of the file document nothing; traits there are an error.
      if (this.t.cur() === "EOF" && traits.every((t) => t.docComment)) break;
      this.shapeOrApply(traits);
    }
  }

  private shapeOrApply(traits: ParsedTrait[]): void {
    const at = this.pos();
    this.t.expect("IDENTIFIER");
    const word = this.t.lexeme;
    if (word === "apply") {
      // Doc comments before `apply` document nothing; traits there are an error.
      if (traits.some((t) => !t.docComment)) throw this.syntax("Traits applied to apply statement");
      this.apply();
      return;
    }
    if (!SHAPE_TYPES.has(word)) throw this.syntax(`Unknown shape type: ${word}`);
    let type = word as ShapeStatementType;
    if (type === "set" && this.v2)
      throw this.syntax("set shapes cannot be used in Smithy version 2.0");
    if ((type === "enum" || type === "intEnum") && !this.v2) {
      throw this.syntax(`${type} shapes cannot be used in Smithy version ${this.file.version}`);
    }
    this.t.next();
    this.t.expectAndSkipSpaces();
    const namePos = this.pos();
    this.t.expect("IDENTIFIER");
    const name = this.t.lexeme;
    const id = this.absolute(name);
    const imported = this.file.uses.get(name);
    if (imported) {
      throw this.syntax(
        `Shape name \`${name}\` conflicts with imported shape \`${imported.id}\``,
        id,
        namePos,
      );
    }
    this.t.next();
    if (type === "set") {
      type = "list";
      traits.push({
        name: { id: "smithy.api#uniqueItems", pos: at },
        value: { value: {}, refs: [], pos: at },
        annotation: false,
      });
    }
    const shape: ParsedShape = {
      id,
      type,
      pos: at,
      traits,
      mixins: [],
      members: [],
      refs: {},
      refLists: {},
      refMaps: {},
    };
    switch (type) {
      case "enum":
      case "intEnum":
        this.mixins(shape);
        this.enumBody(shape);
        break;
      case "list":
      case "map":
      case "union":
      case "structure":
        this.forResource(shape);
        this.mixins(shape);
        this.members(shape);
        break;
      case "operation":
        this.mixins(shape);
        this.operationBody(shape);
        break;
      case "service":
        this.mixins(shape);
        this.serviceBody(shape);
        break;
      case "resource":
        this.mixins(shape);
        this.resourceBody(shape);
        break;
      default:
        this.mixins(shape);
    }
    if (word === "set") shape.setSyntax = true;
    this.file.shapes.push(shape);
    this.t.expectAndSkipBr();
  }

  private forResource(shape: ParsedShape): void {
    this.t.skipSpaces();
    if (!this.t.isLexeme("for")) return;
    if (!this.v2) {
      throw this.syntax(
        `${shape.type === "structure" ? "Structures" : "Shapes"} can only be bound to resources with Smithy version 2 or later. Attempted to bind a structure to a resource with version \`${this.file.version}\`.`,
        shape.id,
      );
    }
    this.t.next();
    this.t.expectAndSkipSpaces();
    shape.forResource = this.shapeId();
  }

  private mixins(shape: ParsedShape): void {
    this.t.skipSpaces();
    if (!this.t.isLexeme("with")) return;
    if (!this.v2) {
      throw this.syntax(
        `Mixins can only be used with Smithy version 2 or later. Attempted to use mixins with version \`${this.file.version}\`.`,
        shape.id,
      );
    }
    this.t.next();
    this.t.skipWsAndDocs();
    this.t.expect("LBRACKET");
    this.t.next();
    this.t.skipWsAndDocs();
    do {
      shape.mixins.push(this.shapeId());
      this.t.skipWsAndDocs();
    } while (this.t.cur() !== "RBRACKET");
    this.t.next();
  }

  private members(shape: ParsedShape): void {
    this.t.skipWsAndDocs();
    this.t.expect("LBRACE");
    // Doc comments between the shape name and `{` document nothing.
    this.t.clearDocs();
    this.t.next();
    this.t.skipWsAndDocs();
    const defined = new Set<string>();
    while (this.t.cur() !== "EOF" && this.t.cur() !== "RBRACE") {
      this.member(shape, defined);
      this.t.skipWsAndDocs();
    }
    this.t.expect("RBRACE");
    this.t.next();
  }

  private member(shape: ParsedShape, defined: Set<string>): void {
    const traits = this.docsAndTraits(true);
    const at = this.pos();
    const elided = this.t.cur() === "DOLLAR";
    if (elided) this.t.next();
    this.t.expect("IDENTIFIER");
    const name = this.t.lexeme;
    if (defined.has(name)) {
      throw this.syntax(`Duplicate member of \`${shape.id}\`: '${name}'`, shape.id);
    }
    defined.add(name);
    if (elided && !this.v2) {
      throw this.syntax(
        "Members can only elide targets in IDL version 2 or later",
        `${shape.id}$${name}`,
      );
    }
    this.t.next();
    const member: ParsedMember = { name, traits, pos: at };
    if (!elided) {
      this.t.skipSpaces();
      this.t.expect("COLON");
      this.t.next();
      this.t.skipSpaces();
      member.target = this.shapeId();
    }
    this.t.skipSpaces();
    if (this.t.cur() === "EQUAL") {
      if (!this.v2)
        throw this.syntax("@default assignment is only supported in IDL version 2 or later");
      const eq = this.pos();
      this.t.next();
      this.t.skipSpaces();
      const value = this.parsedNode();
      traits.push({ name: { id: "smithy.api#default", pos: eq }, value, annotation: false });
      this.t.expectAndSkipBr();
    }
    shape.members.push(member);
  }

  private enumBody(shape: ParsedShape): void {
    this.t.skipWsAndDocs();
    this.t.expect("LBRACE");
    // Doc comments between the shape name and `{` document nothing.
    this.t.clearDocs();
    this.t.next();
    this.t.skipWsAndDocs();
    const defined = new Set<string>();
    while (this.t.cur() !== "EOF" && this.t.cur() !== "RBRACE") {
      const traits = this.docsAndTraits(true);
      const at = this.pos();
      this.t.expect("IDENTIFIER");
      const name = this.t.lexeme;
      if (defined.has(name)) {
        throw this.syntax(`Found conflicting member name, \`${name}\``, shape.id);
      }
      defined.add(name);
      this.t.next();
      this.t.skipSpaces();
      if (this.t.cur() === "EQUAL") {
        const eq = this.pos();
        this.t.next();
        this.t.skipSpaces();
        const value = this.parsedNode();
        traits.push({ name: { id: "smithy.api#enumValue", pos: eq }, value, annotation: false });
        this.t.expectAndSkipBr();
      } else {
        this.t.skipWs();
      }
      shape.members.push({
        name,
        target: { id: "smithy.api#Unit", pos: at },
        traits,
        pos: at,
      });
      this.t.skipWsAndDocs();
    }
    this.t.expect("RBRACE");
    this.t.next();
  }

  private operationBody(shape: ParsedShape): void {
    this.t.skipWsAndDocs();
    this.t.expect("LBRACE");
    this.t.clearDocs();
    this.t.next();
    this.t.skipWsAndDocs();
    const seen = new Set<string>();
    while (this.t.cur() !== "EOF" && this.t.cur() !== "RBRACE") {
      this.t.expect("IDENTIFIER");
      const key = this.t.lexeme;
      if (seen.has(key)) {
        throw this.syntax(`Duplicate operation ${key} property for \`${shape.id}\``, shape.id);
      }
      seen.add(key);
      const keyPos = this.pos();
      this.t.next();
      this.t.skipWsAndDocs();
      switch (key) {
        case "input":
        case "output": {
          const tok = this.t.expect("COLON", "WALRUS");
          const walrusPos = this.pos();
          this.t.next();
          shape.refs[key] = this.inlineable(shape, key, tok === "WALRUS", walrusPos);
          break;
        }
        case "errors":
          this.t.expect("COLON");
          this.t.next();
          this.t.skipWsAndDocs();
          shape.refLists.errors = this.idList();
          break;
        default:
          throw this.syntax(`Unknown property ${key} for ${shape.id}`, shape.id, keyPos);
      }
      this.t.expectAndSkipWhitespace();
      this.t.skipWsAndDocs();
    }
    this.t.expect("RBRACE");
    this.t.next();
  }

  private inlineable(
    operation: ParsedShape,
    key: "input" | "output",
    walrus: boolean,
    walrusPos: Pos,
  ): RawId {
    if (!walrus) {
      this.t.skipWsAndDocs();
      return this.shapeId();
    }
    if (!this.v2) {
      throw this.syntax(
        `Inlined operation inputs and outputs can only be used with Smithy version 2 or later. Attempted to use inlined IO with version \`${this.file.version}\`.`,
        operation.id,
        walrusPos,
      );
    }
    // Docs before the walrus document nothing; docs after it document the inline structure.
    this.t.clearDocs();
    this.t.skipWs();
    const traits = this.docsAndTraits();
    const name = operation.id.slice(operation.id.indexOf("#") + 1);
    const suffix = key === "input" ? this.operationInputSuffix : this.operationOutputSuffix;
    const at = this.pos();
    traits.push({
      name: { id: `smithy.api#${key}`, pos: at },
      value: { value: {}, refs: [], pos: at },
      annotation: false,
    });
    const shape: ParsedShape = {
      id: this.absolute(name + suffix),
      type: "structure",
      pos: at,
      traits,
      mixins: [],
      members: [],
      refs: {},
      refLists: {},
      refMaps: {},
    };
    this.forResource(shape);
    this.mixins(shape);
    this.members(shape);
    this.file.shapes.push(shape);
    return { id: shape.id, pos: at };
  }

  private idList(): RawId[] {
    this.t.expect("LBRACKET");
    this.t.next();
    this.t.skipWsAndDocs();
    const ids: RawId[] = [];
    while (this.t.cur() !== "RBRACKET") {
      ids.push(this.shapeId());
      this.t.skipWsAndDocs();
    }
    this.t.next();
    return ids;
  }

  /** Services and resources are written as a node object; its values name shapes. */
  private objectBody(shape: ParsedShape, allowed: Set<string>): Record<string, NodeValue> {
    this.t.skipWsAndDocs();
    this.t.expect("LBRACE");
    this.t.clearDocs();
    const refs: NodeRef[] = [];
    const pos = this.pos();
    const body = this.node(refs, []) as Record<string, NodeValue>;
    this.refsById = new Map(refs.map((r) => [r.path.join("\u0000"), r]));
    this.bodyPos = pos;
    for (const key of Object.keys(body)) {
      if (!allowed.has(key)) {
        this.file.events.push(
          this.event(
            "WARNING",
            `Expected ${shape.type} \`${shape.id}\` to have only the following properties: [${[...allowed].join(", ")}], but found \`${key}\``,
            pos.line,
            pos.column,
            shape.id,
          ),
        );
      }
    }
    return body;
  }

  private refsById = new Map<string, NodeRef>();
  private bodyPos: Pos = { line: 1, column: 1 };

  /** A shape id in a service/resource body: a bare identifier or a quoted string. */
  private idAt(value: NodeValue, path: (string | number)[], shape: ParsedShape): RawId {
    const ref = this.refsById.get(path.join("\u0000"));
    if (typeof value !== "string") {
      throw this.syntax(
        `Expected \`${path.join(".")}\` of \`${shape.id}\` to be a shape id, but found ${JSON.stringify(value)}`,
        shape.id,
        ref?.pos ?? this.bodyPos,
      );
    }
    return { id: value, pos: ref?.pos ?? this.bodyPos };
  }

  private idListAt(body: Record<string, NodeValue>, key: string, shape: ParsedShape): void {
    const value = body[key];
    if (value === undefined) return;
    if (!Array.isArray(value)) {
      throw this.syntax(
        `Expected \`${key}\` of \`${shape.id}\` to be an array`,
        shape.id,
        this.bodyPos,
      );
    }
    shape.refLists[key] = value.map((v, i) => this.idAt(v, [key, i], shape));
  }

  private idMapAt(body: Record<string, NodeValue>, key: string, shape: ParsedShape): void {
    const value = body[key];
    if (value === undefined) return;
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      throw this.syntax(
        `Expected \`${key}\` of \`${shape.id}\` to be an object`,
        shape.id,
        this.bodyPos,
      );
    }
    const map: Record<string, RawId> = {};
    for (const [k, v] of Object.entries(value)) map[k] = this.idAt(v, [key, k], shape);
    shape.refMaps[key] = map;
  }

  private serviceBody(shape: ParsedShape): void {
    const body = this.objectBody(shape, SERVICE_PROPERTIES);
    if (typeof body.version === "string") shape.version = body.version;
    for (const key of ["operations", "resources", "errors"]) this.idListAt(body, key, shape);
    const rename = body.rename;
    if (rename && typeof rename === "object" && !Array.isArray(rename)) {
      shape.rename = Object.entries(rename).map(([from, to]) => ({
        from: { id: from, pos: this.bodyPos },
        to: String(to),
      }));
    }
  }

  private resourceBody(shape: ParsedShape): void {
    const body = this.objectBody(shape, RESOURCE_PROPERTIES);
    for (const key of RESOURCE_SINGLE) {
      if (body[key] !== undefined) shape.refs[key] = this.idAt(body[key], [key], shape);
    }
    for (const key of ["operations", "collectionOperations", "resources"])
      this.idListAt(body, key, shape);
    this.idMapAt(body, "identifiers", shape);
    if (body.properties !== undefined && !this.v2) {
      const ref = this.refsById.get("properties");
      this.file.events.push(
        this.event(
          "ERROR",
          `Resource properties can only be used with Smithy version 2 or later. Attempted to use resource properties with version \`${this.file.version}\`.`,
          ref?.pos.line ?? this.bodyPos.line,
          ref?.pos.column ?? this.bodyPos.column,
          shape.id,
        ),
      );
    }
    this.idMapAt(body, "properties", shape);
  }

  // --- apply -------------------------------------------------------------------------------------

  private apply(): void {
    const at = this.pos();
    this.t.next();
    this.t.expectAndSkipWhitespace();
    const target = this.shapeId();
    // Block form: `apply X { @a @b }`; single form: `apply X @a`.
    this.t.expectAndSkipWhitespace();
    const kind = this.t.expect("AT", "LBRACE");
    let traits: ParsedTrait[];
    if (kind === "AT") {
      traits = [this.trait()];
    } else {
      this.t.next();
      this.t.skipWsAndDocs();
      traits = this.traits();
      this.t.skipWsAndDocs();
      this.t.expect("RBRACE");
      this.t.next();
    }
    const apply: ParsedApply = { target, traits, pos: at };
    this.file.applies.push(apply);
    this.t.expectAndSkipBr();
  }
}
