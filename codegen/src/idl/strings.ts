/**
 * The values of quoted strings and text blocks: escapes, and a text block's incidental
 * whitespace removal (smithy.io/2.0/spec/idl.html#text-blocks). Failures throw a plain Error
 * whose message the tokenizer prefixes with "Error parsing quoted string: " or "... text block: ".
 */

const SIMPLE_ESCAPES: Record<string, string> = {
  '"': '"',
  "\\": "\\",
  "/": "/",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
};

/** Interprets escapes in the raw body of a quoted string or (already de-indented) text block. */
export function quotedStringValue(raw: string): string {
  if (!raw.includes("\\") && !raw.includes("\r")) return raw;
  let out = "";
  const n = raw.length;
  for (let i = 0; i < n; i++) {
    const c = raw[i] as string;
    if (c === "\r") {
      // Line endings normalise to \n.
      out += "\n";
      if (raw[i + 1] === "\n") i++;
      continue;
    }
    if (c !== "\\") {
      out += c;
      continue;
    }
    const e = raw[i + 1];
    if (e === undefined) throw new Error("Invalid escape found in string: `\\`");
    if (e === "\n") {
      i++;
      continue;
    }
    if (e === "\r") {
      i += raw[i + 2] === "\n" ? 2 : 1;
      continue;
    }
    if (e === "u") {
      if (i + 6 > n) throw new Error("Invalid unclosed unicode escape found in string");
      let code = 0;
      for (let k = i + 2; k < i + 6; k++) {
        const h = raw[k] as string;
        const d = Number.parseInt(h, 16);
        if (!/[0-9A-Fa-f]/.test(h) || Number.isNaN(d)) {
          throw new Error(`Invalid unicode escape character: \`${h}\``);
        }
        code = code * 16 + d;
      }
      out += String.fromCharCode(code);
      i += 5;
      continue;
    }
    const simple = SIMPLE_ESCAPES[e];
    if (simple === undefined) throw new Error(`Invalid escape found in string: \`\\${e}\``);
    out += simple;
    i++;
  }
  return out;
}

function leadingWhitespace(line: string): number {
  let i = 0;
  while (i < line.length && (line[i] === " " || line[i] === "\t")) i++;
  return i;
}

/**
 * The value of a text block from its body (what lies between the opening `"""` and the closing
 * `"""`). The body must start with a line break. Incidental whitespace is the least indentation
 * of the lines that hold something other than whitespace, and of the closing line; trailing
 * spaces are removed from every line; escapes are read last, so `\` + newline joins lines.
 */
export function textBlockValue(body: string): string {
  const normalized = body.replace(/\r\n?/g, "\n");
  if (normalized.length === 0) throw new Error("Text block is empty");
  if (normalized[0] !== "\n") throw new Error("Text block must start with a new line");
  const lines = normalized.slice(1).split("\n");
  let indent = Number.POSITIVE_INFINITY;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const ws = leadingWhitespace(line);
    if (ws < line.length || i === lines.length - 1) indent = Math.min(indent, ws);
  }
  const out: string[] = [];
  for (const line of lines) {
    const ws = leadingWhitespace(line);
    if (ws === line.length) out.push("");
    else out.push(line.slice(indent).replace(/[ \t]+$/, ""));
  }
  return quotedStringValue(out.join("\n"));
}
