// Loader benchmark: builds a synthetic Smithy IDL model the size and shape of Amazon Inspector
// (Classic) — one awsJson1_1 service, 37 operations with inputs/outputs, errors, lists, maps,
// enums and documentation, about 150 shapes — and loads it N times with the built
// @docsmith/codegen (codegen/dist), printing the median and p90 wall time of `loadSources`.
// The first load (which also parses the bundled prelude once per process) is reported apart;
// the minimum is printed too, as the figure least disturbed by other load on the machine.
// Usage: node bench/loader.mjs [N]   (build first: pnpm --filter @docsmith/codegen build)
// No anchor: no JavaScript tool reads Smithy IDL, so its figures are for tracking over time.
import { performance } from "node:perf_hooks";
import { fmt, report } from "./lib/results.mjs";

const { loadSources, withoutBundled } = await import("../codegen/dist/index.js");

const N = Number(process.argv[2] ?? 50);

function inspectorLikeModel() {
  const ops = [
    "AddAttributesToFindings",
    "CreateAssessmentTarget",
    "CreateAssessmentTemplate",
    "CreateExclusionsPreview",
    "CreateResourceGroup",
    "DeleteAssessmentRun",
    "DeleteAssessmentTarget",
    "DeleteAssessmentTemplate",
    "DescribeAssessmentRuns",
    "DescribeAssessmentTargets",
    "DescribeAssessmentTemplates",
    "DescribeCrossAccountAccessRole",
    "DescribeExclusions",
    "DescribeFindings",
    "DescribeResourceGroups",
    "DescribeRulesPackages",
    "GetAssessmentReport",
    "GetExclusionsPreview",
    "GetTelemetryMetadata",
    "ListAssessmentRunAgents",
    "ListAssessmentRuns",
    "ListAssessmentTargets",
    "ListAssessmentTemplates",
    "ListEventSubscriptions",
    "ListExclusions",
    "ListFindings",
    "ListRulesPackages",
    "ListTagsForResource",
    "PreviewAgents",
    "RegisterCrossAccountAccessRole",
    "RemoveAttributesFromFindings",
    "SetTagsForResource",
    "StartAssessmentRun",
    "StopAssessmentRun",
    "SubscribeToEvent",
    "UnsubscribeFromEvent",
    "UpdateAssessmentTarget",
  ];
  const lines = [
    '$version: "2.0"',
    "",
    "namespace com.amazonaws.inspector",
    "",
    "use aws.protocols#awsJson1_1",
    "use aws.api#service",
    "use aws.auth#sigv4",
    "",
    "/// Amazon Inspector enables you to analyze the behavior of your AWS resources.",
    "@awsJson1_1",
    '@service(sdkId: "Inspector", arnNamespace: "inspector", endpointPrefix: "inspector")',
    '@sigv4(name: "inspector")',
    '@title("Amazon Inspector")',
    "service InspectorService {",
    '    version: "2016-02-16"',
    `    operations: [${ops.join(", ")}]`,
    "}",
    "",
  ];
  for (const op of ops) {
    const list = op.startsWith("List") || op.startsWith("Describe");
    lines.push(
      `/// Runs the ${op} action.`,
      list
        ? `@paginated(inputToken: "nextToken", outputToken: "nextToken", pageSize: "maxResults")`
        : "",
      list ? "@readonly" : "",
      `operation ${op} {`,
      "    input := {",
      "        /// The ARN of the resource.",
      "        @required",
      "        arn: Arn",
      "        /// Filters the results.",
      "        filter: AttributeList",
      list ? "        nextToken: PaginationToken" : "",
      list ? "        @range(min: 1, max: 500)\n        maxResults: Integer" : "",
      "    }",
      "    output := {",
      "        @required",
      `        ${list ? "items" : "result"}: ${list ? "ArnList" : "String"}`,
      list ? "        nextToken: PaginationToken" : "",
      "        failedItems: FailedItems",
      "    }",
      "    errors: [InternalException, InvalidInputException, AccessDeniedException, NoSuchEntityException]",
      "}",
      "",
    );
  }
  lines.push(
    "/// An Amazon Resource Name.",
    "@length(min: 1, max: 300)",
    "string Arn",
    "",
    "@length(min: 1, max: 300)",
    "string PaginationToken",
    "",
    "list ArnList {",
    "    member: Arn",
    "}",
    "",
    "structure Attribute {",
    "    @required",
    "    key: AttributeKey",
    "    value: AttributeValue",
    "}",
    "",
    "@length(min: 1, max: 128)\nstring AttributeKey",
    "@length(min: 1, max: 256)\nstring AttributeValue",
    "",
    "@length(min: 0, max: 50)",
    "list AttributeList {",
    "    member: Attribute",
    "}",
    "",
    "map FailedItems {",
    "    key: Arn",
    "    value: FailedItemDetails",
    "}",
    "",
    "structure FailedItemDetails {",
    "    @required",
    "    failureCode: FailedItemErrorCode",
    "    @required",
    "    retryable: Boolean",
    "}",
    "",
    "enum FailedItemErrorCode {",
    '    INVALID_ARN = "INVALID_ARN"',
    '    DUPLICATE_ARN = "DUPLICATE_ARN"',
    '    ITEM_DOES_NOT_EXIST = "ITEM_DOES_NOT_EXIST"',
    '    ACCESS_DENIED = "ACCESS_DENIED"',
    '    LIMIT_EXCEEDED = "LIMIT_EXCEEDED"',
    '    INTERNAL_ERROR = "INTERNAL_ERROR"',
    "}",
    "",
  );
  for (const [name, fault] of [
    ["InternalException", "server"],
    ["InvalidInputException", "client"],
    ["AccessDeniedException", "client"],
    ["NoSuchEntityException", "client"],
  ]) {
    lines.push(
      `/// ${name}.`,
      `@error("${fault}")`,
      `structure ${name} {`,
      "    @required",
      "    message: ErrorMessage",
      "    @required",
      "    canRetry: Boolean",
      "}",
      "",
    );
  }
  lines.push("string ErrorMessage", "");
  // Data types of the kind Inspector's findings and runs use.
  for (let i = 0; i < 20; i++) {
    lines.push(
      `/// Data type ${i}.`,
      `structure DataType${i} {`,
      "    @required",
      "    arn: Arn",
      "    name: String",
      "    createdAt: Timestamp",
      "    attributes: AttributeList",
      `    state: State${i % 5}`,
      "}",
      "",
      `list DataType${i}List {`,
      `    member: DataType${i}`,
      "}",
      "",
    );
  }
  for (let i = 0; i < 5; i++) {
    lines.push(
      `enum State${i} {`,
      "    CREATED",
      "    RUNNING",
      "    COMPLETED",
      "    FAILED",
      "}",
      "",
    );
  }
  return lines
    .filter((l) => l !== "")
    .join("\n")
    .replace(/\n(\/\/\/|@|operation|structure|string|list|map|enum)/g, "\n\n$1");
}

