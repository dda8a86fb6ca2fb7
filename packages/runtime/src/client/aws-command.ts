import { Command } from "@smithy/core/client";
import type { Handler, MetadataBearer, MiddlewareStack } from "@smithy/types";
import type { OperationSchema } from "../schema.js";
import type { ResolvedAwsClientConfig } from "./aws-client.js";
import { resolveOperation } from "./pipeline.js";
import { CALL_OPTIONS, type CallOptions } from "./retry.js";

/**
 * The base of every generated command: `new ListFindingsCommand(input)` holds the input and the
 * operation's schema; the client does the work. Commands keep AWS SDK v3's shape (`input`,
 * `middlewareStack`, `resolveMiddleware`).
 */
export class AwsCommand<Input extends object, Output extends MetadataBearer> extends Command<
  Input,
  Output,
  ResolvedAwsClientConfig
> {
  readonly input: Input;
  readonly operation: OperationSchema;

  constructor(operation: OperationSchema, input: Input) {
    super();
    this.operation = operation;
    this.input = input ?? ({} as Input);
  }

  /**
   * AWS SDK v3's entry point, for callers that resolve commands themselves (the docsmith client's
   * `send` caches this per operation instead).
   */
  resolveMiddleware(
    clientStack: MiddlewareStack<any, any>,
    configuration: ResolvedAwsClientConfig,
    options: CallOptions | undefined,
  ): Handler<Input, Output> {
    const handler = resolveOperation(
      clientStack.concat(this.middlewareStack),
      configuration,
      this.operation,
    );
    if (!options) return handler as unknown as Handler<Input, Output>;
    return ((args: any) => handler({ ...args, [CALL_OPTIONS]: options })) as unknown as Handler<
      Input,
      Output
    >;
  }
}
