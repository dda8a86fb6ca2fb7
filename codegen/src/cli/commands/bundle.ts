/**
 * `docsmith bundle [DIR]`: writes a generated package's dist/bundle (see bundle/package.ts);
 * the package's `build` script runs it before tsc writes dist/esm.
 */
import { resolve } from "node:path";
import { bundlePackage } from "../../bundle/package.js";

export async function run(args: string[]): Promise<number> {
  const usage = "usage: docsmith bundle [DIR]   (default: the current directory)\n";
  if (args.includes("--help") || args.includes("-h")) {
    process.stdout.write(usage);
    return 0;
  }
  if (args.length > 1) {
    process.stderr.write(usage);
    return 2;
  }
  const dir = resolve(args[0] ?? ".");
  try {
    const files = await bundlePackage(dir);
    const modules = files.filter((f) => f.endsWith(".js")).length;
    process.stdout.write(`docsmith bundle: ${modules} modules in ${dir}/dist/bundle\n`);
    return 0;
  } catch (e) {
    const error = e as Error & {
      errors?: { text: string; location?: { file: string; line: number; column: number } | null }[];
    };
    const details = error.errors?.map((m) =>
      m.location
        ? `${m.location.file}:${m.location.line}:${m.location.column + 1}: ${m.text}`
        : m.text,
    );
    process.stderr.write(`docsmith bundle: ${details?.join("\n") || error.message}\n`);
    return 1;
  }
}
