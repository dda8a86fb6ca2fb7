/**
 * Tree-shaking, measured the way users get it: esbuild bundles a program that uses one command,
 * for the browser and for Node, and the bundle must carry that command's code and not the
 * others'. The browser bundle must also carry nothing Node-only.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

const here = path.dirname(fileURLToPath(import.meta.url));

async function bundle(source: string, platform: "browser" | "node"): Promise<string> {
  const result = await build({
    stdin: { contents: source, resolveDir: here, loader: "ts" },
    bundle: true,
    minify: false,
    format: "esm",
    platform,
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}

const oneCommand = `
  import { InspectorClient, ListFindingsCommand } from "@docsmith/inspector";
  const client = new InspectorClient({ region: "us-east-1" });
  export const run = () => client.send(new ListFindingsCommand({ maxResults: 1 }));
`;

describe.each(["browser", "node"] as const)(
  "a one-command Inspector program for %s",
  (platform) => {
    it("carries ListFindings and none of the other 31 operations", async () => {
      const code = await bundle(oneCommand, platform);
      expect(code).toContain("ListFindings");
      for (const other of [
        "DescribeFindings",
        "CreateAssessmentTarget",
        "StartAssessmentRun",
        "SubscribeToEvent",
      ]) {
        expect(code, `${other} should be shaken out`).not.toContain(`${other}Request`);
        expect(code).not.toContain(`validate${other}Input`);
      }
      // Only awsJson1_1 is used: the REST-JSON codec must not come along.
      expect(code).toMatch(/\bawsJson1_1\s*=/);
      expect(code).not.toMatch(/\brestJson1\s*=/);
    });
  },
);

it("the browser bundle carries nothing Node-only", async () => {
  const code = await bundle(oneCommand, "browser");
  expect(code).not.toMatch(
    /from\s*["']node:|require\(["']node:|["'](fs|http|https|os|child_process)["']/,
  );
});
