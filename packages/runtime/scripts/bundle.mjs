// Builds dist/: one ES module per entry point (and shared chunks), for Node and for browsers.
// The sources stay small modules; the published files are few because Node pays for every file
// it loads (resolve, open, read, parse: about 1 ms each), which dominated the package's import
// time. The AWS SDK ships its dist-cjs bundled per package for the same reason. Declarations come
// from tsc (tsconfig.build.json, emitDeclarationOnly), run after this script.
// Usage: node scripts/bundle.mjs   (the package's `build`)
import { readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** In the browser build, src/platform/X.js resolves to src/platform/X.browser.ts. */
const browserPlatform = {
  name: "browser-platform",
  setup(b) {
    b.onResolve({ filter: /\/platform\/[\w-]+\.js$/ }, (args) => ({
      path: join(args.resolveDir, args.path.replace(/\.js$/, ".browser.ts")),
    }));
  },
};

const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));

const common = {
  absWorkingDir: root,
  // The version the client's user agent names (src/client/user-agent.ts).
  define: { __DOCSMITH_VERSION__: JSON.stringify(version) },
  bundle: true,
  splitting: true,
  format: "esm",
  target: "es2022",
  sourcemap: true,
  // Dependencies stay imports: users share one copy of @smithy/* with their other AWS code.
  packages: "external",
  logLevel: "warning",
  // tsc resolves `./x.js` to `./x.ts`; esbuild needs to be told the same.
  resolveExtensions: [".ts", ".js"],
};

rmSync(join(root, "dist"), { recursive: true, force: true });
await build({
  ...common,
  entryPoints: { index: "src/index.ts", server: "src/server/index.ts" },
  outdir: "dist/node",
  platform: "node",
});
await build({
  ...common,
  entryPoints: { index: "src/index.ts" },
  outdir: "dist/browser",
  platform: "browser",
  plugins: [browserPlatform],
});
