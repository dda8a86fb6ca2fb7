/** A one-operation restJson1 (or awsJson1_1) model around some input members, for rule tests. */
import type { AstShape, MemberShape, Model } from "../../../src/model/ast.js";

export const TINY = "tiny#Svc";

export function tinyModel(
  members: Record<string, MemberShape>,
  shapes: Record<string, AstShape> = {},
  protocol: "aws.protocols#restJson1" | "aws.protocols#awsJson1_1" = "aws.protocols#restJson1",
): Model {
  return {
    smithy: "2.0",
    shapes: {
      [TINY]: {
        type: "service",
        version: "1",
        operations: [{ target: "tiny#Op" }],
        traits: { [protocol]: {} },
      },
      "tiny#Op": {
        type: "operation",
        input: { target: "tiny#OpInput" },
        output: { target: "smithy.api#Unit" },
        traits: { "smithy.api#http": { method: "POST", uri: "/op" } },
      },
      "tiny#OpInput": { type: "structure", members },
      ...shapes,
    },
  };
}
