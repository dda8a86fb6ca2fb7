import type { NodeValue } from "../model/ast.js";
import { parseSource, type SourceFile } from "../model/load.js";
import { TranscribeError } from "./transcribed.js";

/**
 * The hand-written facts in models/<svc>/service.smithy that change what the transcriber writes,
 * as `metadata` entries (Smithy keeps unknown metadata, and these describe the whole service):
 *
 * - `docsmithMemberNames = "PascalCase"`: the docs print wire names, but the service's AWS SDK
 *   names members in PascalCase; body members keep the printed name as @jsonName.
 * - `docsmithErrorMessageMember = "message"`: the JSON key of the message every error body
 *   carries (as the docs would print it); each error structure gets that String member.
 * - `docsmithErrata = [{ id, operation, example, path, note }]`: documented example values that
 *   break the docs' own constraints (path: JSON Pointer into the example, `/output/...`).
 */
export interface ServiceFacts {
  /** Path of service.smithy, relative to the repository root. */
  file: string;
  memberNames?: FactValue<"PascalCase">;
  errorMessageMember?: FactValue<string>;
  errata: Erratum[];
  /** Line of the `metadata docsmithErrata` statement (1 when absent). */
  errataLine: number;
}

export interface FactValue<T> {
  value: T;
  line: number;
}

export interface Erratum {
  id: string;
  /** Absolute operation shape id. */
  operation: string;
  /** The example's title. */
  example: string;
  /** JSON Pointer into the example: `/input/...` or `/output/...`. */
  path: string;
  note: string;
}

export const MEMBER_NAMES = "docsmithMemberNames";
export const ERROR_MESSAGE_MEMBER = "docsmithErrorMessageMember";
export const ERRATA = "docsmithErrata";

/** No hand-written facts: the model says exactly what the docs print. */
export function noFacts(file: string): ServiceFacts {
  return { file, errata: [], errataLine: 1 };
}

/** Reads the transcriber's facts from service.smithy; a malformed fact names its line. */
export function readServiceFacts(source: SourceFile): ServiceFacts {
  const parsed = parseSource(source);
  const syntax = parsed.events.find((e) => e.severity === "ERROR");
  if (syntax) {
    throw new TranscribeError(
      { file: source.path, line: syntax.location?.line ?? 1 },
      `cannot read the service facts: ${syntax.message}`,
    );
  }
  const facts = noFacts(source.path);
  for (const m of parsed.metadata) {
    const at = { file: source.path, line: m.pos.line };
    const value = m.value.value;
    if (m.key === MEMBER_NAMES) {
      if (value !== "PascalCase") {
        throw new TranscribeError(at, `${MEMBER_NAMES} must be "PascalCase" (or left out)`);
      }
      facts.memberNames = { value, line: at.line };
    } else if (m.key === ERROR_MESSAGE_MEMBER) {
      if (typeof value !== "string" || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(value)) {
        throw new TranscribeError(at, `${ERROR_MESSAGE_MEMBER} must be a member name`);
      }
      facts.errorMessageMember = { value, line: at.line };
    } else if (m.key === ERRATA) {
      facts.errata = readErrata(value, at);
      facts.errataLine = at.line;
    }
  }
  return facts;
}

function readErrata(value: NodeValue, at: { file: string; line: number }): Erratum[] {
  if (!Array.isArray(value)) throw new TranscribeError(at, `${ERRATA} must be a list`);
  const ids = new Set<string>();
  return value.map((entry, i) => {
    const field = (name: keyof Erratum): string => {
      const v = entry && typeof entry === "object" && !Array.isArray(entry) ? entry[name] : null;
      if (typeof v !== "string" || v === "") {
        throw new TranscribeError(at, `${ERRATA}[${i}] needs a string "${name}"`);
      }
      return v;
    };
    const erratum = {
      id: field("id"),
      operation: field("operation"),
      example: field("example"),
      path: field("path"),
      note: field("note"),
    };
    if (!/^\/(input|output)(\/|$)/.test(erratum.path)) {
      throw new TranscribeError(
        at,
        `${ERRATA}[${i}] path "${erratum.path}" must be a JSON Pointer starting /input or /output`,
      );
    }
    if (ids.has(erratum.id))
      throw new TranscribeError(at, `erratum id ${erratum.id} is used twice`);
    ids.add(erratum.id);
    return erratum;
  });
}
