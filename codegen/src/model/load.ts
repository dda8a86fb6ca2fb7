/**
 * The model loader's public API: IDL and JSON AST files in, one assembled model out, with the
 * bundled prelude and AWS trait definitions always loaded (and left out of outputs).
 */
import { readdirSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { ParsedFile } from "../idl/parse-result.js";
import { parseIdl } from "../idl/parser.js";
import { assemble, BUNDLED_PREFIX } from "./assemble.js";
import type { Model, NodeValue, SourceLocation, ValidationEvent } from "./ast.js";
import { readJsonAst } from "./json-ast-reader.js";
import { validateModel } from "./validate/index.js";

export { toCanonicalJson } from "./canonical-json.js";
export { flattenMixins } from "./mixins.js";

export interface SourceFile {
  path: string;
  text: string;
}

export interface LoadResult {
  /** All shapes incl. bundled prelude/aws shapes; metadata merged. */
  model: Model;
  /** Sorted by file, line, column (events without a location last). */
  events: ValidationEvent[];
  /** No ERROR events. */
  ok: boolean;
  /** Key: shape id, or member id "ns#Shape$member". */
  locations: ReadonlyMap<string, SourceLocation>;
}

const PRELUDE_DIR = fileURLToPath(new URL("../../prelude/", import.meta.url));

let bundled: { files: ParsedFile[]; ids: Set<string> } | undefined;

/** Parses the bundled files once per process, on first use. */
function bundledFiles(): { files: ParsedFile[]; ids: Set<string> } {
  if (bundled) return bundled;
  const names = readdirSync(PRELUDE_DIR)
    .filter((n) => n.endsWith(".smithy"))
    .sort((a, b) =>
      a === "prelude.smithy" ? -1 : b === "prelude.smithy" ? 1 : a.localeCompare(b),
    );
  const files = names.map((n) =>
    parseIdl(`${BUNDLED_PREFIX}${n}`, readFileSync(PRELUDE_DIR + n, "utf8")),
  );
  for (const f of files) {
    if (f.events.some((e) => e.severity === "ERROR")) {
      throw new Error(`bundled model ${f.path} does not parse: ${f.events[0]?.message}`);
    }
  }
  const ids = new Set<string>();
  for (const f of files) {
    for (const s of f.shapes) {
      ids.add(s.id);
      // Every load shares these values: freeze them so no consumer can change the prelude.
      for (const t of s.traits) deepFreeze(t.value.value);
      for (const m of s.members) for (const t of m.traits) deepFreeze(t.value.value);
    }
    for (const a of f.applies) for (const t of a.traits) deepFreeze(t.value.value);
  }
  bundled = { files, ids };
  return bundled;
}

function deepFreeze(v: NodeValue): void {
  if (v === null || typeof v !== "object" || Object.isFrozen(v)) return;
  Object.freeze(v);
  for (const x of Array.isArray(v) ? v : Object.values(v)) deepFreeze(x);
}

/** Whether a shape (or member) id belongs to the bundled prelude / AWS / smithy.test models. */
export function isBundledShape(id: string): boolean {
  const dollar = id.indexOf("$");
  return bundledFiles().ids.has(dollar < 0 ? id : id.slice(0, dollar));
}

/** The model without bundled shapes: what `docsmith ast` prints and model.json holds. */
export function withoutBundled(model: Model): Model {
  const shapes: Model["shapes"] = {};
  for (const [id, shape] of Object.entries(model.shapes))
    if (!isBundledShape(id)) shapes[id] = shape;
  const out: Model = { smithy: model.smithy, shapes };
  if (model.metadata) out.metadata = model.metadata;
  return out;
}

function compareEvents(a: ValidationEvent, b: ValidationEvent): number {
  const la = a.location;
  const lb = b.location;
  if (!la || !lb) return la ? -1 : lb ? 1 : 0;
  if (la.file !== lb.file) return la.file < lb.file ? -1 : 1;
  return la.line - lb.line || la.column - lb.column;
}

/** Parses one source by its extension: `.json` is a JSON AST, anything else IDL. */
export function parseSource(file: SourceFile): ParsedFile {
  return file.path.endsWith(".json")
    ? readJsonAst(file.path, file.text)
    : parseIdl(file.path, file.text);
}

export function loadSources(files: SourceFile[]): LoadResult {
  const parsed = [...bundledFiles().files, ...files.map(parseSource)];
  const { model, events, locations } = assemble(parsed);
  if (!events.some((e) => e.severity === "ERROR")) {
    try {
      events.push(...validateModel(model, (id) => locations.get(id)));
    } catch (e) {
      // A validator bug must not pass for a valid model, nor crash the caller.
      events.push({
        id: "Validation",
        severity: "ERROR",
        message: `Validation failed unexpectedly: ${(e as Error).stack ?? e}`,
      });
    }
  }
  events.sort(compareEvents);
  return { model, events, ok: !events.some((e) => e.severity === "ERROR"), locations };
}

/** Reads .smithy and .json files (directories: every such file beneath, in name order). */
export async function loadFiles(paths: string[]): Promise<LoadResult> {
  const sources = await Promise.all(
    expandPaths(paths).map(async (path) => ({ path, text: await readFile(path, "utf8") })),
  );
  return loadSources(sources);
}

/** Expands directories into the model files they hold, recursively and sorted. */
export function expandPaths(paths: string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    let entries: import("node:fs").Dirent[] | undefined;
    try {
      entries = readdirSync(p, { withFileTypes: true });
    } catch {
      entries = undefined;
    }
    if (!entries) {
      out.push(p);
      continue;
    }
    const names = entries
      .filter((e) => e.isDirectory() || /\.(smithy|json)$/.test(e.name))
      .map((e) => e.name)
      .sort();
    out.push(...expandPaths(names.map((n) => `${p.replace(/\/$/, "")}/${n}`)));
  }
  return out;
}
