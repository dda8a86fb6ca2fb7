/**
 * `docsmith` command dispatcher. Each command lives in its own module under ./commands and
 * exports `run(args)`, resolving to the process exit code. Modules load lazily so that
 * `docsmith ast` does not pay for the emitters.
 */
export interface Command {
  summary: string;
  usage: string;
  load: () => Promise<{ run(args: string[]): Promise<number> }>;
}

export const commands: Record<string, Command> = {
  ast: {
    summary: "print the JSON AST of the model the given Smithy files make",
    usage: "docsmith ast FILE...",
    load: () => import("./commands/ast.js"),
  },
  transcribe: {
    summary: "transcribe models/<svc>/docs into models/<svc>/<svc>.smithy",
    usage: "docsmith transcribe [--check] [svc...]",
    load: () => import("./commands/transcribe.js"),
  },
  generate: {
    summary: "generate packages/<svc> from the models",
    usage: "docsmith generate [--check] [svc...] | --model FILE.json --service SHAPE_ID --out DIR",
    load: () => import("./commands/generate.js"),
  },
  bundle: {
    summary: "write a generated package's dist/bundle, what Node loads (its build runs this)",
    usage: "docsmith bundle [DIR]",
    load: () => import("./commands/bundle.js"),
  },
  serve: {
    summary: "serve the documented examples of a service on a local AWS endpoint",
    usage:
      "docsmith serve <svc>|all [--port N] [--host 127.0.0.1] [--auth sigv4 --credentials FILE]",
    load: () => import("./commands/serve.js"),
  },
  regen: {
    summary: "transcribe, generate, build and test, and record API changes as changesets",
    usage: "docsmith regen",
    load: () => import("./commands/regen.js"),
  },
};

function help(): string {
  const lines = ["usage: docsmith <command> [options]", "", "commands:"];
  for (const [name, c] of Object.entries(commands)) lines.push(`  ${name.padEnd(11)} ${c.summary}`);
  return lines.join("\n");
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(`${help()}\n`);
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`docsmith: unknown command '${name}'\n${help()}\n`);
    return 2;
  }
  const mod = await command.load();
  return mod.run(rest);
}
