import { tsdoc } from "../docs.js";
import { type OperationView, type ServiceView, UNIT } from "../service-view.js";

export function commandName(op: OperationView): string {
  return `${op.name}Command`;
}

/** The input and output type declarations of a command (Unit input or output has no shape). */
export function commandTypes(
  view: ServiceView,
  op: OperationView,
): { imports: string[]; decls: string } {
  const name = commandName(op);
  const imports: string[] = [];
  let input: string;
  if (op.input === UNIT) {
    input = `export type ${name}Input = Record<string, never>;`;
  } else {
    imports.push(view.nameOf(op.input));
    input = `export interface ${name}Input extends ${view.nameOf(op.input)} {}`;
  }
  let output: string;
  if (op.output === UNIT) {
    output = `export interface ${name}Output extends MetadataBearer {}`;
  } else {
    imports.push(view.nameOf(op.output));
    output = `export interface ${name}Output extends ${view.nameOf(op.output)}, MetadataBearer {}`;
  }
  return { imports, decls: `${input}\n\n${output}` };
}

/** src/commands/<Op>Command.ts: one command class per operation, aws-sdk-js-v3 style. */
export function emitCommandModule(view: ServiceView, op: OperationView): string {
  const name = commandName(op);
  const { imports, decls } = commandTypes(view, op);
  const typeImport =
    imports.length > 0
      ? `import type { ${[...new Set(imports)].sort().join(", ")} } from "../types.js";\n`
      : "";
  return `import { AwsCommand } from "@docsmith/runtime";
import type { MetadataBearer } from "@smithy/types";
import { ${op.name} } from "../schemas.js";
${typeImport}
${decls}

${tsdoc(op.shape.traits)}export class ${name} extends AwsCommand<${name}Input, ${name}Output> {
  constructor(input: ${name}Input) {
    super(${op.name}, input);
  }
}
`;
}
