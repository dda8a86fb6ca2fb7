import { describe, expect, it } from "vitest";
import { emitErrorsModule } from "../../src/emit/errors-module.js";
import { serviceView } from "../../src/emit/service-view.js";
import { emitTypesModule } from "../../src/emit/types-module.js";
import { fixtureModel, protocolTestView, thingsView } from "./load-fixture.js";

describe("types.ts", () => {
  const types = emitTypesModule(thingsView());

  it("declares an interface per structure, required vs optional as modeled", () => {
    expect(types).toContain("export interface Thing {");
    expect(types).toMatch(/\n\s*arn: string;/);
    expect(types).toMatch(/\n\s*color\?: Color;/);
    expect(types).toMatch(/\n\s*createdAt: Date;/);
    expect(types).toMatch(/\n\s*payload\?: Uint8Array;/);
    expect(types).toMatch(/\n\s*parts\?: Part\[\];/);
  });

  it("makes idempotency tokens optional (the client fills them in)", () => {
    expect(types).toMatch(/\n\s*clientToken\?: string;/);
    expect(types).toMatch(/\n\s*name: string;/);
  });

  it("declares enums as an as-const object and a string-literal union", () => {
    expect(types).toContain('export const Color = {\nRED: "red",\nGREEN: "green",\n} as const;');
    expect(types).toContain("export type Color = (typeof Color)[keyof typeof Color];");
  });

  it("carries documentation as TSDoc", () => {
    expect(types).toContain("/**\n * <p>A thing.</p>\n */\nexport interface Thing {");
    expect(types).toContain(" * The ARN of the thing.\n */\narn: string;");
  });

  it("leaves errors to errors.ts", () => {
    expect(types).not.toContain("InvalidInputException");
  });

  it("types unions so that exactly one member is set", () => {
    const union = emitTypesModule(protocolTestView("aws.protocoltests.json#JsonProtocol"));
    expect(union).toMatch(
      /export type MyUnion =\n\| \{\n(?:.*\n)*?stringValue: string;\n(?:.*\n)*?booleanValue\?: never;/,
    );
  });
});

describe("errors.ts", () => {
  const errors = emitErrorsModule(thingsView());

  it("declares the service base exception", () => {
    expect(errors).toContain("export class ThingsStoreServiceException extends ServiceException {");
    expect(errors).toContain("Object.setPrototypeOf(this, new.target.prototype);");
    expect(errors).not.toMatch(/setPrototypeOf\(this, \w+\.prototype\)/);
  });

  it("declares one class per modeled error with name, $fault and members, SDK v3 style", () => {
    expect(errors).toContain(
      "export class InvalidInputException extends ThingsStoreServiceException {\n" +
        'override readonly name: "InvalidInputException" = "InvalidInputException";\n' +
        'override readonly $fault: "client" = "client";\n',
    );
    expect(errors).toContain("canRetry: boolean | undefined;");
    expect(errors).toContain("this.canRetry = opts.canRetry;");
    // `message` belongs to the base class
    expect(errors).not.toContain("this.message = opts.message");
    expect(errors).toContain('override readonly $fault: "server" = "server";');
    expect(errors).toContain("override readonly $retryable = { throttling: true };");
    expect(errors).toContain("this.Message = opts.Message;");
    expect(errors).toContain('import type { Color } from "./types.js";');
  });

  it("rejects a model whose service is missing", () => {
    expect(() => serviceView(fixtureModel(), "example.things#Nope")).toThrow(/not a service shape/);
  });
});
