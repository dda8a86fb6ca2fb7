/** Where each member of an input, output or error structure travels in an HTTP message. */
import type { AstShape, MemberShape } from "../../model/ast.js";
import { has, str, T } from "./traits.js";

export type BindingLocation =
  | "label"
  | "query"
  | "queryParams"
  | "header"
  | "prefixHeaders"
  | "payload"
  | "responseCode"
  | "document";

export interface Binding {
  memberName: string;
  member: MemberShape;
  location: BindingLocation;
  /** The label, query key or header name; the member name otherwise. */
  locationName: string;
}

/** Classifies members by the HTTP binding traits that apply on the given side. */
export function httpBindings(
  structure: AstShape | undefined,
  side: "request" | "response",
): Binding[] {
  const out: Binding[] = [];
  for (const [memberName, member] of Object.entries(structure?.members ?? {})) {
    const traits = member.traits;
    const bind = (location: BindingLocation, locationName = memberName) =>
      out.push({ memberName, member, location, locationName });
    if (side === "request" && has(traits, T.httpLabel)) bind("label");
    else if (side === "request" && has(traits, T.httpQuery))
      bind("query", str(traits, T.httpQuery));
    else if (side === "request" && has(traits, T.httpQueryParams)) bind("queryParams");
    else if (has(traits, T.httpHeader)) bind("header", str(traits, T.httpHeader));
    else if (has(traits, T.httpPrefixHeaders))
      bind("prefixHeaders", str(traits, T.httpPrefixHeaders));
    else if (has(traits, T.httpPayload)) bind("payload");
    else if (side === "response" && has(traits, T.httpResponseCode)) bind("responseCode");
    else bind("document");
  }
  return out;
}

export function at(bindings: Binding[], location: BindingLocation): Binding[] {
  return bindings.filter((binding) => binding.location === location);
}
