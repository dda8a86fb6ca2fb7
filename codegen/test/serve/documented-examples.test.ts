import { describe, expect, test } from "vitest";
import { operationExamples } from "../../src/emit/documented-examples.js";
import { serviceView } from "../../src/emit/service-view.js";
import type { Model, NodeValue } from "../../src/model/ast.js";
import { prepareOperation } from "../../src/serve/answers.js";
import { documentedExamples, pairKey } from "../../src/serve/documented-examples.js";
import { choose } from "../../src/serve/match.js";
import { FORECASTS } from "./forecasts-model.js";

const GET = "example.forecasts#GetForecast";
const REST = "aws.protocols#restJson1";

function examplesOf(model: Model) {
  const view = serviceView(model, "example.forecasts#Forecasts");
  return documentedExamples(view, view.operations.find((o) => o.id === GET)!);
}

/** FORECASTS with GetForecast's examples and exchanges replaced. */
function withTraits(traits: Record<string, NodeValue>): Model {
  const model = structuredClone(FORECASTS);
  const op = model.shapes[GET]!;
  op.traits = { "smithy.api#http": op.traits!["smithy.api#http"]!, ...traits };
  return model;
}

const rome = (id: string, extra: Record<string, NodeValue> = {}) => ({
  request: { id, protocol: REST, method: "POST", uri: "/forecast/Rome", params: { city: "Rome" } },
  response: {
    id,
    protocol: REST,
    code: 200,
    params: { city: "Rome", level: "HIGH", issuedAt: 1458680170, code: "ROM-01", ...extra },
  },
});

