import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";

/**
 * Writes a generated package's dist/bundle: its entry points (index, server) as ES modules, the
 * code they share in a chunk, and each lazily imported validator as a chunk of its own. This is
 * what Node loads (the package's "default" export condition): Node pays about a millisecond for
 * every module file, and a package compiled file by file is dozens of them at import. Bundlers
 * get dist/esm instead (tsc's one file per source, with the declarations; the "module"
 * condition), because they drop unused commands a whole file at a time: a command class
 * `extends` an imported one, which no bundler can prove free of side effects within a file.
 */
export async function bundlePackage(dir: string): Promise<string[]> {
  const entryPoints = ["index", "server"]
    .filter((name) => existsSync(join(dir, "src", `${name}.ts`)))
    .map((name) => ({ in: `src/${name}.ts`, out: name }));
  if (entryPoints.length === 0) {
    throw new Error(`${dir}: no src/index.ts or src/server.ts to bundle`);
  }
  // A fresh dist (tsc writes dist/esm next): files of an older layout must not ship.
  rmSync(join(dir, "dist"), { recursive: true, force: true });
  const result = await build({
    absWorkingDir: dir,
    entryPoints,
    outdir: "dist/bundle",
    chunkNames: "chunks/[name]-[hash]",
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    sourcemap: true,
    // Dependencies stay imports (one shared copy of @docsmith/runtime and @smithy/*).
    packages: "external",
    // tsc resolves `./x.js` to `./x.ts`; esbuild is told the same.
    resolveExtensions: [".ts", ".js"],
    logLevel: "silent",
    metafile: true,
  });
  return Object.keys(result.metafile.outputs).sort();
}
