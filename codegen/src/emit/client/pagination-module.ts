import type { NodeValue } from "../../model/ast.js";
import { type OperationView, type ServiceView, trait } from "../service-view.js";
import { clientName } from "./client-module.js";
import { commandName } from "./command-module.js";

interface Paginated {
  inputToken?: string;
  outputToken?: string;
  pageSize?: string;
  items?: string;
}

/** An operation's @paginated, completed from the service's (Smithy's defaulting rule). */
export function pagination(view: ServiceView, op: OperationView): Paginated | undefined {
  const own = trait<Record<string, NodeValue>>(op.shape.traits, "paginated");
  if (!own) return undefined;
  const base = trait<Record<string, NodeValue>>(view.shape.traits, "paginated") ?? {};
  const merged = { ...base, ...own } as Paginated;
  return merged.inputToken && merged.outputToken ? merged : undefined;
}

export function paginatorName(op: OperationView): string {
  return `paginate${op.name}`;
}

/** src/pagination.ts: a paginator per @paginated operation (an async iterator of pages). */
export function emitPaginationModule(view: ServiceView): string {
  const client = clientName(view);
  const paged = view.operations.flatMap((op) => {
    const p = pagination(view, op);
    return p ? [{ op, p }] : [];
  });
  if (paged.length === 0) return "export {};\n";
  const imports = paged
    .map(({ op }) => `import { ${commandName(op)} } from "./commands/${commandName(op)}.js";`)
    .join("\n");
  const decls = paged.map(({ op, p }) => {
    const args = [client, commandName(op), p.inputToken, p.outputToken, p.pageSize].filter(
      (a): a is string => a !== undefined,
    );
    const [c, cmd, ...tokens] = args;
    const items = p.items ? ` Items: \`${p.items}\`.` : "";
    return `/** Pages through {@link ${commandName(op)}}.${items} */\nexport const ${paginatorName(op)} = /* @__PURE__ */ createPaginator(${c}, ${cmd}, ${tokens.map((t) => JSON.stringify(t)).join(", ")});`;
  });
  return `import { createPaginator } from "@docsmith/runtime";
import { ${client} } from "./${client}.js";
${imports}

${decls.join("\n\n")}
`;
}
