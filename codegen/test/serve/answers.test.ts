import { describe, expect, test } from "vitest";
import { canonical, exampleValue } from "../../src/emit/example-values.js";
import { serviceView } from "../../src/emit/service-view.js";
import { prepareOperation } from "../../src/serve/answers.js";
import { choose, closeness, leaves } from "../../src/serve/match.js";
import { serviceAnswers } from "../../src/serve/service-answers.js";
import { synthesize } from "../../src/serve/synthesize.js";
import { violations } from "../../src/serve/violations.js";
import { FORECASTS } from "./forecasts-model.js";
import { packageValidator } from "./output-validator.js";

const view = serviceView(FORECASTS, "example.forecasts#Forecasts");
const op = (name: string) => view.operations.find((o) => o.name === name)!;
const forecast = prepareOperation(view, op("GetForecast"));
const validOutput = packageValidator(view, "example.forecasts#GetForecastOutput");

describe("example values", () => {
  test("timestamps become Dates (epoch seconds rounded to the millisecond, or date strings)", () => {
    const value = exampleValue(view, "example.forecasts#GetForecastInput", {
      city: "Oslo",
      at: 1458680170.035,
    }) as { at: Date };
    expect(value.at).toBeInstanceOf(Date);
    expect(value.at.getTime()).toBe(1458680170035);
    const iso = exampleValue(view, "smithy.api#Timestamp", "2016-03-22T21:02:50Z") as Date;
    expect(iso.getTime()).toBe(Date.UTC(2016, 2, 22, 21, 2, 50));
  });

  test("canonical form ignores key order, null members, and how a timestamp is written", () => {
    const a = canonical({ days: 5, city: "Oslo", at: new Date(1458680170035), note: null });
    const b = canonical(
      exampleValue(view, "example.forecasts#GetForecastInput", {
        city: "Oslo",
        at: 1458680170.035,
        days: 5,
      }),
    );
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(canonical(new Uint8Array([104, 105]))).toBe("aGk=");
  });
});

describe("choosing an answer", () => {
  test("an input equal to an example's gets that example's output", () => {
    const choice = choose(forecast, { city: "Paris", days: 3 });
    expect(choice).toMatchObject({ example: "Paris", exact: true });
    expect(choice.output).toEqual({
      city: "Paris",
      level: "LOW",
      issuedAt: new Date(1458680170035),
      code: "PAR-03",
      tags: ["sunny"],
    });
  });

  test("equality holds whatever the key order and with the timestamp as the handler gives it", () => {
    const choice = choose(forecast, { at: new Date(1458680170035), days: 5, city: "Oslo" });
    expect(choice).toMatchObject({ example: "Oslo", exact: true });
  });

  test("otherwise the example sharing the most member values answers", () => {
    expect(choose(forecast, { city: "Oslo", days: 4 })).toMatchObject({
      example: "Oslo",
      exact: false,
    });
    expect(choose(forecast, { city: "Rome", days: 5 })).toMatchObject({
      example: "Oslo",
      exact: false,
    });
    expect(choose(forecast, { city: "Rome", days: 3 })).toMatchObject({
      example: "Paris",
      exact: false,
    });
  });

  test("a tie goes to the example with fewer differing values, then to the first documented", () => {
    // Both share one value; Paris differs in 2 leaves, Oslo in 3 (it also has `at`).
    expect(choose(forecast, { city: "Oslo", days: 3 })).toMatchObject({ example: "Paris" });
    // Nothing shared with either: Paris differs in fewer.
    expect(choose(forecast, { city: "Rome" })).toMatchObject({ example: "Paris" });
  });

  test("leaves and closeness", () => {
    const a = leaves({ city: "Oslo", tags: ["a", "b"], empty: [], nested: { x: 1 } });
    expect([...a.keys()]).toEqual(["city", "tags[0]", "tags[1]", "empty", "nested.x"]);
    expect(closeness(a, leaves({ city: "Oslo", tags: ["a", "c"] }))).toEqual([2, 4]);
  });

  test("an operation without examples answers its synthesized minimal output", () => {
    const ping = prepareOperation(view, op("Ping"));
    expect(ping.examples).toEqual([]);
    const choice = choose(ping, {});
    expect(choice.exact).toBe(false);
    expect(choice.example).toBeUndefined();
    expect(choice.output).toEqual(ping.fallback);
  });

  test("each answer is a fresh copy", () => {
    const first = choose(forecast, { city: "Paris", days: 3 });
    (first.output.tags as string[]).push("changed");
    expect(choose(forecast, { city: "Paris", days: 3 }).output.tags).toEqual(["sunny"]);
  });
});

