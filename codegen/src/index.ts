// Public API of @docsmith/codegen: the loader, the transcriber and the emitters.
export { main } from "./cli/main.js";
export { type EmitOpenApiOptions, emitOpenApi } from "./emit/openapi/index.js";
export { emitPackage, type GeneratedFile, type PackageOptions } from "./emit/package/index.js";
export { type SerializeOptions, serializeAstModel, serializeModel } from "./idl/serialize.js";
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
export { type ApiChange, type Bump, bumpFor } from "./regen/api-change.js";
export { renderChangeset } from "./regen/changeset.js";
export { diffModels } from "./regen/model-diff.js";
