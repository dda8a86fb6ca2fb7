import type { OperationView, ServiceView } from "../service-view.js";
import { trait } from "../service-view.js";
import type { OperationNames } from "./example-tests.js";

/** What the docs say of an error: its class name, fault and HTTP status. */
export interface DocumentedError {
  id: string;
  name: string;
  fault: "client" | "server";
  status: number;
}

export function documentedError(view: ServiceView, id: string): DocumentedError {
  const shape = view.get(id);
  const fault = trait(shape.traits, "error") === "server" ? "server" : "client";
  return {
    id,
    name: view.nameOf(id),
    fault,
    // Smithy's default when @httpError is absent: 400 for client errors, 500 for server errors.
    status: trait<number>(shape.traits, "httpError") ?? (fault === "server" ? 500 : 400),
  };
}

/** The operation's errors and the service's common errors, each once, sorted by name. */
export function operationErrors(view: ServiceView, op: OperationView): DocumentedError[] {
  return [...new Set([...op.errors, ...view.errors])]
    .map((id) => documentedError(view, id))
    .sort((a, b) => a.name.localeCompare(b.name, "en"));
}

/**
 * One `it` per error the operation can return: the implementation throws the generated error
 * class, and the client receives an instance of that class with the documented name, fault,
 * HTTP status and message. `input` is the expression of a valid input for the call.
 */
export function errorTests(
  view: ServiceView,
  op: OperationView,
  input: string,
  validInput: boolean,
  n: OperationNames,
): string[] {
  return operationErrors(view, op).map((e) => {
    const members = Object.keys(view.get(e.id).members ?? {});
    const message = `${e.name} thrown by the ${op.name} implementation`;
    // Errors whose message member is `Message` carry it there too; the client reads either.
    const extra = members.includes("Message") ? `, Message: ${JSON.stringify(message)}` : "";
    return `it(${JSON.stringify(`${e.name} (${e.fault}, ${e.status}): the server's error reaches the client as ${e.name}`)}, async () => {
  const handler = ${n.factory}({
    ${op.name}: async () => {
      throw new ${e.name}({ $metadata: {}, message: ${JSON.stringify(message)}${extra} });
    },
  });
  const error = await clientOf(serving(handler)${validInput ? "" : ", false"})
    .send(new ${n.command}(${input}))
    .catch((thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(${e.name});
  expect(error).toMatchObject({
    name: ${JSON.stringify(e.name)},
    $fault: ${JSON.stringify(e.fault)},
    $metadata: { httpStatusCode: ${e.status} },
    message: ${JSON.stringify(message)},
  });
});`;
  });
}
