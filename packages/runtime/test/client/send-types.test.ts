// `client.send(new XCommand(input))` is typed as aws-sdk-js-v3's: the command's output type in
// every form (promise, callback, options + callback). These checks run under `tsc --noEmit`
// (tsconfig.json includes test/); the vitest run proves the calls also work.
import type { MetadataBearer } from "@smithy/types";
import { describe, expect, expectTypeOf, it } from "vitest";
import { AwsClient } from "../../src/client/aws-client.js";
import { AwsCommand } from "../../src/client/aws-command.js";
import { GetWidget, jsonService } from "./fixtures.js";

interface GetWidgetCommandInput {
  widgetId: string;
}
interface GetWidgetCommandOutput extends MetadataBearer {
  widget?: { id?: string; created?: Date };
}
class GetWidgetCommand extends AwsCommand<GetWidgetCommandInput, GetWidgetCommandOutput> {
  constructor(input: GetWidgetCommandInput) {
    super(GetWidget, input);
  }
}
class WidgetClient extends AwsClient {
  constructor() {
    super(
      { ...jsonService },
      {
        region: "us-east-1",
        credentials: { accessKeyId: "a", secretAccessKey: "b" },
        endpoint: "http://127.0.0.1:9",
        validateInput: false,
        maxAttempts: 1,
        requestHandler: {
          handle: async () => ({
            response: {
              statusCode: 200,
              headers: {},
              body: new TextEncoder().encode('{"widget":{"id":"w"}}'),
            },
          }),
        } as never,
      },
    );
  }
}

describe("AwsClient.send types", () => {
  it("is Promise<Output> for a command", async () => {
    const client = new WidgetClient();
    const pending = client.send(new GetWidgetCommand({ widgetId: "w1" }));
    expectTypeOf(pending).toEqualTypeOf<Promise<GetWidgetCommandOutput>>();
    expectTypeOf(
      client.send(new GetWidgetCommand({ widgetId: "w1" }), { requestTimeout: 5 }),
    ).toEqualTypeOf<Promise<GetWidgetCommandOutput>>();
    const output = await pending;
    expectTypeOf(output.widget).toEqualTypeOf<{ id?: string; created?: Date } | undefined>();
    expectTypeOf(output.$metadata.httpStatusCode).toEqualTypeOf<number | undefined>();
    expect(output.widget?.id).toBe("w");
    // @ts-expect-error the input type is the command's
    new GetWidgetCommand({ id: "x" });
  });

  it("types the callback forms and returns void", async () => {
    const client = new WidgetClient();
    const seen: Array<string | undefined> = [];
    await new Promise<void>((resolve) => {
      const r = client.send(new GetWidgetCommand({ widgetId: "w1" }), (err, data) => {
        expectTypeOf(data).toEqualTypeOf<GetWidgetCommandOutput | undefined>();
        expect(err).toBeNull();
        seen.push(data?.widget?.id);
        resolve();
      });
      expectTypeOf(r).toEqualTypeOf<void>();
    });
    await new Promise<void>((resolve) => {
      client.send(
        new GetWidgetCommand({ widgetId: "w1" }),
        { requestTimeout: 1000 },
        (_err, data) => {
          expectTypeOf(data).toEqualTypeOf<GetWidgetCommandOutput | undefined>();
          seen.push(data?.widget?.id);
          resolve();
        },
      );
    });
    expect(seen).toEqual(["w", "w"]);
  });
});
