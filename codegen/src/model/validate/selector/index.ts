/** The Smithy selector language: parse once, evaluate against any model index. */
export { CompiledSelector, matchesType } from "./evaluate.js";
export { parseSelector, type Selector, type Step } from "./parser.js";
export { SelectorSyntaxError } from "./scanner.js";

import { CompiledSelector } from "./evaluate.js";
import { parseSelector } from "./parser.js";

/** Parses and compiles a selector; throws SelectorSyntaxError on bad syntax. */
export function compileSelector(text: string): CompiledSelector {
  return new CompiledSelector(parseSelector(text));
}
