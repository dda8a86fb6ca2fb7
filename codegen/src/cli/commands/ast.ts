/**
 * `docsmith ast FILE...`: loads the given .smithy / .json files (directories: every model file
 * beneath) and prints the model as JSON AST without the bundled prelude shapes, in stable key
 * order. Events go to stderr the way a compiler prints them; any ERROR exits 1 and prints no AST.
 */
import { formatEvent } from "../../model/ast.js";
import { loadFiles, toCanonicalJson, withoutBundled } from "../../model/load.js";

export async function run(args: string[]): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    process.stdout.write("usage: docsmith ast FILE...\n");
    return 0;
  }
  if (args.length === 0) {
    process.stderr.write("usage: docsmith ast FILE...\n");
    return 2;
  }
  let result: Awaited<ReturnType<typeof loadFiles>>;
  try {
    result = await loadFiles(args);
  } catch (e) {
    process.stderr.write(`docsmith ast: ${(e as Error).message}\n`);
    return 1;
  }
  for (const event of result.events) {
    if (event.severity !== "NOTE" && event.severity !== "SUGGESTION") {
      process.stderr.write(`${formatEvent(event)}\n`);
    }
  }
  if (!result.ok) {
    const n = result.events.filter((e) => e.severity === "ERROR").length;
    process.stderr.write(`docsmith ast: ${n} error${n === 1 ? "" : "s"}\n`);
    return 1;
  }
  process.stdout.write(toCanonicalJson(withoutBundled(result.model)));
  return 0;
}
