// A synthetic awsJson1_1 service of N operations as a Smithy 2.0 JSON AST, shaped like the
// documented services: each operation has its own input and output, constrained members, a
// paginated list, shared structures, enums and errors.

const NS = "bench.synthetic";
export const SYNTHETIC_SERVICE = `${NS}#SyntheticService`;

const ref = (name) => ({ target: name.includes("#") ? name : `${NS}#${name}` });
const doc = (text) => ({ "smithy.api#documentation": text });

export function syntheticModel(operationCount) {
  const shapes = {};
  const ops = [];
  shapes[`${NS}#Arn`] = {
    type: "string",
    traits: { "smithy.api#length": { min: 1, max: 300 }, ...doc("An ARN.") },
  };
  shapes[`${NS}#Token`] = { type: "string", traits: { "smithy.api#length": { min: 1, max: 300 } } };
  shapes[`${NS}#State`] = {
    type: "enum",
    members: Object.fromEntries(
      ["CREATED", "RUNNING", "COMPLETED", "FAILED"].map((v) => [
        v,
        { target: "smithy.api#Unit", traits: { "smithy.api#enumValue": v } },
      ]),
    ),
  };
  shapes[`${NS}#Tag`] = {
    type: "structure",
    members: {
      key: { ...ref("Arn"), traits: { "smithy.api#required": {} } },
      value: ref("smithy.api#String"),
    },
  };
  shapes[`${NS}#TagList`] = {
    type: "list",
    member: ref("Tag"),
    traits: { "smithy.api#length": { min: 0, max: 50 } },
  };
  shapes[`${NS}#Item`] = {
    type: "structure",
    members: {
      arn: { ...ref("Arn"), traits: { "smithy.api#required": {} } },
      state: ref("State"),
      createdAt: ref("smithy.api#Timestamp"),
      tags: ref("TagList"),
    },
    traits: doc("An item."),
  };
  shapes[`${NS}#ItemList`] = { type: "list", member: ref("Item") };
  for (const [name, fault] of [
    ["InvalidInputException", "client"],
    ["InternalException", "server"],
  ]) {
    shapes[`${NS}#${name}`] = {
      type: "structure",
      members: { message: ref("smithy.api#String") },
      traits: { "smithy.api#error": fault, ...doc(`${name}.`) },
    };
  }
  for (let i = 0; i < operationCount; i++) {
    const name = `Operation${String(i).padStart(5, "0")}`;
    ops.push(ref(name));
    shapes[`${NS}#${name}Request`] = {
      type: "structure",
      members: {
        arn: { ...ref("Arn"), traits: { "smithy.api#required": {}, ...doc("The ARN to act on.") } },
        maxResults: {
          ...ref("smithy.api#Integer"),
          traits: { "smithy.api#range": { min: 1, max: 500 } },
        },
        nextToken: ref("Token"),
        tags: ref("TagList"),
      },
      traits: { "smithy.api#input": {} },
    };
    shapes[`${NS}#${name}Response`] = {
      type: "structure",
      members: {
        items: { ...ref("ItemList"), traits: { "smithy.api#required": {} } },
        nextToken: ref("Token"),
      },
      traits: { "smithy.api#output": {} },
    };
    shapes[`${NS}#${name}`] = {
      type: "operation",
      input: ref(`${name}Request`),
      output: ref(`${name}Response`),
      errors: [ref("InvalidInputException"), ref("InternalException")],
      traits: {
        ...doc(`Runs ${name}.`),
        "smithy.api#paginated": {
          inputToken: "nextToken",
          outputToken: "nextToken",
          pageSize: "maxResults",
          items: "items",
        },
      },
    };
  }
  shapes[SYNTHETIC_SERVICE] = {
    type: "service",
    version: "2024-01-01",
    operations: ops,
    traits: {
      "aws.api#service": {
        sdkId: "Synthetic",
        endpointPrefix: "synthetic",
        arnNamespace: "synthetic",
      },
      "aws.auth#sigv4": { name: "synthetic" },
      "aws.protocols#awsJson1_1": {},
      "smithy.api#title": "Synthetic Service",
      ...doc(`A synthetic service of ${operationCount} operations.`),
    },
  };
  return { smithy: "2.0", shapes };
}
