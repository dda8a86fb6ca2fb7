/**
 * Whether an `Accept` header admits `contentType`: no header admits anything; otherwise one of
 * its media ranges must be the type itself, `type/*` or `*\/*` (parameters ignored, except
 * `q=0`, which refuses the range). Servers answer 406 NotAcceptableException otherwise
 * (RestJsonWithBodyExpectsApplicationJsonAccept and friends).
 */
export function acceptable(accept: string | undefined, contentType: string): boolean {
  if (accept === undefined || accept.trim() === "") return true;
  const wanted = contentType.toLowerCase();
  const slash = wanted.indexOf("/");
  const anySubtype = `${wanted.slice(0, slash)}/*`;
  // Bounded: a header is at most the server's header size limit, each range is looked at once.
  for (const range of accept.split(",")) {
    const [media = "", ...params] = range.split(";").map((s) => s.trim().toLowerCase());
    if (params.some((p) => /^q=0(\.0*)?$/.test(p))) continue;
    if (media === wanted || media === anySubtype || media === "*/*") return true;
  }
  return false;
}
