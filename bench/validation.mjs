// Validation speed: validations/s of the generated validators (ajv standalone code compiled at
// generation time, packages/inspector/src/validators) vs ajv compiling the same JSON Schemas at
// run time, on the documented examples of every Inspector operation (`smithy.api#examples` in
// packages/inspector/model.json, inputs and outputs, turned into the values a user holds by the
// package's own protocol codec: Dates for timestamps, Uint8Arrays for blobs).
// The schemas are the generator's own (codegen/dist/emit/validators/json-schema.js, keywords.js).
// The anchor compiles them with the generator's ajv options (standalone.ts), @pattern engine
// included; a third row, for information, compiles them with ajv's plain options (native RegExp).
// Usage: node bench/validation.mjs
import { existsSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { Ajv } from "ajv";
import { opsPerSecond } from "./lib/cpu.mjs";
import { examplesOf, operations, serviceModel } from "./lib/model.mjs";
import { missing, ROOT } from "./lib/ours.mjs";
import { check, count, fmt, report, times } from "./lib/results.mjs";

const MS = 400;
const ROUNDS = 3;
const PLAIN = { allErrors: true, strictTypes: false, unicodeRegExp: true };

/**
 * The generator's ajv options (codegen/src/emit/validators/standalone.ts), less the standalone
 * code ones. Its @pattern engine, when the package ships one, is the package's own module.
 */
async function generatorOptions() {
  const engineFile = `${ROOT}packages/inspector/src/validators/linear-regexp.js`;
  const options = { ...PLAIN, verbose: true };
  if (!existsSync(engineFile)) return { options, engine: "native RegExp" };
  const { linearRegExp } = await import(engineFile);
  const regExp = Object.assign((pattern, flags) => linearRegExp(pattern, flags), {
    code: "linearRegExp",
  });
  return { options: { ...options, code: { regExp } }, engine: "the package's linear-regexp.js" };
}

/** ajv compiling every operation's schemas at run time: validators keyed `Op:input`/`Op:output`. */
async function runtimeValidators(ctx, options) {
  const { serviceView } = await import(`${ROOT}codegen/dist/emit/service-view.js`);
  const { aggregateSchemas, refSchema } = await import(
    `${ROOT}codegen/dist/emit/validators/json-schema.js`
  );
  const { smithyKeywords } = await import(`${ROOT}codegen/dist/emit/validators/keywords.js`);
  const view = serviceView(ctx.model, ctx.serviceId);
  const t0 = performance.now();
  const ajv = new Ajv(options);
  for (const keyword of smithyKeywords) ajv.addKeyword(keyword);
  const roots = {};
  const added = new Set();
  for (const op of view.operations) {
    for (const [key, target] of [
      [`${op.name}:input`, op.input],
      [`${op.name}:output`, op.output],
    ]) {
      const root = refSchema(view, target);
      const id = root.$ref ? String(root.$ref) : `urn:bench:${key}`;
      if (!root.$ref && !added.has(id)) {
        ajv.addSchema({ $id: id, ...root });
        added.add(id);
      }
      roots[key] = id;
    }
    for (const [id, schema] of aggregateSchemas(view, [op.input, op.output])) {
      if (!added.has(id)) ajv.addSchema(schema);
      added.add(id);
    }
  }
  const compiled = Object.fromEntries(
    Object.entries(roots).map(([key, id]) => [key, ajv.getSchema(id)]),
  );
  return { compiled, compileMs: performance.now() - t0 };
}

/** Every documented example's input and output as the user holds them, with its validators. */
async function cases(ctx, same, plain) {
  const mod = await import("@docsmith/inspector");
  // The package's validator modules, as its server loads them (both sides).
  const { servedOperations } = await import("@docsmith/inspector/server");
  const client = new mod.InspectorClient({
    region: "us-west-2",
    credentials: { accessKeyId: "a", secretAccessKey: "b" },
  });
  const { service } = client;
  const out = [];
  for (const op of operations(ctx)) {
    const Command = mod[`${op.name}Command`];
    const schema = new Command({}).operation;
    const served = servedOperations[op.name];
    const ours = {
      input: (await served.inputValidator()).validate,
      output: (await served.outputValidator()).validate,
    };
    for (const example of examplesOf(op)) {
      const body = (value) => JSON.stringify(value ?? {});
      const headers = { "content-type": "application/x-amz-json-1.1" };
      const input = service.codec.deserializeRequest(service, schema, {
        method: "POST",
        path: "/",
        query: {},
        headers: { ...headers, "x-amz-target": `${service.targetPrefix}.${op.name}` },
        body: body(example.input),
      });
      out.push({
        data: input,
        ours: ours.input,
        same: same[`${op.name}:input`],
        plain: plain[`${op.name}:input`],
      });
      if (example.output !== undefined) {
        const { $metadata, ...output } = await service.codec.deserializeResponse(service, schema, {
          statusCode: 200,
          headers,
          body: body(example.output),
        });
        out.push({
          data: output,
          ours: ours.output,
          same: same[`${op.name}:output`],
          plain: plain[`${op.name}:output`],
        });
      }
    }
  }
  return out;
}

const KINDS = ["ours", "same", "plain"];
const why = missing("inspector");
const ctx = await serviceModel("inspector");
const notes = [
  `Each figure: the best of ${ROUNDS} runs of ${MS} ms (after a warm-up), cycling through every example; the validators run in turn on the same values and must agree on each.`,
];
const rate = {};
let examples = 0;
if (why) {
  notes.push(`not measured: ${why}`);
} else {
  const generator = await generatorOptions();
  const same = await runtimeValidators(ctx, generator.options);
  const plain = await runtimeValidators(ctx, PLAIN);
  const all = await cases(ctx, same.compiled, plain.compiled);
  examples = all.length;
  for (const c of all) {
    if (KINDS.some((k) => typeof c[k] !== "function"))
      throw new Error(
        `a validator is missing: ${KINDS.map((k) => `${k} ${typeof c[k]}`)} ${JSON.stringify(c.data).slice(0, 80)}`,
      );
    const verdicts = KINDS.map((k) => c[k](c.data));
    if (new Set(verdicts).size !== 1) {
      throw new Error(`the validators disagree (${verdicts}) on ${JSON.stringify(c.data)}`);
    }
  }
  const valid = all.filter((c) => c.ours(c.data)).length;
  notes.push(
    `${valid} of ${all.length} example values are valid.`,
    `The anchor: ajv with the generator's options (allErrors, verbose, unicodeRegExp; @pattern on ${generator.engine}), compiled at run time in ${fmt(same.compileMs)} ms (not in the rate).`,
    "The last row, for information: ajv with allErrors and unicodeRegExp only (native RegExp, no verbose).",
  );
  let i = 0;
  const cycle = (key) => () => {
    const c = all[i++ % all.length];
    return c[key](c.data);
  };
  for (const k of KINDS) rate[k] = 0;
  for (let round = 0; round < ROUNDS; round++) {
    for (const k of KINDS) {
      rate[k] = Math.max(rate[k], opsPerSecond(cycle(k), { ms: MS, batch: 256 }));
    }
  }
}

report({
  id: "validation",
  title: "Validation",
  goal: "generated validators at least as fast as ajv compiling at run time",
  columns: ["validator", "example values", "validations/s", "ours / this"],
  rows: [
    ["ours (generated, standalone)", String(examples), count(rate.ours), ""],
    [
      "ajv at run time, generator's options",
      String(examples),
      count(rate.same),
      times(rate.ours, rate.same),
    ],
    [
      "ajv at run time, plain options (information)",
      String(examples),
      count(rate.plain),
      times(rate.ours, rate.plain),
    ],
  ],
  // The same code either way, so "equal" allows 5% of run-to-run noise.
  checks: [
    check(
      "ours >= ajv with the generator's options (5% noise allowed)",
      rate.ours / rate.same,
      (r) => r >= 0.95,
    ),
  ],
  notes: [...notes, `examples from ${ctx.source}`],
});
