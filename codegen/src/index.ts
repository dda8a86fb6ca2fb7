// Public API of @docsmith/codegen: the loader, the transcriber and the emitters.
export { main } from "./cli/main.js";
export type {
  AstShape,
  MemberShape,
  Model,
  NodeValue,
  Severity,
  ShapeRef,
  SourceLocation,
  Traits,
  ValidationEvent,
} from "./model/ast.js";
export { formatEvent } from "./model/ast.js";
export {
  flattenMixins,
  isBundledShape,
  type LoadResult,
  loadFiles,
  loadSources,
  type SourceFile,
  toCanonicalJson,
  withoutBundled,
} from "./model/load.js";
