// @docsmith/runtime: what every generated package shares at run time.
export * from "./schema.js";
