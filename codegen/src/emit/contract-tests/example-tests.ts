import { commandName } from "../client/command-module.js";
import type {
  DocumentedExample,
  DocumentedRequest,
  DocumentedResponse,
} from "../documented-examples.js";
import { exampleValue } from "../example-values.js";
import type { OperationView, ServiceView } from "../service-view.js";
import { UNIT } from "../service-view.js";
import { literal } from "../tests/literal.js";

/** Names the tests of one operation share. */
export interface OperationNames {
  command: string;
  inputType: string;
  outputType: string;
  validateInput: string;
  validateOutput: string;
  factory: string;
}

/** Constant names of an example's data: `input`, or `input2` for the second example. */
function names(index: number) {
  const n = index === 0 ? "" : String(index + 1);
  return {
    input: `input${n}`,
    output: `output${n}`,
    request: `request${n}`,
    response: `response${n}`,
  };
}

function requestLiteral(r: DocumentedRequest): string {
  const out: Record<string, unknown> = { method: r.method, uri: r.uri };
  if (r.queryParams) out.queryParams = r.queryParams;
  out.headers = r.headers;
  if (r.body !== undefined) out.body = r.body;
  return literal(out);
}

function responseLiteral(r: DocumentedResponse): string {
  const out: Record<string, unknown> = { code: r.code, headers: r.headers };
  if (r.body !== undefined) out.body = r.body;
  return literal(out);
}

/** `text` as `//` comment lines of at most 96 characters (plus indentation). */
function comment(text: string): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > 93) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.map((l) => `// ${l}\n`).join("");
}

/** The part of an erratum path inside the input or output: `/output/a/0` -> `/a/0`. */
function pathIn(path: string, side: "input" | "output"): string | undefined {
  const prefix = `/${side}`;
  if (path === prefix) return "";
  return path.startsWith(`${prefix}/`) ? path.slice(prefix.length) : undefined;
}

/**
 * The constants and `it`s of one documented example: validation of input and output (or the
 * erratum's asserted failure), the client's request and parsing, the server's parsing and
 * serializing, each against the documented HTTP exchange when the docs print one, and a client
 * to server round trip when they do not.
 */
