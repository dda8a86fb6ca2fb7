// One URI template matcher serves the server router and the restJson1 codec: for any path, the
// router picks an operation exactly when the codec can read that operation's labels from the
// path, and both read the same values.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildPath,
  compareTemplates,
  matchPath,
  parseUriTemplate,
} from "../../src/protocol/rest-json/uri-template.js";
import { restJson1 } from "../../src/protocol/rest-json.js";
import type { OperationSchema, StructureSchema } from "../../src/schema.js";
import { Rejection } from "../../src/server/error-answers.js";
import { compileRouter } from "../../src/server/router.js";
import { restService } from "./fixtures.js";

const str = { type: "string" } as const;
const out: StructureSchema = { type: "structure", id: "t#Out", members: {} };

function op(name: string, uri: string): OperationSchema {
  const members: Record<string, StructureSchema["members"][string]> = {};
  for (const m of uri.matchAll(/\{([^}+]+)(\+)?\}/g)) {
    members[m[1]!] = { target: str, required: true, http: { in: "label", greedy: !!m[2] } };
  }
  return {
    name,
    input: { type: "structure", id: `t#${name}Input`, members },
    output: out,
    errors: [],
    http: { method: "GET", uri, code: 200 },
  };
}

const TEMPLATES = ["/a/{b}", "/a/{b}/c", "/k/{bucket}/{key+}", "/k/{bucket}/{key+}/acl", "/lit/x"];
const operations = Object.fromEntries(TEMPLATES.map((uri, i) => [`Op${i}`, op(`Op${i}`, uri)]));
const route = compileRouter(restService, operations);

/** The router's answer for a path: the operation and labels, or undefined (404/405). */
function routed(path: string): { op: string; labels: Record<string, string> } | undefined {
  try {
    const r = route({ method: "GET", path, query: {}, headers: {} });
    return { op: r.op.name, labels: { ...r.labels } };
  } catch (error) {
    if (error instanceof Rejection) return undefined;
    throw error;
  }
}

/** The codec's reading of `path` as `operation`'s request (no labels handed over). */
function decoded(operation: OperationSchema, path: string): Record<string, unknown> | undefined {
  try {
    return {
      ...restJson1.deserializeRequest(restService, operation, {
        method: "GET",
        path,
        query: {},
        headers: {},
      }),
    };
  } catch {
    return undefined;
  }
}

const segment = fc.constantFrom(
  "a",
  "b",
  "c",
  "k",
  "x",
  "acl",
  "lit",
  "",
  "%2F",
  "b%20c",
  "%zz",
  "é",
  "+",
);
const paths = fc
  .array(segment, { maxLength: 6 })
  .chain((segs) =>
    fc.boolean().map((slash) => `/${segs.join("/")}${slash && segs.length ? "/" : ""}`),
  );

describe("URI templates: one matcher for router and codec", () => {
  it("agree on every path", () => {
    fc.assert(
      fc.property(paths, (path) => {
        const r = routed(path);
        if (r) {
          // The codec reads exactly the labels the router matched.
          expect(decoded(operations[r.op]!, path)).toEqual(r.labels);
        }
        // A path the codec reads labels from is one the router accepts (perhaps for a more
        // specific template). Operations without labels never look at the path in the codec.
        for (const operation of Object.values(operations)) {
          if (!operation.http!.uri.includes("{")) continue;
          if (decoded(operation, path) !== undefined) expect(r, path).toBeDefined();
        }
      }),
      { numRuns: 500 },
    );
  });

  it("refuse empty inner segments and labels, tolerate one trailing slash", () => {
    for (const path of ["/a//c", "/a//", "/lit//x", "/k/b//k", "/k//x/acl"]) {
      expect(routed(path) ?? "none", path).toBe("none");
    }
    expect(decoded(operations.Op2!, "/k/b//k")).toBeUndefined();
    expect(decoded(operations.Op0!, "/a//")).toBeUndefined();
    expect(routed("/a/b%2Fc/")).toEqual({ op: "Op0", labels: { b: "b/c" } });
    expect(routed("/k/b/x/y%2Fz/acl")).toEqual({
      op: "Op3",
      labels: { bucket: "b", key: "x/y/z" },
    });
  });

  it("build the paths they match", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 8 }),
        fc.array(
          fc.string({ minLength: 1, maxLength: 5 }).filter((s) => !s.includes("/")),
          { minLength: 1, maxLength: 3 },
        ),
        (b, keyParts) => {
          const key = keyParts.join("/");
          for (const uri of ["/a/{b}/c", "/k/{b}/{key+}/acl"]) {
            const t = parseUriTemplate(uri);
            const labels = matchPath(t, buildPath(t, { b, key }));
            expect(labels).toEqual(uri.includes("key") ? { b, key } : { b });
          }
        },
      ),
    );
  });

  it("rank the most specific template first", () => {
    const sorted = ["/a/{b+}", "/a/{b}", "/a/{b}/c", "/a?x=1", "/a"]
      .map(parseUriTemplate)
      .sort(compareTemplates)
      .map((t) => t.uri);
    expect(sorted).toEqual(["/a/{b}/c", "/a?x=1", "/a/{b}", "/a", "/a/{b+}"]);
  });
});
