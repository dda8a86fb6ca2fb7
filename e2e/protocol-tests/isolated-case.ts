// Child process of runIsolated: `node --import tsx isolated-case.ts <protocol> <suite> <case id>`
// runs one case against the packages its parent generated and prints its differences as JSON.
import { type FailedService, generateServices } from "./generate.js";
import { serviceApi } from "./generated-api.js";
import { collectCases } from "./load-cases.js";
import { loadSuiteModel, type ProtocolName } from "./model.js";
import { SUITES } from "./suites.js";

const [protocol, suiteName, id] = process.argv.slice(2) as [ProtocolName, string, string];
const suite = SUITES.find((s) => s.name === suiteName);
if (!suite) throw new Error(`unknown suite ${suiteName}`);
const { model, services, astJson } = await loadSuiteModel();
const c = collectCases(model, services)[protocol][suite.cases].find((x) => x.def.id === id);
if (!c) throw new Error(`no ${protocol} ${suiteName} case ${id}`);
const generated = await generateServices([c.service], astJson, { generate: false });
const g = generated[0]!;
if ("reason" in g) throw new Error((g as FailedService).reason);
const diffs = await suite.runner({ model, api: serviceApi(g) }, c);
process.stdout.write(JSON.stringify(diffs));
process.exit(0);
