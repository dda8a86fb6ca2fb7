import { type LoadResult, loadSources, type SourceFile } from "../model/load.js";
import { applyErrorMessageMember } from "./error-members.js";
import { exampleProblems, settleExamples } from "./example-errata.js";
import { applyMemberNames, pascalCase } from "./member-names.js";
import type { ServiceEntry } from "./registry.js";
import { readServiceFacts, type ServiceFacts } from "./service-facts.js";
import { type OutputFile, renderServiceFiles } from "./service-files.js";
import { type DocFile, transcribeService } from "./transcribe-service.js";
import { type TranscribedService, TranscribeError } from "./transcribed.js";

/** A service transcribed, its files rendered, and their load with service.smithy. */
export interface BuiltService {
  service: TranscribedService;
  /** models/<svc>/<svc>.smithy and models/<svc>/REPAIRS.md. */
  files: OutputFile[];
  /** The rendered model loaded with service.smithy; the caller reports its ERROR events. */
  loaded: LoadResult;
}

/**
 * The whole transcription of one service: the docs transcribed, the facts of service.smithy
 * applied (member names, error message member), the model rendered and loaded with
 * service.smithy, and the documented examples checked against its constraints (errata leave
 * `@examples`; anything else stops transcription). Throws TranscribeError (file:line).
 */
export async function buildService(
  entry: ServiceEntry,
  docs: DocFile[],
  serviceFile: SourceFile,
): Promise<BuiltService> {
  const facts = readServiceFacts(serviceFile);
  let service = applyServiceFacts(await transcribeService(entry, docs), facts);
  const docPaths = docs.map((d) => d.path);
  const render = () => {
    const files = renderServiceFiles(entry, service, docPaths);
    const smithy = files.find((f) => f.path.endsWith(".smithy"))!;
    return { files, loaded: loadSources([smithy, serviceFile]) };
  };
  let built = render();
  const blocking = built.loaded.events.filter(
    (e) => e.severity === "ERROR" && e.id !== "ExamplesTrait",
  );
  if (blocking.length) return { service, ...built };

  checkMemberNamesProtocol(built.loaded, entry, facts);
  const problems = exampleProblems(built.loaded.model, service);
  service = settleExamples(service, problems, facts, docs);
  if (problems.length) built = render();
  return { service, ...built };
}

/** The facts of service.smithy that change the doc-derived shapes, in the order they compose. */
export function applyServiceFacts(
  service: TranscribedService,
  facts: ServiceFacts,
): TranscribedService {
  let out = service;
  if (facts.memberNames) out = applyMemberNames(out, facts.memberNames, facts.file);
  if (facts.errorMessageMember) {
    // Named as the docs would print it (the wire key), then by the service's naming fact.
    const name = facts.memberNames ? pascalCase : undefined;
    out = applyErrorMessageMember(out, facts.errorMessageMember, facts.file, name);
  }
  return out;
}

/** Renamed members keep their wire names only through @jsonName, which AWS JSON 1.x ignores. */
function checkMemberNamesProtocol(loaded: LoadResult, entry: ServiceEntry, facts: ServiceFacts) {
  if (!facts.memberNames) return;
  for (const [id, shape] of Object.entries(loaded.model.shapes)) {
    if (shape.type !== "service" || !id.startsWith(`${entry.namespace}#`)) continue;
    const awsJson = Object.keys(shape.traits ?? {}).find((t) =>
      /^aws\.protocols#awsJson1_[01]$/.test(t),
    );
    if (awsJson) {
      throw new TranscribeError(
        { file: facts.file, line: facts.memberNames.line },
        `docsmithMemberNames renames members and keeps their wire names as @jsonName, which ` +
          `${awsJson} ignores: the wire would change`,
      );
    }
  }
}