const text = inspectorLikeModel();
const files = [{ path: "inspector.smithy", text }];

let t = performance.now();
const first = loadSources(files);
const firstMs = performance.now() - t;
if (!first.ok) {
  for (const e of first.events.filter((x) => x.severity === "ERROR")) console.error(e.message);
  throw new Error("the synthetic model does not load");
}
const shapeCount = Object.keys(withoutBundled(first.model).shapes).length;

const times = [];
for (let i = 0; i < N; i++) {
  t = performance.now();
  loadSources(files);
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
const p90 = times[Math.floor(times.length * 0.9)];
const min = times[0];
console.log(
  `loader: ${shapeCount} shapes (${text.split("\n").length} lines), first load ${firstMs.toFixed(1)} ms ` +
    `(parses the bundled prelude), median ${median.toFixed(2)} ms, p90 ${p90.toFixed(2)} ms, min ${min.toFixed(2)} ms over ${N} loads`,
);
report({
  id: "loader",
  title: "Loader (Smithy IDL)",
  goal: "none (no anchor: no JavaScript tool reads Smithy IDL)",
  columns: ["model", "first load ms", "median ms", "p90 ms", "min ms", "loads"],
  rows: [
    [
      `Inspector-like, ${shapeCount} shapes, ${text.split("\n").length} lines`,
      fmt(firstMs),
      fmt(median, 2),
      fmt(p90, 2),
      fmt(min, 2),
      String(N),
    ],
  ],
  checks: [],
  notes: ["The first load also parses the bundled prelude (once per process)."],
});
