import { tsdoc } from "./docs.js";
import { type ServiceView, UNIT } from "./service-view.js";

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
  const typeImport =
    types.size > 0 ? `import type { ${[...types].sort().join(", ")} } from "./types.js";\n` : "";
  return `import {
  createHandler,
  type HandlerOptions,
  type RequestContext,
  toNodeListener,
} from "@docsmith/runtime/server";
import { operations, service } from "./schemas.js";
${typeImport}
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
  return createHandler(service, operations, impl, options);
}

export type { HandlerOptions, RequestContext };
export { toNodeListener };
`;
}
