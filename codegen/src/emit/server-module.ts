import { tsdoc } from "./docs.js";
import { type ServiceView, UNIT } from "./service-view.js";
import { validatorModule } from "./validators/standalone.js";

export function serverNames(view: ServiceView): { operations: string; factory: string } {
  return { operations: `${view.stem}Operations`, factory: `create${view.stem}Handler` };
}

/**
 * src/server.ts (`@docsmith/<svc>/server`): the interface a service implementation fills in, one
 * async method per operation, and the factory of its Fetch-API handler.
 */
export function emitServerModule(view: ServiceView): string {
  const { operations, factory } = serverNames(view);
  const types = new Set<string>();
  const typeOf = (id: string): string => {
    if (id === UNIT) return "Record<string, never>";
    types.add(view.nameOf(id));
    return view.nameOf(id);
  };
  const methods = view.operations
    .map((op) => {
      const input = typeOf(op.input);
      const output = op.output === UNIT ? "Record<string, never> | undefined" : typeOf(op.output);
      return `${tsdoc(op.shape.traits)}${op.name}(input: ${input}, context: RequestContext): Promise<${output}>;`;
    })
    .join("\n\n");
  const served = view.operations
    .map(
      (op) =>
        `${op.name}: {\n...${op.name},\noutputValidator: () => import("./${validatorModule(op, "output")}"),\n},`,
    )
    .join("\n");
  const schemaImports = [...view.operations.map((op) => op.name), "service"].sort();
  const typeImport =
    types.size > 0 ? `import type { ${[...types].sort().join(", ")} } from "./types.js";\n` : "";
  return `import {
  createHandler,
  createNodeServer,
  type HandlerOptions,
  type NodeAdapterOptions,
  type RequestContext,
  ServiceError,
  type SigV4Options,
  type SigV4Secret,
  toNodeListener,
} from "@docsmith/runtime/server";
import type { OperationSchema } from "@docsmith/runtime";
import {\n${schemaImports.join(",\n")},\n} from "./schemas.js";
${typeImport}
/**
 * The operations as the handler serves them: each with the validator of its output, loaded on
 * first use. Declared here, not in schemas.ts, so that a client bundle never carries them.
 */
export const servedOperations: Readonly<Record<string, OperationSchema>> = {
${served}
};

/** An implementation of ${view.sdkId}: one async method per operation. */
export interface ${operations} {
${methods}
}

/**
 * A Fetch-API handler \`(Request) => Promise<Response>\` serving \`impl\`: it routes, parses and
 * validates each request, and answers an operation missing from \`impl\` as AWS answers an
 * unknown operation.
 */
export function ${factory}(
  impl: Partial<${operations}>,
  options?: HandlerOptions,
): (request: Request) => Promise<Response> {
  return createHandler(service, servedOperations, impl, options);
}

// What serving needs besides the handler, so that users import this package alone.
export type { HandlerOptions, NodeAdapterOptions, RequestContext, SigV4Options, SigV4Secret };
export { createNodeServer, ServiceError, toNodeListener };
`;
}
