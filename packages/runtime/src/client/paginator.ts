import type { MetadataBearer } from "@smithy/types";
import type { AwsCommand } from "./aws-command.js";

/** AWS SDK v3's PaginationConfiguration. */
export interface PaginationConfiguration {
  client: { send(command: any, ...args: any[]): Promise<any> };
  pageSize?: number;
  startingToken?: unknown;
  /** Stop when the service returns the token it was given (guards against endless loops). */
  stopOnSameToken?: boolean;
}

function get(object: unknown, path: string): unknown {
  let cursor = object;
  for (const key of path.split(".")) {
    if (cursor === null || typeof cursor !== "object") return undefined;
    cursor = (cursor as Record<string, unknown>)[key];
  }
  return cursor;
}

/**
 * `paginateListFindings` for a @paginated operation, AWS SDK v3's way: yields each page,
 * passing the output token back as the input token until the service returns none.
 */
export function createPaginator<Input extends object, Output extends MetadataBearer>(
  ClientCtor: abstract new (...args: any[]) => any,
  CommandCtor: new (input: Input) => AwsCommand<Input, Output>,
  inputTokenName: string,
  outputTokenName: string,
  pageSizeName?: string,
): (
  config: PaginationConfiguration,
  input: Input,
  ...additionalArguments: any[]
) => AsyncGenerator<Output> {
  return async function* paginate(config, input, ...additionalArguments) {
    if (!(config.client instanceof ClientCtor)) {
      throw new Error(
        `Invalid client, expected ${ClientCtor.name} | ${ClientCtor.name.replace(/Client$/, "")}`,
      );
    }
    let token = config.startingToken ?? (input as Record<string, unknown>)[inputTokenName];
    for (;;) {
      const pageInput: Record<string, unknown> = { ...input, [inputTokenName]: token };
      if (pageSizeName && config.pageSize !== undefined) pageInput[pageSizeName] = config.pageSize;
      const page: Output = await config.client.send(
        new CommandCtor(pageInput as Input),
        ...additionalArguments,
      );
      yield page;
      const previous = token;
      token = get(page, outputTokenName);
      if (token === undefined || token === null || token === "") return;
      if (config.stopOnSameToken && token === previous) return;
    }
  };
}