describe("repairing documented outputs that break the docs' constraints", () => {
  const oslo = forecast.examples.find((e) => e.title === "Oslo")!;

  test("only the offending values change, and the result passes the output validator", () => {
    expect(validOutput(oslo.output)).toEqual([]);
    expect(oslo.output.level).toBe("LOW");
    expect(oslo.output.code).toMatch(/^[A-Z]{3}-\d{2}$/);
    expect(oslo.output).toMatchObject({
      city: "Oslo",
      issuedAt: new Date(Date.UTC(2016, 2, 22, 21, 2, 50)),
      tags: ["snow", "wind"],
      note: "cold",
    });
  });

  test("each repair is noted, with the erratum id when the model records it", () => {
    expect(oslo.repairs.map((r) => [r.path, r.was, r.erratum])).toEqual([
      ["/level", "MEDIUM", "forecasts-level"],
      ["/code", "string", undefined],
    ]);
  });

  test("a valid documented output is served untouched", () => {
    const paris = forecast.examples.find((e) => e.title === "Paris")!;
    expect(paris.repairs).toEqual([]);
  });
});

describe("synthesizing a minimal valid output", () => {
  const ping = prepareOperation(view, op("Ping"));

  test("required members only, each meeting its constraints", () => {
    expect(packageValidator(view, "example.forecasts#PingOutput")(ping.fallback)).toEqual([]);
    expect(violations(view, "example.forecasts#PingOutput", ping.fallback)).toEqual([]);
    const out = ping.fallback as Record<string, any>;
    expect(Object.keys(out).sort()).toEqual([
      "arn",
      "byCity",
      "bytes",
      "count",
      "flag",
      "id",
      "levels",
      "name",
      "ratio",
      "stamp",
      "status",
    ]);
    expect(out.status).toBe("LOW");
    expect(out.count).toBe(5);
    expect(out.ratio).toBe(0.5);
    expect(out.levels).toEqual(["LOW", "HIGH"]);
    expect(out.arn).toMatch(/^arn:/);
    expect(out.stamp).toBeInstanceOf(Date);
    expect(out.bytes).toBeInstanceOf(Uint8Array);
    expect(Object.keys(out.byCity)).toHaveLength(1);
  });

  test("synthesis is deterministic", () => {
    expect(synthesize(view, "example.forecasts#PingOutput")).toEqual(ping.fallback);
  });

  test("an unsatisfiable constraint gives no value rather than an invalid one", () => {
    const model = structuredClone(FORECASTS);
    model.shapes["example.forecasts#Levels"]!.traits = {
      "smithy.api#length": { min: 3 },
      "smithy.api#uniqueItems": {},
    };
    const strict = serviceView(model, "example.forecasts#Forecasts");
    // Three distinct values of a two-value enum do not exist; three values of a list may repeat.
    expect(synthesize(strict, "example.forecasts#Levels")).toBeUndefined();
    model.shapes["example.forecasts#Levels"]!.traits = { "smithy.api#length": { min: 3 } };
    expect(
      synthesize(serviceView(model, "example.forecasts#Forecasts"), "example.forecasts#Levels"),
    ).toEqual(["LOW", "HIGH", "LOW"]);
    model.shapes["example.forecasts#Levels"]!.traits = {
      "smithy.api#length": { min: 3 },
      "smithy.api#uniqueItems": {},
    };
    const answers = serviceAnswers(model);
    expect(answers.operations.get("Ping")!.problems).toEqual([
      "Ping: no valid output can be synthesized from its output shape",
    ]);
  });
});

describe("a second opinion on prepared outputs (the package's validator)", () => {
  test("an example whose output the check refuses is not served; the next closest answers", () => {
    const answers = prepareOperation(view, op("GetForecast"), (_op, output) =>
      output.city === "Oslo" ? "refused for the test" : undefined,
    );
    expect(answers.problems).toEqual([
      'GetForecast example "Oslo": refused for the test; not served',
    ]);
    expect(answers.examples.map((e) => e.title)).toEqual(["Paris"]);
    expect(choose(answers, { city: "Oslo", days: 5 })).toMatchObject({
      example: "Paris",
      exact: false,
    });
  });
});
