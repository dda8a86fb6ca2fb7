import {
  existsSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, resolve } from "node:path";
import { formatEvent } from "../../model/ast.js";
import { type BuiltService, buildService } from "../../transcribe/build-service.js";
import { type ServiceEntry, serviceEntry } from "../../transcribe/registry.js";
import type { OutputFile } from "../../transcribe/service-files.js";
import type { DocFile } from "../../transcribe/transcribe-service.js";
import { TranscribeError } from "../../transcribe/transcribed.js";

const USAGE = "usage: docsmith transcribe [--check] [svc...]";

export interface TranscribeIo {
  /** The repository root (the folder holding models/). */
  root: string;
  out: (text: string) => void;
  err: (text: string) => void;
}

export async function run(args: string[]): Promise<number> {
  return transcribeCommand(args, {
    root: findRoot(process.cwd()),
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
  });
}

/** The nearest folder at or above `from` that holds models/. */
export function findRoot(from: string): string {
  for (let dir = resolve(from), i = 0; i < 64; i++) {
    if (existsSync(join(dir, "models")) && statSync(join(dir, "models")).isDirectory()) return dir;
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return resolve(from);
}

/**
 * `docsmith transcribe [--check] [svc...]`: transcribes models/<svc>/docs into
 * models/<svc>/<svc>.smithy and models/<svc>/REPAIRS.md with the facts of service.smithy, after
 * checking that the result loads with service.smithy without errors and that every documented
 * example meets the model's constraints or is a recorded erratum. Nothing is written unless
 * every service succeeds.
 */
export async function transcribeCommand(args: string[], io: TranscribeIo): Promise<number> {
  let check = false;
  const named: string[] = [];
  for (const a of args) {
    if (a === "--check") check = true;
    else if (a === "--help" || a === "-h") {
      io.out(`${USAGE}\n`);
      return 0;
    } else if (a.startsWith("-")) {
      io.err(`docsmith transcribe: unknown option '${a}'\n${USAGE}\n`);
      return 2;
    } else named.push(a);
  }
  const modelsDir = join(io.root, "models");
  const svcs = named.length ? named : listServices(modelsDir);
  const entries: ServiceEntry[] = [];
  for (const svc of svcs) {
    const entry = serviceEntry(svc);
    if (!entry) {
      io.err(
        `docsmith transcribe: unknown service '${svc}' (no transcriber registry entry)\n${USAGE}\n`,
      );
      return 2;
    }
    entries.push(entry);
  }
  if (entries.length === 0) {
    io.err(`docsmith transcribe: no services under ${modelsDir}\n`);
    return 2;
  }

  const outputs: OutputFile[] = [];
  let failed = false;
  for (const entry of entries) {
    const result = await transcribeOne(entry, io);
    if (result) outputs.push(...result);
    else failed = true;
  }
  if (failed) {
    io.err("docsmith transcribe: nothing written\n");
    return 1;
  }

  const changed = outputs.filter((f) => {
    const path = join(io.root, f.path);
    return !existsSync(path) || readFileSync(path, "utf8") !== f.text;
  });
  if (check) {
    for (const f of changed) io.out(`would change: ${f.path}\n`);
    if (changed.length) {
      io.err(
        `docsmith transcribe --check: ${changed.length} file(s) out of date; run docsmith transcribe\n`,
      );
      return 1;
    }
    io.out(`docsmith transcribe --check: ${outputs.length} file(s) up to date\n`);
    return 0;
  }
  for (const f of changed) {
    const path = join(io.root, f.path);
    writeFileSync(`${path}.tmp`, f.text);
    renameSync(`${path}.tmp`, path);
    io.out(`wrote ${f.path}\n`);
  }
  io.out(
    `docsmith transcribe: ${changed.length} written, ${outputs.length - changed.length} unchanged\n`,
  );
  return 0;
}

function listServices(modelsDir: string): string[] {
  if (!existsSync(modelsDir)) return [];
  return readdirSync(modelsDir)
    .filter((d) => existsSync(join(modelsDir, d, "docs")))
    .sort();
}

/** The files of one service, or undefined after printing why it cannot be transcribed. */
async function transcribeOne(
  entry: ServiceEntry,
  io: TranscribeIo,
): Promise<OutputFile[] | undefined> {
  const dir = `models/${entry.svc}`;
  const docsDir = join(io.root, dir, "docs");
  const docs: DocFile[] = existsSync(docsDir)
    ? readdirSync(docsDir)
        .filter((f) => f.endsWith(".txt"))
        .sort()
        .map((f) => ({ path: `${dir}/docs/${f}`, text: readFileSync(join(docsDir, f), "utf8") }))
    : [];
  const servicePath = `${dir}/service.smithy`;
  if (!existsSync(join(io.root, servicePath))) {
    io.err(`${servicePath}: missing (the hand-written service shape and doc corrections)\n`);
    return undefined;
  }
  const serviceFile = { path: servicePath, text: readFileSync(join(io.root, servicePath), "utf8") };
  let built: BuiltService;
  try {
    built = await buildService(entry, docs, serviceFile);
  } catch (e) {
    if (e instanceof TranscribeError) {
      io.err(`${e.message}\n`);
      return undefined;
    }
    throw e;
  }
  const errors = built.loaded.events.filter((e) => e.severity === "ERROR");
  if (errors.length || !built.loaded.ok) {
    for (const e of errors) io.err(`${formatEvent(e)}\n`);
    io.err(`${entry.svc}: the transcribed model does not load; nothing written\n`);
    return undefined;
  }
  return built.files;
}
