import type { AstShape } from "../model/ast.js";

/**
 * What a page parser hands to the model writer: the doc-derived part of one service model, as
 * Smithy JSON AST shapes, plus the repairs made to the docs' text on the way.
 *
 * The doc-derived part is written to models/<svc>/<svc>.smithy (generated). It holds every
 * operation, structure, enum and error the pages define, and a service *mixin* named
 * `<Service>Api` carrying `version`, `operations` and `errors` (the common errors), so that the
 * hand-written models/<svc>/service.smithy only declares `service X with [XApi] { }` and the
 * facts the docs do not state. A new documented operation thus flows in with one command.
 */
export interface TranscribedService {
  /** Smithy namespace, e.g. `com.amazonaws.inspector`. */
  namespace: string;
  /** Absolute shape id -> shape, in the order they should be written (docs order). */
  shapes: Record<string, AstShape>;
  /**
   * Where each shape (or member, `ns#Shape$member`) was read from, for comments and errors; and
   * where each example's input and output were printed (keys from exampleSource()).
   */
  sources: Record<string, DocLocation>;
  /** Every repair of the docs' text, in docs order. */
  repairs: Repair[];
}

export interface DocLocation {
  /** Path of the docs file, relative to the repository root. */
  file: string;
  /** 1-based line. */
  line: number;
}

/** The `sources` key of where an example's input (the sample request) or output was printed. */
export function exampleSource(operation: string, title: string, side: "input" | "output"): string {
  return `${operation} example ${JSON.stringify(title)} ${side}`;
}

/** One repair: what the docs print, what the model uses, and why. */
export interface Repair extends DocLocation {
  /** Shape id (or `ns#Op` + example title) the repair is about. */
  subject: string;
  printed: string;
  used: string;
  why: string;
}

/** A problem in the docs that stops transcription (nothing is written). */
export class TranscribeError extends Error {
  constructor(
    readonly location: DocLocation,
    message: string,
  ) {
    super(`${location.file}:${location.line}: ${message}`);
    this.name = "TranscribeError";
  }
}
