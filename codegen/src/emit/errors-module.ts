import type { AstShape } from "../model/ast.js";
import { tsdoc } from "./docs.js";
import { propertyKey } from "./naming.js";
import { type ServiceView, trait } from "./service-view.js";
import { isError, isRequiredMember, typeOf } from "./typescript-types.js";

/** The base exception class of a service: `InspectorServiceException`. */
export function baseExceptionName(view: ServiceView): string {
  return `${view.stem}ServiceException`;
}

/** The error shapes of a service: every operation's and the service's own, sorted by name. */
export function errorShapes(view: ServiceView): string[] {
  return view.closure.filter((id) => isError(view.get(id)));
}

/**
 * src/errors.ts: the service's base exception and one class per modeled error, exactly as
 * aws-sdk-js-v3 generates them, so that `instanceof`, `name` and `$fault` checks carry over.
 * `message` is the base class's; every other member becomes a property.
 */
export function emitErrorsModule(view: ServiceView): string {
  const base = baseExceptionName(view);
  const errors = errorShapes(view);
  const referenced = new Set<string>();
  const classes = errors.map((id) => errorClass(view, id, view.get(id), base, referenced));
  const typeImports = [...referenced].sort();
  // The class from @docsmith/runtime: @smithy/smithy-client's very ServiceException, loaded
  // without the rest of that package (its index loads all of it); the types cost nothing.
  const imports = [
    `import { ServiceException } from "@docsmith/runtime";`,
    `import type { ExceptionOptionType, ServiceExceptionOptions } from "@smithy/smithy-client";`,
  ];
  if (classes.some((c) => c.includes("DocumentType"))) {
    imports.push(`import type { DocumentType } from "@smithy/types";`);
  }
  if (typeImports.length > 0) {
    imports.push(`import type { ${typeImports.join(", ")} } from "./types.js";`);
  }
  const baseClass =
    `/**\n * Base exception class for all service exceptions from ${view.sdkId} service.\n */\n` +
    `export class ${base} extends ServiceException {\n` +
    `  /** @internal */\n` +
    `  constructor(options: ServiceExceptionOptions) {\n` +
    `    super(options);\n` +
    // new.target rather than the class by name: subclasses keep their prototype, and a bundler
    // never renames a class that refers to itself (which would change its `name`).
    `    Object.setPrototypeOf(this, new.target.prototype);\n` +
    `  }\n}\n`;
  return [imports.join("\n"), baseClass, ...classes].join("\n\n");
}

function errorClass(
  view: ServiceView,
  id: string,
  shape: AstShape,
  base: string,
  referenced: Set<string>,
): string {
  const name = view.nameOf(id);
  const fault = trait<string>(shape.traits, "error") === "server" ? "server" : "client";
  const retryable = trait<{ throttling?: boolean }>(shape.traits, "retryable");
  const members = Object.entries(shape.members ?? {}).filter(([m]) => m !== "message");
  const fields = members.map(([memberName, member]) => {
    const type = typeOf(view, member.target);
    for (const word of type.match(/[A-Za-z_$][A-Za-z0-9_$]*/g) ?? []) {
      if (word !== name && view.closure.some((c) => view.nameOf(c) === word)) referenced.add(word);
    }
    const optional = isRequiredMember(member) ? "" : "?";
    return `${tsdoc(member.traits)}${propertyKey(memberName)}${optional}: ${type} | undefined;`;
  });
  const assignments = members.map(
    ([memberName]) =>
      `this${propertyKey(memberName) === memberName ? `.${memberName}` : `[${JSON.stringify(memberName)}]`} = opts${propertyKey(memberName) === memberName ? `.${memberName}` : `[${JSON.stringify(memberName)}]`};`,
  );
  const retry = retryable
    ? `override readonly $retryable = {${retryable.throttling ? " throttling: true " : ""}};\n`
    : "";
  return (
    `${tsdoc(shape.traits)}export class ${name} extends ${base} {\n` +
    `override readonly name: "${name}" = "${name}";\n` +
    `override readonly $fault: "${fault}" = "${fault}";\n` +
    retry +
    fields.join("\n") +
    `\n/** @internal */\n` +
    `constructor(opts: ExceptionOptionType<${name}, ${base}>) {\n` +
    `super({ name: "${name}", $fault: "${fault}", ...opts });\n` +
    `Object.setPrototypeOf(this, new.target.prototype);\n` +
    assignments.join("\n") +
    `\n}\n}\n`
  );
}
