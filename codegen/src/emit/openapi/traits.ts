/** Trait ids the OpenAPI emitter reads, and typed accessors for their values. */
import type { AstShape, MemberShape, NodeValue, Traits } from "../../model/ast.js";

export const T = {
  documentation: "smithy.api#documentation",
  title: "smithy.api#title",
  required: "smithy.api#required",
  default: "smithy.api#default",
  length: "smithy.api#length",
  range: "smithy.api#range",
  pattern: "smithy.api#pattern",
  uniqueItems: "smithy.api#uniqueItems",
  enum: "smithy.api#enum",
  enumValue: "smithy.api#enumValue",
  jsonName: "smithy.api#jsonName",
  timestampFormat: "smithy.api#timestampFormat",
  mediaType: "smithy.api#mediaType",
  deprecated: "smithy.api#deprecated",
  sparse: "smithy.api#sparse",
  sensitive: "smithy.api#sensitive",
  error: "smithy.api#error",
  http: "smithy.api#http",
  httpError: "smithy.api#httpError",
  httpLabel: "smithy.api#httpLabel",
  httpQuery: "smithy.api#httpQuery",
  httpQueryParams: "smithy.api#httpQueryParams",
  httpHeader: "smithy.api#httpHeader",
  httpPrefixHeaders: "smithy.api#httpPrefixHeaders",
  httpPayload: "smithy.api#httpPayload",
  httpResponseCode: "smithy.api#httpResponseCode",
  streaming: "smithy.api#streaming",
  mixin: "smithy.api#mixin",
  restJson1: "aws.protocols#restJson1",
  awsJson1_1: "aws.protocols#awsJson1_1",
  sigv4: "aws.auth#sigv4",
  auth: "smithy.api#auth",
  optionalAuth: "smithy.api#optionalAuth",
  awsService: "aws.api#service",
} as const;

export function has(traits: Traits | undefined, id: string): boolean {
  return traits !== undefined && Object.hasOwn(traits, id);
}

export function str(traits: Traits | undefined, id: string): string | undefined {
  const value = traits?.[id];
  return typeof value === "string" ? value : undefined;
}

export function obj(traits: Traits | undefined, id: string): Record<string, NodeValue> | undefined {
  const value = traits?.[id];
  return value !== null && typeof value === "object" && !Array.isArray(value) ? value : undefined;
}

/** The documentation of a member, falling back to its target's (as Smithy's getMemberTrait does). */
export function docs(
  member: MemberShape | undefined,
  target: AstShape | undefined,
): string | undefined {
  return str(member?.traits, T.documentation) ?? str(target?.traits, T.documentation);
}

/** A trait on the member if present, else on its target (Smithy's member-trait lookup). */
export function memberTrait(
  member: MemberShape,
  target: AstShape | undefined,
  id: string,
): NodeValue | undefined {
  if (has(member.traits, id)) return member.traits?.[id];
  return target?.traits?.[id];
}

/** The shape name of an absolute shape id: `ns#Name` -> `Name`. */
export function shapeName(id: string): string {
  const at = id.indexOf("#");
  return at < 0 ? id : id.slice(at + 1);
}
