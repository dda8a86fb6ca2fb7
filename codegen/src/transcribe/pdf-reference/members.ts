import { TranscribeError } from "../transcribed.js";
import type { Item, Line } from "./pages.js";
import { cleanInline, documentation, headingName } from "./text.js";

/**
 * Member-block parser: the docs print each member (and each error) as a heading line holding
 * its name, description paragraphs, then "Field: value" lines (Type, constraints, Required,
 * HTTP Status Code). Field lines may wrap; "Valid Values" lists wrap at a "|".
 */

export interface Field {
  value: string;
  line: Line;
}

export interface Block {
  name: string;
  line: Line;
  documentation: string | undefined;
  fields: Map<string, Field>;
}

export const FIELD_NAMES = [
  "Type",
  "Array Members",
  "Length Constraints",
  "Valid Range",
  "Valid Values",
  "Pattern",
  "Required",
  "Condition",
  "HTTP Status Code",
] as const;

const FIELD = new RegExp(`^(${FIELD_NAMES.join("|")}):\\s*(.*)$`);

export interface BlockOptions {
  file: string;
  /** What a block describes, for messages: "member", "error". */
  what: string;
  /** The field every block must have; its absence means the text is truncated. */
  requiredField: string;
}

/**
 * Parses the blocks of a subsection. Text before the first block heading is an introduction
 * ("For information about the parameters that are common to all actions, ...") and is skipped.
 */
export function parseBlocks(items: Item[], options: BlockOptions): Block[] {
  const { file, what } = options;
  const blocks: Block[] = [];
  let current: { block: Block; doc: string[]; lastField?: string } | undefined;
  const finish = () => {
    if (!current) return;
    current.block.documentation = documentation(current.doc);
    blocks.push(current.block);
  };
  for (const it of items) {
    if (it.kind === "code") {
      throw new TranscribeError(
        { file, line: it.line.n },
        `unexpected code block among the ${what}s`,
      );
    }
    const { line } = it;
    if (line.text === "") {
      if (current && current.block.fields.size === 0) current.doc.push("");
      continue;
    }
    const field = FIELD.exec(line.text);
    if (field && current) {
      if (current.block.fields.has(field[1])) {
        throw new TranscribeError(
          { file, line: line.n },
          `${what} "${current.block.name}" repeats "${field[1]}:"`,
        );
      }
      current.block.fields.set(field[1], { value: cleanInline(field[2]), line });
      current.lastField = field[1];
      continue;
    }
    if (
      current?.lastField &&
      continuesField(current.block.fields.get(current.lastField)!, line.text)
    ) {
      const f = current.block.fields.get(current.lastField)!;
      f.value = `${f.value} ${cleanInline(line.text)}`;
      continue;
    }
    const name = headingName(line.text);
    if (name) {
      if (current && current.block.fields.size === 0) {
        throw new TranscribeError(
          { file, line: current.block.line.n },
          `${what} "${current.block.name}" has no "${options.requiredField}:" line (truncated section?)`,
        );
      }
      finish();
      current = { block: { name, line, documentation: undefined, fields: new Map() }, doc: [] };
      continue;
    }
    if (!current) continue; // introduction
    if (current.block.fields.size > 0) {
      throw new TranscribeError(
        { file, line: line.n },
        `unexpected text after the fields of ${what} "${current.block.name}": "${line.text}"`,
      );
    }
    current.doc.push(line.text);
  }
  finish();
  blocks.forEach((b) => {
    if (b.fields.has(options.requiredField)) return;
    throw new TranscribeError(
      { file, line: b.line.n },
      `${what} "${b.name}" has no "${options.requiredField}:" line (truncated section?)`,
    );
  });
  return blocks;
}

/** A wrapped "Valid Values" list continues on the next line at a "|". */
function continuesField(field: Field, text: string): boolean {
  return /\|$/.test(field.value) || /^\|/.test(text.trim());
}
