import type { MemberShape } from "../model/ast.js";
import { baseExceptionName } from "./errors-module.js";
import { propertyKey, shapeName } from "./naming.js";
import {
  hasDefault,
  hasTrait,
  type OperationView,
  type ServiceView,
  trait,
  UNIT,
} from "./service-view.js";
import { enumValues, isError, legacyEnumValues } from "./typescript-types.js";
import { validatorModule } from "./validators/standalone.js";

/**
 * src/schemas.ts: the runtime's view of the service (packages/runtime/src/schema.ts): one
 * constant per shape the operations reach, one OperationSchema per operation (exported by the
 * operation's name), `service`, and `operations` for the server. Plain constants with no side
 * effects, so a bundler keeps only what the imported commands reach. Recursive references are
 * thunks.
 */
export function emitSchemasModule(view: ServiceView): string {
  const decls: string[] = [];
  const scalars = new Map<string, string>();
  const state = new Map<string, "busy" | "done">();
  const runtimeTypes = new Set<string>(["OperationSchema", "ServiceSchema", "StructureSchema"]);
  const errorClasses = new Set<string>();

  const scalar = (key: string, type: string, literal: string): string => {
    if (!scalars.has(key)) {
      runtimeTypes.add(type);
      scalars.set(key, `const ${key}: ${type} = ${literal};`);
    }
    return key;
  };

  /** An expression for the schema of `id`, declaring what it needs first. */
  const ref = (id: string): string => {
    if (id === UNIT) return unit();
    const shape = view.get(id);
    const mediaType = trait<string>(shape.traits, "mediaType");
    switch (shape.type) {
      case "string":
        if (!legacyEnumValues(shape)) {
          return mediaType
            ? `{ type: "string", mediaType: ${JSON.stringify(mediaType)} }`
            : scalar("$string", "ScalarSchema", `{ type: "string" }`);
        }
        break;
      case "blob":
        // @mediaType: the Content-Type of the blob as an HTTP payload.
        if (mediaType) return `{ type: "blob", mediaType: ${JSON.stringify(mediaType)} }`;
        return scalar("$blob", "ScalarSchema", `{ type: "blob" }`);
      case "boolean":
      case "document":
      case "bigInteger":
      case "bigDecimal":
        return scalar(`$${shape.type}`, "ScalarSchema", `{ type: "${shape.type}" }`);
      case "byte":
      case "short":
      case "integer":
      case "long":
        // The width lets servers refuse an out-of-range number as malformed (SerializationException).
        return scalar(
          `$${shape.type}`,
          "ScalarSchema",
          `{ type: "integer", width: "${shape.type}" }`,
        );
      case "float":
      case "double":
        return scalar("$float", "ScalarSchema", `{ type: "float" }`);
      case "timestamp":
        if (!hasTrait(shape.traits, "timestampFormat")) {
          return scalar("$timestamp", "TimestampSchema", `{ type: "timestamp" }`);
        }
        break;
    }
    const name = `${view.nameOf(id)}$`;
    const seen = state.get(id);
    if (seen === "done") return name;
    if (seen === "busy") return `() => ${name}`;
    state.set(id, "busy");
    const [type, literal] = declaration(id);
    runtimeTypes.add(type);
    decls.push(`const ${name}: ${type} = ${literal};`);
    state.set(id, "done");
    return name;
  };

  const unit = (): string =>
    scalar("$unit", "StructureSchema", `{ type: "structure", id: "${UNIT}", members: {} }`);

  const member = (memberName: string, m: MemberShape, labels: Set<string>): string => {
    const t = m.traits;
    const fields = [`target: ${ref(m.target)}`];
    if (hasTrait(t, "required")) fields.push("required: true");
    const jsonName = trait<string>(t, "jsonName");
    if (jsonName !== undefined) fields.push(`jsonName: ${JSON.stringify(jsonName)}`);
    const http = httpBinding(view, memberName, m, labels);
    if (http) fields.push(`http: ${http}`);
    const format = trait<string>(t, "timestampFormat");
    if (format) fields.push(`timestampFormat: ${JSON.stringify(format)}`);
    if (hasTrait(t, "idempotencyToken")) fields.push("idempotencyToken: true");
    // @default(null) is no default: it removes the target's (Smithy 2.0 semantics).
    if (hasDefault(t)) fields.push(`default: ${JSON.stringify(trait(t, "default"))}`);
    if (hasTrait(t, "clientOptional")) fields.push("clientOptional: true");
    return `${propertyKey(memberName)}: { ${fields.join(", ")} }`;
  };

  /** Labels of the operation whose input is being declared, to mark greedy ones. */
  const greedyLabels = new Map<string, Set<string>>();
  for (const op of view.operations) {
    const uri = trait<{ uri: string }>(op.shape.traits, "http")?.uri ?? "";
    greedyLabels.set(op.input, new Set([...uri.matchAll(/\{(\w+)\+\}/g)].map((g) => g[1]!)));
  }

  const declaration = (id: string): [string, string] => {
    const shape = view.get(id);
    switch (shape.type) {
      case "enum":
      case "string":
        return ["EnumSchema", `{ type: "enum", values: ${JSON.stringify(enumValues(shape))} }`];
      case "intEnum":
        return [
          "IntEnumSchema",
          `{ type: "intEnum", values: ${JSON.stringify(enumValues(shape))} }`,
        ];
      case "timestamp":
        return [
          "TimestampSchema",
          `{ type: "timestamp", format: ${JSON.stringify(trait(shape.traits, "timestampFormat"))} }`,
        ];
      case "list":
      case "set": {
        const fields = [`type: "list"`, `member: ${ref(shape.member!.target)}`];
        if (hasTrait(shape.traits, "sparse")) fields.push("sparse: true");
        const format = trait<string>(shape.member!.traits, "timestampFormat");
        if (format) fields.push(`memberTimestampFormat: ${JSON.stringify(format)}`);
        return ["ListSchema", `{ ${fields.join(", ")} }`];
      }
      case "map": {
        const fields = [`type: "map"`, `value: ${ref(shape.value!.target)}`];
        if (hasTrait(shape.traits, "sparse")) fields.push("sparse: true");
        const format = trait<string>(shape.value!.traits, "timestampFormat");
        if (format) fields.push(`valueTimestampFormat: ${JSON.stringify(format)}`);
        return ["MapSchema", `{ ${fields.join(", ")} }`];
      }
      case "structure":
      case "union": {
        const labels = greedyLabels.get(id) ?? new Set<string>();
        const members = Object.entries(shape.members ?? {}).map(([n, m]) => member(n, m, labels));
        const fields = [
          `type: "${shape.type}"`,
          `id: ${JSON.stringify(id)}`,
          `members: {${members.length ? `\n${members.join(",\n")},\n` : ""}}`,
        ];
        if (shape.type === "union") return ["UnionSchema", `{\n${fields.join(",\n")},\n}`];
        if (isError(shape)) fields.push(...errorFields(view, id, errorClasses));
        return ["StructureSchema", `{\n${fields.join(",\n")},\n}`];
      }
      default:
        throw new Error(`no schema for ${shape.type} shape ${id}`);
    }
  };

  const structureRef = (id: string): string => (id === UNIT ? unit() : ref(id));

  const operationDecls = view.operations.map((op) => operationDeclaration(view, op, structureRef));
  const serviceDecl = serviceDeclaration(view, ref);
  errorClasses.add(baseExceptionName(view));

  const runtimeImports = [view.protocol, ...[...runtimeTypes].map((t) => `type ${t}`)].sort(
    (a, b) => a.replace("type ", "").localeCompare(b.replace("type ", ""), "en"),
  );
  const header = [
    `import {\n${runtimeImports.join(",\n")},\n} from "@docsmith/runtime";`,
    `import {\n${[...errorClasses].sort().join(",\n")},\n} from "./errors.js";`,
  ];
  const ops = view.operations.map((op) => op.name);
  return [
    header.join("\n"),
    [...scalars.values()].join("\n"),
    decls.join("\n\n"),
    operationDecls.join("\n\n"),
    serviceDecl,
    `/** Every operation of the service, by name: what the server routes to. */\nexport const operations = {\n${ops.join(",\n")},\n} as const;\n`,
  ]
    .filter((part) => part.length > 0)
    .join("\n\n");
}

