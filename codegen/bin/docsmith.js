#!/usr/bin/env node
// The CLI is compiled TypeScript; `pnpm run build` (or any root script) builds it first.
import { main } from "../dist/cli/main.js";

process.exitCode = await main(process.argv.slice(2));
