/** One difference between two versions of a service's API, and what it means for semver. */
export type Bump = "major" | "minor" | "patch";

export interface ApiChange {
  bump: Bump;
  /** Shape or member the change is about, e.g. `ListFindings` or `Finding.title`. */
  subject: string;
  /** A readable sentence, e.g. "Operation `Foo` was removed." */
  summary: string;
}

const order: Record<Bump, number> = { patch: 0, minor: 1, major: 2 };

/** The bump a set of changes calls for: the largest of them, or none when nothing changed. */
export function bumpFor(changes: readonly ApiChange[]): Bump | undefined {
  let bump: Bump | undefined;
  for (const c of changes) if (!bump || order[c.bump] > order[bump]) bump = c.bump;
  return bump;
}
