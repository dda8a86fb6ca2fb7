import { describe, expect, test } from "vitest";
import type { Model } from "../../src/model/ast.js";
import { credentialScopeService, routeAll } from "../../src/serve/route-all.js";
import { serviceAnswers } from "../../src/serve/service-answers.js";
import { FORECASTS } from "./forecasts-model.js";

/** FORECASTS under another service name, protocol, signing name and GetForecast URI. */
function variant(name: string, protocol: string, signingName: string, uri: string): Model {
  const model = structuredClone(FORECASTS);
  const service = model.shapes["example.forecasts#Forecasts"]!;
  delete model.shapes["example.forecasts#Forecasts"];
  service.traits = {
    "aws.api#service": { sdkId: name },
    "aws.auth#sigv4": { name: signingName },
    [`aws.protocols#${protocol}`]: {},
  };
  model.shapes[`example.forecasts#${name}`] = service;
  const op = model.shapes["example.forecasts#GetForecast"]!;
  op.traits = { ...op.traits, "smithy.api#http": { method: "POST", uri, code: 200 } };
  return model;
}

const services = [
  variant("Tides", "restJson1", "tides", "/tides/{city}"),
  variant("Forecasts", "restJson1", "forecasts", "/forecast/{city}/days/{rest+}"),
  variant("WeatherService", "awsJson1_1", "weather", "/"),
].map((model) => {
  const answers = serviceAnswers(model);
  const label = answers.view.signingName;
  return { answers, handler: async () => new Response(label) };
});
const handle = routeAll(services);

async function routed(path: string, init: RequestInit = {}): Promise<string> {
  return (await handle(new Request(`http://127.0.0.1:1${path}`, init))).text();
}

const AUTH = (service: string) =>
  `AWS4-HMAC-SHA256 Credential=AKID/20240101/us-east-1/${service}/aws4_request, SignedHeaders=host, Signature=00`;

describe("routeAll", () => {
  test("the SigV4 credential scope's service name decides first", async () => {
    expect(
      await routed("/tides/x", { method: "POST", headers: { authorization: AUTH("forecasts") } }),
    ).toBe("forecasts");
    expect(await routed("/", { method: "POST", headers: { authorization: AUTH("weather") } })).toBe(
      "weather",
    );
    expect(
      await routed("/ping?X-Amz-Credential=AKID%2F20240101%2Fus-east-1%2Ftides%2Faws4_request"),
    ).toBe("tides");
  });

  test("an unknown scope service falls through to the other rules", async () => {
    expect(
      await routed("/forecast/oslo/days/3/4", {
        method: "POST",
        headers: { authorization: AUTH("nosuch") },
      }),
    ).toBe("forecasts");
  });

  test("then the X-Amz-Target prefix, for awsJson services", async () => {
    expect(
      await routed("/", {
        method: "POST",
        headers: { "x-amz-target": "WeatherService.GetForecast" },
      }),
    ).toBe("weather");
    // An unknown prefix goes to an awsJson service, which answers UnknownOperationException.
    expect(await routed("/", { method: "POST", headers: { "x-amz-target": "Other.Op" } })).toBe(
      "weather",
    );
  });

  test("then the REST route matching method and path (labels, greedy labels)", async () => {
    expect(await routed("/tides/oslo", { method: "POST" })).toBe("tides");
    expect(await routed("/forecast/oslo/days/3/4", { method: "POST" })).toBe("forecasts");
  });

  test("a path that matches with another method goes to its service (which answers 405)", async () => {
    expect(await routed("/forecast/oslo/days/3", { method: "DELETE" })).toBe("forecasts");
  });

  test("nothing matching: the first service answers (404 UnknownOperationException)", async () => {
    expect(await routed("/nowhere", { method: "POST" })).toBe("tides");
    // A greedy label needs at least one character.
    expect(await routed("/forecast/oslo/days/", { method: "POST" })).toBe("tides");
  });

  test("credentialScopeService reads header and presigned query", () => {
    expect(
      credentialScopeService(new Request("http://h/", { headers: { authorization: AUTH("x") } })),
    ).toBe("x");
    expect(
      credentialScopeService(
        new Request("http://h/?X-Amz-Credential=A%2Fd%2Fr%2Fs%2Faws4_request"),
      ),
    ).toBe("s");
    expect(
      credentialScopeService(new Request("http://h/", { headers: { authorization: "Bearer t" } })),
    ).toBeUndefined();
  });
});
