import type { Model } from "../../src/model/ast.js";

/**
 * A small hand-written restJson1 service for the serve tests: GetForecast has two documented
 * examples, "Paris" in @examples and in its HTTP exchange, and "Oslo" only in its exchange (it
 * breaks the model's constraints, one of its breaks recorded as an erratum, as the transcriber
 * leaves such an example out of @examples); Ping has none, and an output full of constraints.
 */
export const FORECASTS: Model = {
  smithy: "2.0",
  metadata: {
    docsmithErrata: [
      {
        id: "forecasts-level",
        operation: "example.forecasts#GetForecast",
        example: "Oslo",
        path: "/output/level",
        note: "the docs print MEDIUM, not a Level",
      },
    ],
  },
  shapes: {
    "example.forecasts#Forecasts": {
      type: "service",
      version: "2024-01-01",
      operations: [
        { target: "example.forecasts#GetForecast" },
        { target: "example.forecasts#Ping" },
      ],
      traits: {
        "aws.api#service": { sdkId: "Forecasts", endpointPrefix: "forecasts" },
        "aws.auth#sigv4": { name: "forecasts" },
        "aws.protocols#restJson1": {},
      },
    },
    "example.forecasts#GetForecast": {
      type: "operation",
      input: { target: "example.forecasts#GetForecastInput" },
      output: { target: "example.forecasts#GetForecastOutput" },
      traits: {
        "smithy.api#http": { method: "POST", uri: "/forecast/{city}", code: 200 },
        "smithy.api#examples": [
          {
            title: "Paris",
            input: { city: "Paris", days: 3 },
            output: {
              city: "Paris",
              level: "LOW",
              issuedAt: 1458680170.035,
              code: "PAR-03",
              tags: ["sunny"],
            },
          },
        ],
        // As the transcriber writes them: Paris's exchange repeats its @examples entry (the
        // timestamp written another way); Oslo breaks the constraints, so it is documented here
        // only. Responses in another order than requests: pairs go by id.
        "smithy.test#httpRequestTests": [
          {
            id: "Forecasts_GetForecast_Paris",
            protocol: "aws.protocols#restJson1",
            method: "POST",
            uri: "/forecast/Paris",
            body: '{"days":3}',
            params: { city: "Paris", days: 3 },
          },
          {
            id: "Forecasts_GetForecast_Oslo",
            protocol: "aws.protocols#restJson1",
            method: "POST",
            uri: "/forecast/Oslo",
            body: '{"at":1458680170.035,"days":5}',
            params: { city: "Oslo", days: 5, at: 1458680170.035 },
          },
        ],
        "smithy.test#httpResponseTests": [
          {
            id: "Forecasts_GetForecast_Oslo",
            protocol: "aws.protocols#restJson1",
            code: 200,
            params: {
              city: "Oslo",
              level: "MEDIUM",
              issuedAt: "2016-03-22T21:02:50Z",
              code: "string",
              tags: ["snow", "wind"],
              note: "cold",
            },
          },
          {
            id: "Forecasts_GetForecast_Paris",
            protocol: "aws.protocols#restJson1",
            code: 200,
            params: {
              city: "Paris",
              level: "LOW",
              issuedAt: "2016-03-22T20:56:10.035Z",
              code: "PAR-03",
              tags: ["sunny"],
            },
          },
        ],
      },
    },
    "example.forecasts#GetForecastInput": {
      type: "structure",
      members: {
        city: {
          target: "smithy.api#String",
          traits: {
            "smithy.api#required": {},
            "smithy.api#httpLabel": {},
            "smithy.api#length": { min: 1, max: 20 },
          },
        },
        days: { target: "smithy.api#Integer", traits: { "smithy.api#range": { min: 1, max: 10 } } },
        at: { target: "smithy.api#Timestamp" },
      },
      traits: { "smithy.api#input": {} },
    },
    "example.forecasts#GetForecastOutput": {
      type: "structure",
      members: {
        city: { target: "smithy.api#String", traits: { "smithy.api#required": {} } },
        level: { target: "example.forecasts#Level", traits: { "smithy.api#required": {} } },
        issuedAt: { target: "smithy.api#Timestamp", traits: { "smithy.api#required": {} } },
        code: {
          target: "smithy.api#String",
          traits: { "smithy.api#required": {}, "smithy.api#pattern": "^[A-Z]{3}-\\d{2}$" },
        },
        tags: { target: "example.forecasts#Tags" },
        note: { target: "smithy.api#String" },
      },
      traits: { "smithy.api#output": {} },
    },
    "example.forecasts#Level": {
      type: "enum",
      members: {
        LOW: { target: "smithy.api#Unit", traits: { "smithy.api#enumValue": "LOW" } },
        HIGH: { target: "smithy.api#Unit", traits: { "smithy.api#enumValue": "HIGH" } },
      },
    },
    "example.forecasts#Tags": {
      type: "list",
      member: { target: "smithy.api#String" },
      traits: { "smithy.api#length": { min: 1 } },
    },
    "example.forecasts#Ping": {
      type: "operation",
      input: { target: "smithy.api#Unit" },
      output: { target: "example.forecasts#PingOutput" },
      traits: { "smithy.api#http": { method: "GET", uri: "/ping", code: 200 } },
    },
    "example.forecasts#PingOutput": {
      type: "structure",
      members: {
        status: { target: "example.forecasts#Level", traits: { "smithy.api#required": {} } },
        count: {
          target: "smithy.api#Integer",
          traits: { "smithy.api#required": {}, "smithy.api#range": { min: 5, max: 9 } },
        },
        ratio: {
          target: "smithy.api#Double",
          traits: { "smithy.api#required": {}, "smithy.api#range": { min: 0.5 } },
        },
        id: {
          target: "smithy.api#String",
          traits: {
            "smithy.api#required": {},
            "smithy.api#pattern": "^[a-f0-9]{8}-[a-f0-9]{4}$",
          },
        },
        arn: {
          target: "smithy.api#String",
          traits: { "smithy.api#required": {}, "smithy.api#pattern": "^arn:.*" },
        },
        name: {
          target: "smithy.api#String",
          traits: { "smithy.api#required": {}, "smithy.api#length": { min: 10, max: 12 } },
        },
        stamp: { target: "smithy.api#Timestamp", traits: { "smithy.api#required": {} } },
        levels: { target: "example.forecasts#Levels", traits: { "smithy.api#required": {} } },
        bytes: {
          target: "smithy.api#Blob",
          traits: { "smithy.api#required": {}, "smithy.api#length": { min: 3 } },
        },
        flag: { target: "smithy.api#Boolean", traits: { "smithy.api#required": {} } },
        byCity: { target: "example.forecasts#ByCity", traits: { "smithy.api#required": {} } },
        optional: { target: "smithy.api#String" },
      },
      traits: { "smithy.api#output": {} },
    },
    "example.forecasts#Levels": {
      type: "list",
      member: { target: "example.forecasts#Level" },
      traits: { "smithy.api#length": { min: 2 } },
    },
    "example.forecasts#ByCity": {
      type: "map",
      key: { target: "smithy.api#String", traits: { "smithy.api#length": { min: 2 } } },
      value: { target: "example.forecasts#GetForecastOutput" },
      traits: { "smithy.api#length": { min: 1 } },
    },
  },
};
