/**
 * The services the transcriber knows: models/<svc>/docs/*.txt are a service's inputs (every file
 * there, in name order; each file's format is detected), and these are the facts that name the
 * doc-derived part. Everything else about a service lives in models/<svc>/service.smithy.
 */
export interface ServiceEntry {
  /** Folder under models/, and the name of the generated file (<svc>.smithy). */
  svc: string;
  namespace: string;
  /** Name of the doc-derived service mixin that service.smithy mixes in. */
  api: string;
}

export const SERVICES: readonly ServiceEntry[] = [
  { svc: "inspector", namespace: "com.amazonaws.inspector", api: "InspectorApi" },
  { svc: "securityhub", namespace: "com.amazonaws.securityhub", api: "SecurityHubApi" },
  { svc: "guardduty", namespace: "com.amazonaws.guardduty", api: "GuardDutyApi" },
  { svc: "securitylake", namespace: "com.amazonaws.securitylake", api: "SecurityLakeApi" },
];

export function serviceEntry(svc: string): ServiceEntry | undefined {
  return SERVICES.find((s) => s.svc === svc);
}
