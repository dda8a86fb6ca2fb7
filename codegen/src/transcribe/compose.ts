import type { AstShape, NodeValue } from "../model/ast.js";
import type { DocFormat } from "./detect.js";
import {
  type DocLocation,
  type Repair,
  type TranscribedService,
  TranscribeError,
} from "./transcribed.js";

/** One transcribed docs file, as composing needs it. */
export interface PageResult {
  file: string;
  format: DocFormat;
  service: TranscribedService;
  /** The API version, where the page prints it outside a service shape. */
  version?: { value: string; file: string; line: number };
}

/** When two pages describe a shared shape in different words, the newer site's text wins. */
const DOC_PREFERENCE: DocFormat[] = ["web-new", "pdf-reference", "web-old"];

/**
 * Composes the pages of one service into one TranscribedService with the `<Svc>Api` service
 * mixin (version, every operation, the common errors). Shapes several pages define (errors, shared
 * types) must agree; only their documentation may differ, which is recorded as a repair.
 */
export function composeService(
  namespace: string,
  apiName: string,
  pages: PageResult[],
): TranscribedService {
  const shapes: Record<string, AstShape> = {};
  const sources: Record<string, DocLocation> = {};
  const owner: Record<string, PageResult> = {};
  const repairs: Repair[] = [];
  const operations: string[] = [];
  const commonErrors: string[] = [];
  let mixinId = `${namespace}#${apiName}`;
  let mixinFrom: DocLocation | undefined;
  let version: { value: string; file: string; line: number } | undefined;

  const noteVersion = (v: { value: string; file: string; line: number }) => {
    if (version && version.value !== v.value) {
      throw new TranscribeError(
        v,
        `API version ${v.value} conflicts with ${version.value} read at ${version.file}:${version.line}`,
      );
    }
    version ??= v;
  };

  for (const page of pages) {
    if (page.service.namespace !== namespace) {
      throw new TranscribeError(
        { file: page.file, line: 1 },
        `page transcribed into namespace ${page.service.namespace}, expected ${namespace}`,
      );
    }
    repairs.push(...page.service.repairs);
    if (page.version) noteVersion(page.version);
    for (const [id, shape] of Object.entries(page.service.shapes)) {
      const at = page.service.sources[id] ?? { file: page.file, line: 1 };
      if (shape.type === "service" && shape.traits?.["smithy.api#mixin"] !== undefined) {
        if (mixinFrom && id !== mixinId) {
          throw new TranscribeError(at, `service mixin ${id} conflicts with ${mixinId}`);
        }
        mixinId = id;
        mixinFrom ??= at;
        if (shape.version !== undefined) noteVersion({ value: shape.version, ...at });
        for (const e of shape.errors ?? [])
          if (!commonErrors.includes(e.target)) commonErrors.push(e.target);
        for (const o of shape.operations ?? [])
          if (!operations.includes(o.target)) operations.push(o.target);
        continue;
      }
      if (shape.type === "operation" && !operations.includes(id)) operations.push(id);
      const existing = shapes[id];
      if (!existing) {
        shapes[id] = shape;
        sources[id] = at;
        owner[id] = page;
        continue;
      }
      const first = sources[id];
      if (canonical(withoutDocs(existing)) !== canonical(withoutDocs(shape))) {
        throw new TranscribeError(
          at,
          `${id} conflicts with its definition at ${first.file}:${first.line}: ${difference(existing, shape)}`,
        );
      }
      if (canonical(existing) !== canonical(shape)) {
        const keepNew =
          DOC_PREFERENCE.indexOf(page.format) < DOC_PREFERENCE.indexOf(owner[id].format);
        const kept = keepNew ? shape : existing;
        const dropped = keepNew ? existing : shape;
        const keptAt = keepNew ? at : first;
        const droppedAt = keepNew ? first : at;
        repairs.push({
          ...droppedAt,
          subject: id,
          printed: `${docOf(dropped)} (${droppedAt.file}:${droppedAt.line}) and ${docOf(kept)} (${keptAt.file}:${keptAt.line})`,
          used: docOf(kept),
          why: "two pages describe the shape differently; the current (new-look) site's text is used",
        });
        if (keepNew) {
          shapes[id] = shape;
          sources[id] = at;
          owner[id] = page;
        }
      }
    }
    for (const [id, loc] of Object.entries(page.service.sources)) sources[id] ??= loc;
  }

  const mixin: AstShape = { type: "service", traits: { "smithy.api#mixin": {} } };
  if (version) mixin.version = version.value;
  mixin.operations = operations.map((target) => ({ target }));
  if (commonErrors.length) mixin.errors = commonErrors.map((target) => ({ target }));
  sources[mixinId] = mixinFrom ?? { file: pages[0]?.file ?? "", line: 1 };
  return { namespace, shapes: { [mixinId]: mixin, ...shapes }, sources, repairs };
}

function docOf(shape: AstShape): string {
  return JSON.stringify(shape.traits?.["smithy.api#documentation"] ?? "");
}

function withoutDocs(shape: AstShape): AstShape {
  const strip = <T extends { traits?: Record<string, NodeValue> }>(x: T): T => {
    if (!x.traits) return x;
    const { "smithy.api#documentation": _, ...rest } = x.traits;
    return { ...x, traits: rest };
  };
  const out = strip(shape);
  if (shape.members) {
    out.members = Object.fromEntries(Object.entries(shape.members).map(([k, m]) => [k, strip(m)]));
  }
  for (const k of ["member", "key", "value"] as const) if (shape[k]) out[k] = strip(shape[k]!);
  return out;
}

/** JSON with sorted object keys, so equal shapes compare equal whatever their key order. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

function difference(a: AstShape, b: AstShape): string {
  const ta = a.traits ?? {};
  const tb = b.traits ?? {};
  for (const k of new Set([...Object.keys(ta), ...Object.keys(tb)])) {
    if (k === "smithy.api#documentation") continue;
    if (canonical(ta[k]) !== canonical(tb[k])) {
      return `${k} is ${canonical(ta[k])} there and ${canonical(tb[k])} here`;
    }
  }
  if (a.type !== b.type) return `it is a ${a.type} there and a ${b.type} here`;
  return "their members differ";
}
