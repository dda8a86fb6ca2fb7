/**
 * What a user of a generated server stub imports: `@docsmith/<svc>/server` alone gives the
 * handler, the hardened node:http server and the error class to throw (no import of the runtime,
 * which pnpm's strict layout would not resolve for them).
 */
import type { AddressInfo } from "node:net";
import * as securityhub from "@aws-sdk/client-securityhub";
import * as server from "@docsmith/securityhub/server";
import { expect, test } from "vitest";

test("@docsmith/securityhub/server exports what serving needs", () => {
  expect(Object.keys(server).sort()).toEqual([
    "ServiceError",
    "createNodeServer",
    "createSecurityHubHandler",
    "servedOperations",
    "toNodeListener",
  ]);
});

test("createNodeServer from the package serves the official SDK, errors included", async () => {
  const node = server.createNodeServer(
    server.createSecurityHubHandler({
      CreateActionTarget: async (input) => {
        if (input.Name === "taken")
          throw new server.ServiceError("ResourceConflictException", "exists");
        return {
          ActionTargetArn: `arn:aws:securityhub:us-east-1:123456789012:action/custom/${input.Id}`,
        };
      },
    }),
  );
  await new Promise<void>((resolve) => node.listen(0, "127.0.0.1", resolve));
  try {
    const client = new securityhub.SecurityHubClient({
      endpoint: `http://127.0.0.1:${(node.address() as AddressInfo).port}`,
      region: "us-east-1",
      credentials: { accessKeyId: "AKID", secretAccessKey: "secret" },
      maxAttempts: 1,
    });
    const ok = await client.send(
      new securityhub.CreateActionTargetCommand({ Name: "n", Description: "d", Id: "siem" }),
    );
    expect(ok.ActionTargetArn).toMatch(/action\/custom\/siem$/);
    const error = await client
      .send(new securityhub.CreateActionTargetCommand({ Name: "taken", Description: "d", Id: "x" }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(securityhub.ResourceConflictException);
    expect((error as Error).message).toBe("exists");
  } finally {
    node.closeAllConnections();
    await new Promise((resolve) => node.close(resolve));
  }
});
