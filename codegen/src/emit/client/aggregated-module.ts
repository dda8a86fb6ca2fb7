import { methodName } from "../naming.js";
import { type OperationView, type ServiceView, UNIT } from "../service-view.js";
import { clientName } from "./client-module.js";
import { commandName } from "./command-module.js";

/** Whether an operation may be called without input (no required input members). */
export function inputOptional(view: ServiceView, op: OperationView): boolean {
  if (op.input === UNIT) return true;
  const members = Object.values(view.get(op.input).members ?? {});
  return members.every(
    (m) =>
      !m.traits?.["smithy.api#required"] || m.traits?.["smithy.api#idempotencyToken"] !== undefined,
  );
}

/**
 * src/<Svc>.ts: the aggregated client, a method per operation, built by
 * `createAggregatedClient` with the overloads aws-sdk-js-v3 declares (promise or callback).
 */
export function emitAggregatedModule(view: ServiceView): string {
  const client = clientName(view);
  const name = view.stem;
  const commands = view.operations.map(commandName);
  const imports = view.operations
    .map((op) => {
      const c = commandName(op);
      return `import { ${c}, type ${c}Input, type ${c}Output } from "./commands/${c}.js";`;
    })
    .join("\n");
  const methods = view.operations
    .map((op) => {
      const m = methodName(op.name);
      const c = commandName(op);
      const noInput = inputOptional(view, op) ? `  ${m}(): Promise<${c}Output>;\n` : "";
      return (
        `  /** @see {@link ${c}} */\n` +
        noInput +
        `  ${m}(args: ${c}Input, options?: HttpHandlerOptions): Promise<${c}Output>;\n` +
        `  ${m}(args: ${c}Input, cb: (err: any, data?: ${c}Output) => void): void;\n` +
        `  ${m}(\n    args: ${c}Input,\n    options: HttpHandlerOptions,\n    cb: (err: any, data?: ${c}Output) => void,\n  ): void;`
      );
    })
    .join("\n\n");
  // From @docsmith/runtime: @smithy/smithy-client's function, without loading all of that package.
  return `import { createAggregatedClient } from "@docsmith/runtime";
import type { HttpHandlerOptions } from "@smithy/types";
import { ${client} } from "./${client}.js";
${imports}

const commands = {
${commands.map((c) => `  ${c},`).join("\n")}
};

export interface ${name} {
${methods}
}

/**
 * ${view.sdkId}: the client with one method per operation, e.g.
 * \`await ${methodName(name)}.${methodName(view.operations[0]?.name ?? "some")}(input)\`.
 */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: createAggregatedClient adds the methods the interface declares, as in aws-sdk-js-v3
export class ${name} extends ${client} implements ${name} {}
createAggregatedClient(commands, ${name});
`;
}
