/**
 * `docsmith regen` on a copy of the repository's models whose docs were edited the way real doc
 * updates change an API: each edit must come out as a changeset with the right semver bump.
 */
import { execFileSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const cli = path.join(repo, "codegen", "bin", "docsmith.js");
const work = mkdtempSync(path.join(tmpdir(), "docsmith-regen-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A fresh checkout of one service: its models and its last generated package manifest + model. */
function checkout(svc: string): string {
  const dir = mkdtempSync(path.join(work, `${svc}-`));
  writeFileSync(path.join(dir, "pnpm-workspace.yaml"), "packages:\n  - packages/*\n");
  cpSync(path.join(repo, "models", svc), path.join(dir, "models", svc), { recursive: true });
  for (const f of ["package.json", "model.json"]) {
    cpSync(path.join(repo, "packages", svc, f), path.join(dir, "packages", svc, f));
  }
  return dir;
}

function editDoc(dir: string, svc: string, file: string, edit: (text: string) => string): void {
  const p = path.join(dir, "models", svc, "docs", file);
  const before = readFileSync(p, "utf8");
  const after = edit(before);
  expect(after, "the edit must change the doc").not.toBe(before);
  writeFileSync(p, after);
}

/** Runs regen (without the build/test step) and returns the changeset it wrote, if any. */
function regen(dir: string): string | undefined {
  execFileSync(process.execPath, [cli, "regen", "--no-verify"], { cwd: dir, encoding: "utf8" });
  const changesets = path.join(dir, ".changeset");
  if (!existsSync(changesets)) return undefined;
  const files = readdirSync(changesets).filter((f) => f.endsWith(".md"));
  expect(files.length).toBeLessThanOrEqual(1);
  return files[0] ? readFileSync(path.join(changesets, files[0]), "utf8") : undefined;
}

beforeAll(() => {
  if (!existsSync(path.join(repo, "codegen", "dist", "cli", "main.js"))) {
    throw new Error("build @docsmith/codegen first (pnpm run build)");
  }
});

// Each case spawns the CLI twice over (transcribe + generate): seconds apiece on a busy machine.
describe("docsmith regen", { timeout: 180_000 }, () => {
  it("writes no changeset when the docs did not change", () => {
    expect(regen(checkout("securityhub"))).toBeUndefined();
  });

  it("a documentation-only change is a patch", () => {
    const dir = checkout("securityhub");
    editDoc(dir, "securityhub", "securityhub-CreateActionTarget.txt", (t) =>
      t.replace(
        "The description for the custom action target.",
        "The description of the custom action target.",
      ),
    );
    const cs = regen(dir)!;
    expect(cs).toMatch(/^---\n"@docsmith\/securityhub": patch\n---/);
    expect(cs).toContain("`CreateActionTargetRequest.Description`: documentation changed.");
  });

  it("a removed operation is major", () => {
    const dir = checkout("securityhub");
    rmSync(path.join(dir, "models", "securityhub", "docs", "securityhub-AcceptInvitation.txt"));
    const cs = regen(dir)!;
    expect(cs).toMatch(/"@docsmith\/securityhub": major/);
    expect(cs).toContain("Operation `AcceptInvitation` was removed.");
    expect(cs).not.toContain("no longer lists operation");
  });

  it("a removed enum value is major, an added one minor", () => {
    const removed = checkout("securitylake");
    editDoc(removed, "securitylake", "securitylake-CreateSubscriber.txt", (t) =>
      t.replace("LAKEFORMATION | S3", "LAKEFORMATION"),
    );
    const major = regen(removed)!;
    expect(major).toMatch(/"@docsmith\/securitylake": major/);
    expect(major).toMatch(/lost the value "S3"/);

    const added = checkout("securitylake");
    editDoc(added, "securitylake", "securitylake-CreateSubscriber.txt", (t) =>
      t.replace("LAKEFORMATION | S3", "LAKEFORMATION | S3 | ATHENA"),
    );
    const minor = regen(added)!;
    expect(minor).toMatch(/"@docsmith\/securitylake": minor/);
    expect(minor).toMatch(/gained the value "ATHENA"/);
  });

  it("a member newly required on input is major", () => {
    const dir = checkout("securitylake");
    editDoc(dir, "securitylake", "securitylake-CreateSubscriber.txt", (t) =>
      t.replace(
        /(The Amazon S3 or AWS Lake Formation access type\.\nType: Array of strings\nValid Values:\nLAKEFORMATION \| S3\nRequired: )No/,
        "$1Yes",
      ),
    );
    const cs = regen(dir)!;
    expect(cs).toMatch(/"@docsmith\/securitylake": major/);
    expect(cs).toMatch(/accessTypes` is now required/);
  });

  it("a tightened constraint is major", () => {
    const dir = checkout("securitylake");
    editDoc(dir, "securitylake", "securitylake-CreateSubscriber.txt", (t) =>
      t.replace(
        "Length Constraints: Fixed length of 12.",
        "Length Constraints: Fixed length of 10.",
      ),
    );
    const cs = regen(dir)!;
    expect(cs).toMatch(/"@docsmith\/securitylake": major/);
    expect(cs).toMatch(/constraint tightened: @length \[12\.\.12\] -> \[10\.\.10\]/);
  });

  it("in git, measures from the committed model: one changeset per package, rewritten, dropped when undone", () => {
    const dir = checkout("securitylake");
    const git = (...args: string[]) =>
      execFileSync("git", ["-c", "user.email=t@example.com", "-c", "user.name=t", ...args], {
        cwd: dir,
        encoding: "utf8",
      });
    git("init", "-q");
    git("add", "-A");
    git("commit", "-qm", "baseline");
    const doc = "securitylake-CreateSubscriber.txt";
    const original = readFileSync(path.join(dir, "models", "securitylake", "docs", doc), "utf8");
    editDoc(dir, "securitylake", doc, (t) =>
      t.replace(
        "Length Constraints: Fixed length of 12.",
        "Length Constraints: Fixed length of 10.",
      ),
    );
    expect(regen(dir)).toMatch(/"@docsmith\/securitylake": major/);
    // A plain transcribe + generate updates the package's model.json; regen still sees the
    // change against the commit, and rewrites the same changeset rather than adding one.
    execFileSync(process.execPath, [cli, "transcribe"], { cwd: dir });
    execFileSync(process.execPath, [cli, "generate"], { cwd: dir });
    expect(regen(dir)).toMatch(/constraint tightened: @length \[12\.\.12\] -> \[10\.\.10\]/);
    // Undone: nothing changed since the commit, and the changeset goes.
    writeFileSync(path.join(dir, "models", "securitylake", "docs", doc), original);
    expect(regen(dir)).toBeUndefined();
  });

  it("writes nothing when generate fails after transcribe", () => {
    const dir = checkout("securitylake");
    const smithy = path.join(dir, "models", "securitylake", "securitylake.smithy");
    const before = readFileSync(smithy, "utf8");
    editDoc(dir, "securitylake", "securitylake-CreateSubscriber.txt", (t) =>
      t.replace(
        "Type: Array of SourceType objects",
        "Type: Array of CreateSubscriberRequestContent objects",
      ),
    );
    let failed: { status: number; stderr: string } | undefined;
    try {
      execFileSync(process.execPath, [cli, "regen", "--no-verify"], {
        cwd: dir,
        encoding: "utf8",
        stdio: "pipe",
      });
    } catch (e) {
      failed = e as { status: number; stderr: string };
    }
    expect(failed?.status).toBe(1);
    expect(failed?.stderr).toMatch(/nothing written/);
    expect(readFileSync(smithy, "utf8")).toBe(before);
    expect(existsSync(path.join(dir, ".changeset"))).toBe(false);
  });
});
