import { AwsClient, type HttpHandler } from "@docsmith/runtime";
import type { GeneratedService } from "./generate.js";

/** The pieces of a generated package a protocol test calls, found by their generated names. */
export interface ServiceApi {
  newClient(config: {
    endpoint: string;
    requestHandler: HttpHandler;
    validateInput?: boolean;
  }): AwsClient;
  newCommand(operation: string, input: unknown): object;
  /** The generated exception class of an error shape, by shape name. */
  exception(name: string): new (options: object) => Error;
  /**
   * `create<Svc>Handler(impl)`, logging to `log`: the handler's log line says why it answered an
   * internal error, which a failing case then names.
   */
  handler(impl: object, log?: string[]): (request: Request) => Promise<Response>;
}

export function serviceApi(gen: GeneratedService): ServiceApi {
  const exports = gen.client;
  const clientClass = Object.values(exports).find(
    (v): v is new (config: object) => AwsClient =>
      typeof v === "function" && v.prototype instanceof AwsClient,
  );
  if (!clientClass) throw new Error(`${gen.dir}: no client class (an AwsClient subclass) exported`);
  const handlerFactory = Object.entries(gen.server).find(
    ([name, v]) => /^create\w+Handler$/.test(name) && typeof v === "function",
  )?.[1] as
    | ((impl: object, options?: object) => (request: Request) => Promise<Response>)
    | undefined;
  if (!handlerFactory) throw new Error(`${gen.dir}: server.ts exports no create<Svc>Handler`);
  return {
    newClient: ({ endpoint, requestHandler, validateInput }) =>
      new clientClass({
        region: "us-west-2",
        endpoint,
        credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "SECRET" },
        maxAttempts: 1,
        requestHandler,
        ...(validateInput === undefined ? {} : { validateInput }),
      }),
    newCommand: (operation, input) => {
      const name = `${operation.slice(operation.indexOf("#") + 1)}Command`;
      const command = exports[name] as (new (input: unknown) => object) | undefined;
      if (typeof command !== "function") throw new Error(`${gen.dir}: no ${name} exported`);
      return new command(input);
    },
    exception: (name) => {
      const cls = exports[name];
      if (typeof cls !== "function") throw new Error(`${gen.dir}: no exception class ${name}`);
      return cls as new (
        options: object,
      ) => Error;
    },
    handler: (impl, log) =>
      handlerFactory(impl, log ? { logger: (line: string) => log.push(line) } : undefined),
  };
}
