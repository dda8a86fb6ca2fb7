// A service's Smithy JSON AST, mixins flattened: packages/<svc>/model.json when generated, else
// the model the codegen loader makes of models/<svc> (so the anchors can be measured before our
// package exists). Examples are the operations' `smithy.api#examples` traits.
import { existsSync, readFileSync } from "node:fs";
import { ROOT } from "./ours.mjs";

async function codegen() {
  return import(`${ROOT}codegen/dist/index.js`);
}

/**
 * `{ model, serviceId, service, source }` of `svc` (`inspector`, `securityhub`, ...): the service
 * shape is the one with an `aws.api#service` trait.
 */
export async function serviceModel(svc) {
  const { flattenMixins, loadFiles, withoutBundled } = await codegen();
  const json = `${ROOT}packages/${svc}/model.json`;
  let own;
  let source;
  if (existsSync(json)) {
    own = JSON.parse(readFileSync(json, "utf8"));
    source = `packages/${svc}/model.json`;
  } else {
    const loaded = await loadFiles([`${ROOT}models/${svc}`]);
    if (!loaded.ok) throw new Error(`models/${svc} does not load`);
    own = withoutBundled(loaded.model);
    source = `models/${svc} (packages/${svc}/model.json not generated yet)`;
  }
  const model = flattenMixins(own);
  const services = Object.entries(model.shapes).filter(
    ([, s]) => s.type === "service" && s.traits?.["aws.api#service"],
  );
  if (services.length !== 1)
    throw new Error(`${source}: expected one service with aws.api#service`);
  const [serviceId, service] = services[0];
  return { model, serviceId, service, source };
}

export const PROTOCOLS = [
  "aws.protocols#awsJson1_1",
  "aws.protocols#awsJson1_0",
  "aws.protocols#restJson1",
];

/** `awsJson1_1`, `awsJson1_0` or `restJson1`. */
export function protocolOf(service) {
  const found = PROTOCOLS.find((p) => service.traits?.[p] !== undefined);
  if (!found) throw new Error("the service has no protocol this benchmark knows");
  return found.slice(found.indexOf("#") + 1);
}

/** The service's operations by name: `{ name, id, shape }`. */
export function operations({ model, service }) {
  return (service.operations ?? []).map(({ target }) => ({
    name: target.slice(target.indexOf("#") + 1),
    id: target,
    shape: model.shapes[target],
  }));
}

export function operation(ctx, name) {
  const op = operations(ctx).find((o) => o.name === name);
  if (!op) throw new Error(`${ctx.source}: no operation ${name}`);
  return op;
}

/** The operation's documented examples (`smithy.api#examples`), possibly none. */
export function examplesOf(op) {
  return op.shape.traits?.["smithy.api#examples"] ?? [];
}

/** The first documented example with an output, or throws. */
export function documentedExample(ctx, name) {
  const example = examplesOf(operation(ctx, name)).find((e) => e.output !== undefined);
  if (!example) throw new Error(`${ctx.source}: ${name} has no documented example with an output`);
  return example;
}