export function exampleTests(
  view: ServiceView,
  op: OperationView,
  ex: DocumentedExample,
  index: number,
  n: OperationNames,
): { constants: string; tests: string[] } {
  const c = names(index);
  const label = JSON.stringify(ex.title).slice(1, -1);
  const quote = (text: string) => JSON.stringify(`"${label}": ${text}`);
  const erratum = ex.erratum;
  const badInput = erratum ? pathIn(erratum.path, "input") : undefined;
  const badOutput = erratum ? pathIn(erratum.path, "output") : undefined;
  const inputValue = exampleValue(view, op.input, ex.input);
  const constants: string[] = [];
  const cast = (type: string, bad: boolean) => (bad ? ` as unknown as ${type}` : "");
  const badNote = erratum
    ? comment(
        `The docs' example breaks the docs' constraints: erratum ${erratum.id} at ${erratum.path}. ${erratum.note}`,
      )
    : "";
  constants.push(
    `${badNote}const ${c.input}: ${n.inputType} = ${literal(inputValue)}${cast(n.inputType, badInput !== undefined)};`,
  );
  const tests: string[] = [];

  // Validation: the documented values validate, or fail exactly where the erratum says.
  tests.push(
    badInput !== undefined
      ? `it(${quote(`the documented input breaks the docs' constraints at ${badInput || "/"} (erratum ${erratum!.id})`)}, () => {
  expectInvalidAt(${n.validateInput}, ${c.input}, ${JSON.stringify(badInput)});
});`
      : `it(${quote("the documented input validates")}, () => {
  expectValid(${n.validateInput}, ${c.input});
});`,
  );
  if (ex.error) {
    tests.push(...errorExampleTest(view, op, ex, c.input, n, quote, badInput !== undefined));
    return { constants: constants.join("\n"), tests };
  }
  const outputValue = exampleValue(view, op.output, ex.output ?? {});
  constants.push(
    `const ${c.output}: ${n.outputType} = ${literal(outputValue)}${cast(n.outputType, badOutput !== undefined)};`,
  );
  tests.push(
    badOutput !== undefined
      ? `it(${quote(`the documented output breaks the docs' constraints at ${badOutput || "/"} (erratum ${erratum!.id})`)}, () => {
  expectInvalidAt(${n.validateOutput}, ${c.output}, ${JSON.stringify(badOutput)});
});`
      : `it(${quote("the documented output validates")}, () => {
  expectValid(${n.validateOutput}, ${c.output});
});`,
  );

  const send = `new ${n.command}(${c.input})`;
  const clientArgs = badInput !== undefined ? ", false" : "";
  // The server validates outputs before sending them; an erratum's output is the docs' own.
  const serverOptions = badOutput !== undefined ? ", { validateOutput: false }" : "";
  /** `const received = []; const handler = …`: a server whose implementation records its input. */
  const server = (options: string) =>
    `const received: unknown[] = [];\n  const handler = ${n.factory}({\n    ${op.name}: async (input) => {\n      received.push(input);\n      return ${c.output};\n    },\n  }${options});`;

  if (ex.request) {
    constants.push(`const ${c.request}: DocumentedRequest = ${requestLiteral(ex.request)};`);
    tests.push(`it(${quote("the client sends the documented request")}, async () => {
  const sent: HttpRequest[] = [];
  const client = clientOf(answering(${ex.response ? c.response : `{ code: 200, headers: {} }`}, sent)${clientArgs});
  await client.send(${send});
  expectSent(sent, ${c.request});
});`);
  }
  if (ex.response) {
    constants.push(`const ${c.response}: DocumentedResponse = ${responseLiteral(ex.response)};`);
    tests.push(`it(${quote("the client parses the documented response into the documented output")}, async () => {
  const client = clientOf(answering(${c.response}, [])${clientArgs});
  const { $metadata, ...parsed } = await client.send(${send});
  expect($metadata.httpStatusCode).toBe(${c.response}.code);
  expect(parsed).toEqual(${c.output});
});`);
  }
  if (ex.request && badInput !== undefined) {
    tests.push(`it(${quote(`the server refuses the documented request, whose input breaks the docs' constraints (erratum ${erratum!.id})`)}, async () => {
  ${server("")}
  const answer = await handler(fetchRequest(${c.request}));
  expect(answer.status).toBe(400);
  expect(received).toEqual([]);
});`);
  } else if (ex.request) {
    tests.push(`it(${quote("the server parses the documented request into the documented input")}, async () => {
  ${server(serverOptions)}
  await handler(fetchRequest(${c.request}));
  expect(received).toEqual([${c.input}]);
});`);
  }
  if (ex.request && ex.response && badInput === undefined) {
    if (badOutput !== undefined) {
      tests.push(`it(${quote(`the server refuses to send the documented output, which breaks the docs' constraints (erratum ${erratum!.id})`)}, async () => {
  ${server("")}
  const answer = await handler(fetchRequest(${c.request}));
  expect(answer.status).toBe(500);
  expect(received).toHaveLength(1);
});`);
    }
    tests.push(`it(${quote(`the server serializes the documented output into the documented response${badOutput !== undefined ? " (output validation off)" : ""}`)}, async () => {
  ${server(serverOptions)}
  const answer = await handler(fetchRequest(${c.request}));
  expect(received).toHaveLength(1);
  await expectAnswered(answer, ${c.response});
});`);
  }
  if (!ex.request || !ex.response) {
    // The docs print no HTTP exchange for this example: the client and server still carry it.
    tests.push(`it(${quote("the documented input and output make the round trip from client to server and back")}, async () => {
  ${server(serverOptions)}
  const client = clientOf(serving(handler)${clientArgs});
  const { $metadata, ...parsed } = await client.send(${send});
  expect(received).toEqual([${c.input}]);
  expect(parsed).toEqual(${c.output});
});`);
  }
  return { constants: constants.join("\n"), tests };
}

/** An example documenting an error: the server's error reaches the client with its members. */
function errorExampleTest(
  view: ServiceView,
  op: OperationView,
  ex: DocumentedExample,
  input: string,
  n: OperationNames,
  quote: (text: string) => string,
  badInput: boolean,
): string[] {
  const errorId = ex.error!.shapeId;
  const name = view.nameOf(errorId);
  const content = exampleValue(view, errorId, ex.error!.content);
  return [
    `it(${quote(`the server's documented ${name} reaches the client`)}, async () => {
  const handler = ${n.factory}({
    ${op.name}: async () => {
      throw new ${name}({ $metadata: {}, ...${literal(content)} });
    },
  });
  const error = await clientOf(serving(handler)${badInput ? ", false" : ""}).send(new ${n.command}(${input})).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(${name});
  expect(error).toMatchObject(${literal(content)});
});`,
  ];
}

export function operationNames(
  view: ServiceView,
  op: OperationView,
  factory: string,
): OperationNames {
  const command = commandName(op);
  return {
    command,
    inputType: `${command}Input`,
    outputType: op.output === UNIT ? "Record<string, never>" : view.nameOf(op.output),
    validateInput: `validate${op.name}Input`,
    validateOutput: `validate${op.name}Output`,
    factory,
  };
}
