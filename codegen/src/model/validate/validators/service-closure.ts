import type { Severity } from "../../ast.js";
import { nodeEquals as sameNode } from "../../node-equality.js";
import type { ValidationContext } from "../context.js";
import type { IndexedShape } from "../model-index.js";

/**
 * Service: shape names in a service closure are case-insensitively unique (after `rename`).
 * Conflicts between identical simple shapes are a NOTE, identical lists a WARNING, else ERROR.
 */
const SIMPLE = new Set([
  "blob",
  "boolean",
  "document",
  "string",
  "enum",
  "timestamp",
  "byte",
  "short",
  "integer",
  "intEnum",
  "long",
  "float",
  "double",
  "bigDecimal",
  "bigInteger",
]);
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function validateServiceClosures(ctx: ValidationContext): void {
  for (const service of ctx.index.shapes.values()) {
    if (service.type === "service") validateService(ctx, service);
  }
}

function validateService(ctx: ValidationContext, service: IndexedShape): void {
  const rename = (service.ast.rename ?? {}) as Record<string, string>;
  const closure = ctx.closure(service);
  const byName = new Map<string, string[]>();
  for (const shape of closure.values()) {
    // The unit type is not a named shape of the service (a local `Unit` does not conflict).
    if (shape.type === "member" || shape.id === "smithy.api#Unit") continue;
    const name = (rename[shape.id] ?? shape.id.slice(shape.id.indexOf("#") + 1)).toLowerCase();
    const ids = byName.get(name);
    if (ids) ids.push(shape.id);
    else byName.set(name, [shape.id]);
  }
  const detector = new ConflictDetector(ctx);
  for (const ids of byName.values()) {
    if (ids.length < 2) continue;
    ids.sort();
    for (const subjectId of ids) {
      for (const otherId of ids) {
        if (otherId === subjectId) continue;
        const subject = ctx.index.get(subjectId)!;
        const severity = detector.detect(subject, ctx.index.get(otherId)!);
        if (!severity) continue;
        const renamed = rename[subjectId];
        const otherRenamed = rename[otherId];
        const must = severity === "ERROR" || severity === "DANGER" ? "must" : "should";
        ctx.emit(
          "Service",
          severity,
          subjectId,
          `${renamed ? `Renamed shape name "${renamed}"` : `Shape name \`${subjectId}\``} conflicts with \`${otherId}\` ${otherRenamed ? `(renamed to "${otherRenamed}") ` : ""}in the \`${service.id}\` service closure. Shapes in the closure of a service ${must} have case-insensitively unique names regardless of their namespaces. Use the \`rename\` property of the service to disambiguate shape names.`,
        );
      }
    }
  }
  for (const [from, to] of Object.entries(rename)) {
    if (!IDENTIFIER.test(to)) {
      ctx.emit(
        "Service",
        "ERROR",
        service.id,
        `Service attempts to rename \`${from}\` to an invalid identifier, "${to}"`,
      );
    } else if (to === from.slice(from.indexOf("#") + 1)) {
      ctx.emit(
        "Service",
        "ERROR",
        service.id,
        `Service rename for \`${from}\` does not actually change the name from \`${to}\``,
      );
    }
    const shape = closure.get(from);
    if (!shape) {
      ctx.emit(
        "Service",
        "ERROR",
        service.id,
        `Service attempts to rename a shape not in the service: ${from}`,
      );
      continue;
    }
    const reason =
      shape.type === "member" || shape.type === "resource" || shape.type === "operation"
        ? `${shape.type}s cannot be renamed`
        : shape.traits["smithy.api#error"] !== undefined
          ? "errors cannot be renamed"
          : undefined;
    if (reason)
      ctx.emit(
        "Service",
        "ERROR",
        service.id,
        `Service attempts to rename a ${shape.type} shape from \`${from}\` to "${to}"; ${reason}`,
      );
  }
}

class ConflictDetector {
  private readonly cache = new Map<string, Severity | undefined>();

  constructor(private readonly ctx: ValidationContext) {}

  detect(a: IndexedShape | undefined, b: IndexedShape | undefined): Severity | undefined {
    if (!a || !b) return undefined;
    const key = a.id < b.id ? `${a.id} ${b.id}` : `${b.id} ${a.id}`;
    if (this.cache.has(key)) return this.cache.get(key);
    const result = this.conflict(a, b);
    this.cache.set(key, result);
    return result;
  }

  private conflict(a: IndexedShape, b: IndexedShape): Severity | undefined {
    if (forbidden(a) || forbidden(b) || a.type !== b.type || !sameTraits(a, b)) return "ERROR";
    let member: Severity | undefined;
    if (a.type === "member") {
      member = this.detect(
        a.target ? this.ctx.index.get(a.target) : undefined,
        b.target ? this.ctx.index.get(b.target) : undefined,
      );
    } else if (a.type === "list" || a.type === "set") {
      member = this.detect(this.ctx.index.membersOf(a)[0], this.ctx.index.membersOf(b)[0]);
    }
    if (member === "ERROR" || member === "DANGER" || member === "WARNING") return member;
    return SIMPLE.has(a.type) ? "NOTE" : "WARNING";
  }
}

function forbidden(shape: IndexedShape): boolean {
  return !(
    SIMPLE.has(shape.type) ||
    shape.type === "list" ||
    shape.type === "set" ||
    shape.type === "member"
  );
}

function sameTraits(a: IndexedShape, b: IndexedShape): boolean {
  return sameNode(a.traits, b.traits);
}
