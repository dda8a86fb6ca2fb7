// A local stand-in for AWS, run in its own process (child_process.fork) so that its work never
// lands in the client's CPU figures: node:http on 127.0.0.1, keep-alive, answering each listed
// operation with the JSON of its documented example output. It reads each request body whole and
// checks nothing else: it is here to be cheap.
// Usage (forked): aws-stub-server.mjs svc:Operation...   sends { port } once listening.
import { createServer } from "node:http";
import { documentedExample, operation, protocolOf, serviceModel } from "./model.mjs";

/** `{ match(req) -> boolean, status, headers, body }` for one operation. */
async function route(svc, name) {
  const ctx = await serviceModel(svc);
  const op = operation(ctx, name);
  const output = documentedExample(ctx, name).output;
  const protocol = protocolOf(ctx.service);
  const requestId = "bench-0000-0000-0000-000000000000";
  if (protocol.startsWith("awsJson")) {
    const target = `${ctx.serviceId.slice(ctx.serviceId.indexOf("#") + 1)}.${name}`;
    const body = Buffer.from(JSON.stringify(output));
    return {
      match: (req) => req.method === "POST" && req.headers["x-amz-target"] === target,
      status: 200,
      headers: {
        "content-type": `application/x-amz-json-${protocol === "awsJson1_1" ? "1.1" : "1.0"}`,
        "x-amzn-requestid": requestId,
        "content-length": String(body.length),
      },
      body,
    };
  }
  // restJson1: members bound to headers go to headers, the rest to the JSON body.
  const http = op.shape.traits["smithy.api#http"];
  const uri = new RegExp(`^${http.uri.split("?")[0].replace(/\{[^}]+\}/g, "[^/]+")}$`);
  const outputShape = ctx.model.shapes[op.shape.output?.target]?.members ?? {};
  const headers = { "content-type": "application/json", "x-amzn-requestid": requestId };
  const body = {};
  for (const [member, value] of Object.entries(output)) {
    const bound = outputShape[member]?.traits?.["smithy.api#httpHeader"];
    if (bound) headers[bound.toLowerCase()] = String(value);
    else body[member] = value;
  }
  const bytes = Buffer.from(JSON.stringify(body));
  headers["content-length"] = String(bytes.length);
  return {
    match: (req) => req.method === http.method && uri.test(req.url.split("?")[0]),
    status: http.code ?? 200,
    headers,
    body: bytes,
  };
}

const routes = await Promise.all(
  process.argv.slice(2).map((arg) => {
    const [svc, name] = arg.split(":");
    return route(svc, name);
  }),
);

const server = createServer({ keepAliveTimeout: 60_000 }, (req, res) => {
  req.on("data", () => {});
  req.on("end", () => {
    const r = routes.find((x) => x.match(req));
    if (!r) {
      res.writeHead(404, { "content-type": "application/json" });
      res.end('{"__type":"UnknownOperationException","message":"no such route in the stub"}');
      return;
    }
    res.writeHead(r.status, r.headers);
    res.end(r.body);
  });
});
server.listen(0, "127.0.0.1", () => {
  process.send?.({ type: "listening", port: server.address().port });
});
// The parent going away (or disconnecting) ends the stub.
process.on("disconnect", () => server.close(() => process.exit(0)));