function errorFields(view: ServiceView, id: string, errorClasses: Set<string>): string[] {
  const shape = view.get(id);
  const fault = trait(shape.traits, "error") === "server" ? "server" : "client";
  const status = trait<number>(shape.traits, "httpError") ?? (fault === "server" ? 500 : 400);
  const fields = [`error: "${fault}"`, `httpStatus: ${status}`];
  const retryable = trait<{ throttling?: boolean }>(shape.traits, "retryable");
  if (retryable) {
    fields.push(`retryable: {${retryable.throttling ? " throttling: true " : ""}}`);
  }
  const name = view.nameOf(id);
  errorClasses.add(name);
  fields.push(`exception: ${name}`);
  return fields;
}

function httpBinding(
  view: ServiceView,
  memberName: string,
  m: MemberShape,
  greedy: Set<string>,
): string | undefined {
  const t = m.traits;
  if (hasTrait(t, "hostLabel")) return `{ in: "hostLabel" }`;
  if (view.protocol !== "restJson1") return undefined;
  if (hasTrait(t, "httpLabel")) {
    return greedy.has(memberName) ? `{ in: "label", greedy: true }` : `{ in: "label" }`;
  }
  for (const [traitName, where] of [
    ["httpQuery", "query"],
    ["httpHeader", "header"],
    ["httpPrefixHeaders", "prefixHeaders"],
  ] as const) {
    const name = trait<string>(t, traitName);
    if (name !== undefined) return `{ in: "${where}", name: ${JSON.stringify(name)} }`;
  }
  if (hasTrait(t, "httpQueryParams")) return `{ in: "queryParams" }`;
  if (hasTrait(t, "httpPayload")) return `{ in: "payload" }`;
  if (hasTrait(t, "httpResponseCode")) return `{ in: "responseCode" }`;
  return undefined;
}

