/**
 * A JSON scanner that tells a valid *prefix* of a JSON text from an invalid one: the repair of
 * code blocks cut by page breaks tries candidate joins and keeps those the scanner accepts.
 */

export interface Scan {
  /** Offset of the first character that no JSON text can have there, or -1. */
  error: number;
  /** The text is one complete JSON value (plus whitespace). */
  complete: boolean;
  /** For a valid prefix: the brackets still open, innermost last. */
  open: ("{" | "[")[];
}

type State = "value" | "firstValue" | "key" | "firstKey" | "colon" | "afterValue" | "done";

export function scanJson(text: string): Scan {
  const stack: ("{" | "[")[] = [];
  let state = "value" as State;
  let i = 0;
  const fail = (at: number): Scan => ({ error: at, complete: false, open: [] });
  const partial = (): Scan => ({ error: -1, complete: false, open: [...stack] });
  const afterValue = () => {
    state = stack.length === 0 ? "done" : "afterValue";
  };
  while (i < text.length) {
    const c = text[i];
    if (c === " " || c === "\t" || c === "\n" || c === "\r") {
      i++;
      continue;
    }
    switch (state) {
      case "done":
        return fail(i);
      case "colon":
        if (c !== ":") return fail(i);
        state = "value";
        i++;
        continue;
      case "afterValue": {
        const top = stack[stack.length - 1];
        if (c === ",") {
          state = top === "{" ? "key" : "value";
          i++;
        } else if ((c === "}" && top === "{") || (c === "]" && top === "[")) {
          stack.pop();
          i++;
          afterValue();
        } else return fail(i);
        continue;
      }
      case "firstKey":
      case "key": {
        if (c === "}" && state === "firstKey") {
          stack.pop();
          i++;
          afterValue();
          continue;
        }
        if (c !== '"') return fail(i);
        const end = scanString(text, i);
        if (end < 0) return partial();
        if (end === Number.MAX_SAFE_INTEGER) return fail(i);
        i = end;
        state = "colon";
        continue;
      }
      case "firstValue":
      case "value": {
        if (c === "]" && state === "firstValue") {
          stack.pop();
          i++;
          afterValue();
          continue;
        }
        if (c === "{" || c === "[") {
          stack.push(c);
          state = c === "{" ? "firstKey" : "firstValue";
          i++;
          continue;
        }
        if (c === '"') {
          const end = scanString(text, i);
          if (end < 0) return partial();
          if (end === Number.MAX_SAFE_INTEGER) return fail(i);
          i = end;
          afterValue();
          continue;
        }
        const lit = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(
          text.slice(i),
        );
        if (lit) {
          i += lit[0].length;
          if (i === text.length) return partial();
          afterValue();
          continue;
        }
        const rest = text.slice(i);
        if (["true", "false", "null"].some((w) => w.startsWith(rest)) || /^-?\d*\.?$/.test(rest)) {
          return partial();
        }
        return fail(i);
      }
    }
  }
  return state === "done" ? { error: -1, complete: true, open: [] } : partial();
}

/**
 * Scans a string starting at the quote at `start`. Returns the offset after the closing quote,
 * -1 if the text ends inside the string, or MAX_SAFE_INTEGER for a raw control character.
 */
export function scanString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text[i];
    if (c === "\\") i += 2;
    else if (c === '"') return i + 1;
    else if (c < " ") return Number.MAX_SAFE_INTEGER;
    else i++;
  }
  return -1;
}
