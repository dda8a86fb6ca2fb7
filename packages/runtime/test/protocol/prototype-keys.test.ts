// Keys named like Object.prototype's members (`__proto__`, `constructor`, `prototype`,
// `toString`) are data in maps, documents, query maps and prefix headers: both directions keep
// them as own keys and never change an object's prototype.
import { describe, expect, it } from "vitest";
import { parseIni } from "../../src/client/credentials/ini.js";
import { awsJson1_1 } from "../../src/protocol/aws-json.js";
import { restJson1 } from "../../src/protocol/rest-json.js";
import type { OperationSchema, StructureSchema } from "../../src/schema.js";
import { formatValidationErrors } from "../../src/validation/messages.js";
import { jsonService, KitchenSinkOp, restService, text, utf8 } from "./fixtures.js";

const KEYS = ["__proto__", "constructor", "prototype", "toString"] as const;

/** `{ "__proto__": …, "constructor": …, … }` with every key an own property. */
function mapOf(value: (key: string) => unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of KEYS) {
    Object.defineProperty(out, key, {
      value: value(key),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

function expectPlainWithKeys(value: unknown, expected: Record<string, unknown>): void {
  expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
  expect(Object.keys(value as object).sort()).toEqual(Object.keys(expected).sort());
  for (const key of Object.keys(expected)) {
    expect(Object.hasOwn(value as object, key)).toBe(true);
    expect((value as Record<string, unknown>)[key]).toEqual(expected[key]);
  }
}

const mapWire = '{"__proto__":1,"constructor":2,"prototype":3,"toString":4}';
const sparseWire = '{"__proto__":"a","constructor":null,"toString":"c"}';
const docWire = '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":2}}}';

describe.each([
  ["awsJson1_1", awsJson1_1, jsonService],
  ["restJson1", restJson1, restService],
] as const)("%s JSON maps and documents", (_name, protocol, service) => {
  const body = `{"Map":${mapWire},"SparseMap":${sparseWire},"Document":${docWire}}`;

  it("reads `__proto__` map keys as own keys (client)", async () => {
    const out = (await protocol.deserializeResponse(service, KitchenSinkOp, {
      statusCode: 200,
      headers: {},
      body: utf8(body),
    })) as Record<string, any>;
    expectPlainWithKeys(out.Map, JSON.parse(mapWire));
    expectPlainWithKeys(out.SparseMap, JSON.parse(sparseWire));
    expect(Object.hasOwn(out.Document, "__proto__")).toBe(true);
    expect(out.Document.polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
  });

  it("reads `__proto__` map keys as own keys (server)", () => {
    const input = protocol.deserializeRequest(service, KitchenSinkOp, {
      method: "POST",
      path: "/KitchenSink",
      query: {},
      headers: {
        "content-type":
          service.protocol === "restJson1" ? "application/json" : "application/x-amz-json-1.1",
      },
      body,
    }) as Record<string, any>;
    expectPlainWithKeys(input.Map, JSON.parse(mapWire));
  });

  it("writes `__proto__` map keys (client request and server response)", () => {
    const map = mapOf((k) => k.length);
    const request = protocol.serializeRequest(service, KitchenSinkOp, { Map: map });
    const response = protocol.serializeResponse(service, KitchenSinkOp, { Map: map });
    for (const message of [request, response]) {
      expectPlainWithKeys(JSON.parse(text(message.body)).Map, map);
    }
  });

  it("ignores input keys that are not members, even Object.prototype's names", () => {
    const input = JSON.parse('{"constructor":"x","toString":"y","__proto__":{"a":1},"String":"s"}');
    const request = protocol.serializeRequest(service, KitchenSinkOp, input);
    expect(JSON.parse(text(request.body))).toEqual({ String: "s" });
  });

  it("reads only NaN/Infinity/-Infinity as non-finite floats", async () => {
    for (const word of ["toString", "constructor", "__proto__"]) {
      await expect(
        protocol.deserializeResponse(service, KitchenSinkOp, {
          statusCode: 200,
          headers: {},
          body: `{"Double":"${word}"}`,
        }),
      ).rejects.toThrow(/Expected number/);
    }
  });
});

const str = { type: "string" } as const;
const stringMap = { type: "map", value: str } as const;
const BoundMaps: StructureSchema = {
  type: "structure",
  id: "t#BoundMaps",
  members: {
    fixed: { target: str, http: { in: "query", name: "fixed" } },
    params: { target: stringMap, http: { in: "queryParams" } },
    meta: { target: stringMap, http: { in: "prefixHeaders", name: "x-meta-" } },
  },
};
const BoundMapsOp: OperationSchema = {
  name: "BoundMaps",
  input: BoundMaps,
  output: BoundMaps,
  errors: [],
  http: { method: "GET", uri: "/bound", code: 200 },
};

describe("restJson1 query maps and prefix headers", () => {
  it("writes `__proto__` query parameters and prefix headers", () => {
    const request = restJson1.serializeRequest(restService, BoundMapsOp, {
      params: mapOf((k) => `q-${k}`),
      meta: mapOf((k) => `h-${k}`),
    });
    for (const key of KEYS) {
      expect(Object.hasOwn(request.query, key)).toBe(true);
      expect(request.query[key]).toBe(`q-${key}`);
      const header = `x-meta-${key.toLowerCase()}`;
      expect(Object.hasOwn(request.headers, header)).toBe(true);
      expect(request.headers[header]).toBe(`h-${key}`);
    }
    expect(Object.getPrototypeOf(request.query)).toBe(Object.prototype);
  });

  it("reads `__proto__` query parameters and prefix headers (server and client)", async () => {
    const query: Record<string, string> = Object.create(null);
    const headers: Record<string, string> = Object.create(null);
    for (const key of KEYS) {
      query[key] = `q-${key}`;
      headers[`x-meta-${key.toLowerCase()}`] = `h-${key}`;
    }
    const input = restJson1.deserializeRequest(restService, BoundMapsOp, {
      method: "GET",
      path: "/bound",
      query,
      headers,
    }) as Record<string, any>;
    expectPlainWithKeys(input.params, Object.fromEntries(KEYS.map((k) => [k, `q-${k}`])));
    expectPlainWithKeys(
      input.meta,
      Object.fromEntries(KEYS.map((k) => [k.toLowerCase(), `h-${k}`])),
    );
    const output = (await restJson1.deserializeResponse(restService, BoundMapsOp, {
      statusCode: 200,
      headers: { ...headers },
    })) as Record<string, any>;
    expectPlainWithKeys(
      output.meta,
      Object.fromEntries(KEYS.map((k) => [k.toLowerCase(), `h-${k}`])),
    );
  });
});

describe("validation messages", () => {
  it("quote only own properties along the error path", () => {
    const data = JSON.parse('{"a":{"b":"x"}}');
    const message = formatValidationErrors(
      [
        {
          keyword: "type",
          instancePath: "/a/constructor",
          schemaPath: "#",
          params: { type: "string" },
        },
      ] as any,
      data,
    );
    expect(message).toBe(
      "1 validation error detected: Value null at 'a.constructor' failed to satisfy constraint: Member must be of type string",
    );
  });

  it("render cyclic, deep and huge values boundedly", () => {
    const cyclic: Record<string, unknown> = { name: "x" };
    cyclic.self = cyclic;
    const huge = Array.from({ length: 100_000 }, (_, i) => i);
    const message = formatValidationErrors(
      [
        { keyword: "maxItems", instancePath: "/c", schemaPath: "#", params: { limit: 1 } },
        { keyword: "maxItems", instancePath: "/h", schemaPath: "#", params: { limit: 1 } },
      ] as any,
      { c: cyclic, h: huge },
    );
    expect(message.length).toBeLessThan(1000);
    expect(message).toContain("Value '{name=x, self={name=x, self=");
    expect(message).toContain("Value '[0, 1, 2, 3");
  });
});

describe("shared config files", () => {
  it("keep `[__proto__]` and `[constructor]` sections as sections", () => {
    const sections = parseIni("[__proto__]\npolluted = 1\n[constructor]\nkey = v\n");
    expect(Object.prototype).not.toHaveProperty("polluted");
    expect((Object as any).key).toBeUndefined();
    expect(Object.getOwnPropertyDescriptor(sections, "__proto__")?.value).toEqual({
      polluted: "1",
    });
    expect(Object.keys(sections).sort()).toEqual(["__proto__", "constructor"]);
  });
});