function operationDeclaration(
  view: ServiceView,
  op: OperationView,
  ref: (id: string) => string,
): string {
  const fields = [
    `name: ${JSON.stringify(op.name)}`,
    `input: ${ref(op.input)}`,
    `output: ${ref(op.output)}`,
    `errors: [${op.errors.map(ref).join(", ")}]`,
  ];
  const http = trait<{ method: string; uri: string; code?: number }>(op.shape.traits, "http");
  if (http && view.protocol === "restJson1") {
    fields.push(
      `http: { method: ${JSON.stringify(http.method)}, uri: ${JSON.stringify(http.uri)}, code: ${http.code ?? 200} }`,
    );
  }
  const hostPrefix = trait<{ hostPrefix?: string }>(op.shape.traits, "endpoint")?.hostPrefix;
  if (hostPrefix) fields.push(`hostPrefix: ${JSON.stringify(hostPrefix)}`);
  const compression = trait<{ encodings?: string[] }>(op.shape.traits, "requestCompression");
  if (compression?.encodings?.length) {
    fields.push(`requestCompression: ${JSON.stringify(compression.encodings)}`);
  }
  if (hasTrait(op.shape.traits, "httpChecksumRequired")) fields.push("checksumRequired: true");
  // Loaded on the first call: importing the package compiles no validator.
  fields.push(`inputValidator: () => import("./${validatorModule(op, "input")}")`);
  return `export const ${op.name}: OperationSchema = {\n${fields.join(",\n")},\n};`;
}

function serviceDeclaration(view: ServiceView, ref: (id: string) => string): string {
  const fields = [
    `id: ${JSON.stringify(view.id)}`,
    `protocol: "${view.protocol}"`,
    // The codec itself, so that a bundle carries only this protocol's.
    `codec: ${view.protocol}`,
  ];
  if (view.protocol !== "restJson1") {
    fields.push(`targetPrefix: ${JSON.stringify(shapeName(view.id))}`);
  }
  fields.push(
    `sdkId: ${JSON.stringify(view.sdkId)}`,
    `signingName: ${JSON.stringify(view.signingName)}`,
    `endpointPrefix: ${JSON.stringify(view.endpointPrefix)}`,
    `version: ${JSON.stringify(view.version)}`,
    `errors: [${view.errors.map(ref).join(", ")}]`,
    `baseException: ${baseExceptionName(view)}`,
  );
  return `export const service: ServiceSchema = {\n${fields.join(",\n")},\n};`;
}
