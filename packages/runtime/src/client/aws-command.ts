import type { Command, Handler, MetadataBearer, MiddlewareStack } from "@smithy/types";
import { constructStack } from "../platform/smithy-client.js";
import type { OperationSchema } from "../schema.js";
import type { ResolvedAwsClientConfig } from "./aws-client.js";
import { resolveOperation } from "./pipeline.js";
import { CALL_OPTIONS, type CallOptions } from "./retry.js";

/**
 * The base of every generated command: `new ListFindingsCommand(input)` holds the input and the
 * operation's schema; the client does the work. Commands keep AWS SDK v3's shape (`input`,
 * `middlewareStack`, `resolveMiddleware`: @smithy/types' Command) without extending
 * @smithy/smithy-client's Command class, whose constructor builds a middleware stack for every
 * call and whose module brings the SDK's schema machinery into bundles. Here the command's own
 * stack is made only when someone asks for it, which per-command middleware rarely does.
 */
export class AwsCommand<Input extends object, Output extends MetadataBearer>
  implements Command<any, Input, any, Output, ResolvedAwsClientConfig>
{
  readonly input: Input;
  readonly operation: OperationSchema;
  #stack: MiddlewareStack<Input, Output> | undefined;

  constructor(operation: OperationSchema, input: Input) {
    this.operation = operation;
    this.input = input ?? ({} as Input);
  }

  /** The command's own middleware, added to the client's for this command only. */
  get middlewareStack(): MiddlewareStack<Input, Output> {
    this.#stack ??= constructStack<Input, Output>();
    return this.#stack;
  }

  /** Whether the command carries middleware of its own (the client then resolves afresh). */
  get hasOwnMiddleware(): boolean {
    return this.#stack !== undefined && this.#stack.identify().length > 0;
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
      this.hasOwnMiddleware ? clientStack.concat(this.middlewareStack) : clientStack,
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