describe("documented examples: @examples and documented exchanges", () => {
  test("an exchange repeating an @examples entry is that example; one only in an exchange is added", () => {
    const { examples, problems } = examplesOf(FORECASTS);
    expect(problems).toEqual([]);
    expect(examples.map((e) => [e.title, e.source, e.ids?.request])).toEqual([
      ["Paris", "examples", undefined],
      ["Oslo", "exchange", "Forecasts_GetForecast_Oslo"],
    ]);
    expect(examples[1]!.input).toEqual({ city: "Oslo", days: 5, at: 1458680170.035 });
    expect(examples[1]!.output).toMatchObject({ level: "MEDIUM", code: "string" });
  });

  test("an exchange-only example takes the title its erratum names; without one, its test id", () => {
    const model = structuredClone(FORECASTS);
    model.metadata = {};
    expect(examplesOf(model).examples.map((e) => e.title)).toEqual([
      "Paris",
      "Forecasts_GetForecast_Oslo",
    ]);
  });

  test("an exchange whose output differs from the @examples entry's is another example", () => {
    const model = structuredClone(FORECASTS);
    const responses = model.shapes[GET]!.traits!["smithy.test#httpResponseTests"] as {
      params: { tags: string[] };
    }[];
    responses[1]!.params.tags = ["rain"];
    expect(examplesOf(model).examples.map((e) => [e.title, e.source])).toEqual([
      ["Paris", "examples"],
      ["Forecasts_GetForecast_Paris", "exchange"],
      ["Oslo", "exchange"],
    ]);
  });

  test("requests and responses pair by id, a Request/Response word aside", () => {
    const a = rome("GetForecast_RequestSyntax");
    a.response.id = "GetForecast_ResponseSyntax";
    const b = rome("Forecasts_GetForecast_Sample", { note: "b" });
    const model = withTraits({
      "smithy.test#httpRequestTests": [b.request, a.request],
      "smithy.test#httpResponseTests": [a.response, b.response],
    });
    const { examples, problems } = examplesOf(model);
    expect(problems).toEqual([]);
    expect(examples.map((e) => [e.title, (e.output as { note?: string }).note])).toEqual([
      ["Forecasts_GetForecast_Sample", "b"],
      ["GetForecast_RequestSyntax / GetForecast_ResponseSyntax", undefined],
    ]);
    expect(pairKey("X_RequestSyntax")).toBe(pairKey("X_ResponseSyntax"));
    expect(pairKey("Forecasts_GetForecast_Sample")).toBe("Forecasts_GetForecast_Sample");
  });

  test("cases whose ids do not pair pair by the @examples entry they print", () => {
    const a = rome("RomeAsk");
    a.response.id = "RomeAnswer";
    const b = rome("MilanAsk", { city: "Milan" });
    b.response.id = "MilanAnswer";
    b.request.params = { city: "Milan" };
    const examples = [a, b].map((x, n) => ({
      title: `T${n}`,
      input: x.request.params,
      output: x.response.params,
    }));
    const model = withTraits({
      "smithy.api#examples": examples,
      "smithy.test#httpRequestTests": [a.request, b.request],
      "smithy.test#httpResponseTests": [b.response, a.response],
    });
    const view = serviceView(model, "example.forecasts#Forecasts");
    const all = operationExamples(view, view.operations.find((o) => o.id === GET)!);
    expect(all.problems).toEqual([]);
    expect(all.exchanges).toEqual([]);
    expect(all.examples.map((e) => [e.title, e.request?.id, e.response?.id])).toEqual([
      ["T0", "RomeAsk", "RomeAnswer"],
      ["T1", "MilanAsk", "MilanAnswer"],
    ]);
    expect(examplesOf(model).examples.map((e) => e.source)).toEqual(["examples", "examples"]);
  });

  test("the one unpaired request and the one unpaired response are one exchange", () => {
    const a = rome("GetRomeRequest");
    a.response.id = "GetRomeAnswer";
    const model = withTraits({
      "smithy.test#httpRequestTests": [a.request],
      "smithy.test#httpResponseTests": [a.response],
    });
    expect(examplesOf(model)).toEqual({
      examples: [
        {
          title: "GetRomeRequest / GetRomeAnswer",
          source: "exchange",
          ids: { request: "GetRomeRequest", response: "GetRomeAnswer" },
          input: a.request.params,
          output: a.response.params,
        },
      ],
      problems: [],
    });
  });

  test("unpaired cases are reported; error responses and other protocols are not examples", () => {
    const lone = rome("Lone");
    const other = rome("Other");
    const failed = rome("Failed");
    const model = withTraits({
      "smithy.test#httpRequestTests": [
        lone.request,
        { ...other.request, protocol: "aws.protocols#awsJson1_1" },
        failed.request,
        rome("Extra").request,
      ],
      "smithy.test#httpResponseTests": [
        { ...other.response, protocol: "aws.protocols#awsJson1_1" },
        { ...failed.response, code: 404, params: { message: "no such city" } },
        rome("Orphan").response,
      ],
    });
    const { examples, problems } = examplesOf(model);
    expect(examples).toEqual([]);
    expect(problems).toEqual([
      'GetForecast: request test "Lone" has no response test; not served',
      'GetForecast: request test "Extra" has no response test; not served',
      'GetForecast: response test "Orphan" has no request test; not served',
    ]);
  });

  test("error examples in @examples are not served", () => {
    const model = withTraits({
      "smithy.api#examples": [
        { title: "Missing", input: { city: "Atlantis" }, error: { shapeId: "x#E", content: {} } },
      ],
    });
    expect(examplesOf(model).examples).toEqual([]);
  });
});

describe("serving an example documented only in its exchange", () => {
  const view = serviceView(FORECASTS, "example.forecasts#Forecasts");
  const answers = prepareOperation(view, view.operations.find((o) => o.id === GET)!);

  test("its input is answered with its documented output, repaired just enough", () => {
    const choice = choose(answers, { city: "Oslo", days: 5, at: new Date(1458680170035) });
    expect(choice).toMatchObject({ example: "Oslo", exact: true });
    expect(choice.output).toMatchObject({ city: "Oslo", level: "LOW", note: "cold" });
    const oslo = answers.examples.find((e) => e.title === "Oslo")!;
    expect(oslo.source).toBe("exchange");
    expect(oslo.repairs.find((r) => r.path === "/level")?.erratum).toBe("forecasts-level");
  });
});
