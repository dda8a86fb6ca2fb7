/** Reads a JSON AST fixture of this folder. */
import { readFileSync } from "node:fs";
import type { Model } from "../../../src/model/ast.js";

export function fixture(name: "inspector-like" | "notes-rest"): Model {
  return JSON.parse(
    readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), "utf8"),
  ) as Model;
}

export const INSPECTOR = "example.inspector#InspectorService";
export const NOTES = "example.notes#Notes";
