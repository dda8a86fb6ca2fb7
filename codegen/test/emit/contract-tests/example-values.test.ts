import { describe, expect, it } from "vitest";
import { exampleValue } from "../../../src/emit/example-values.js";
import { serviceView } from "../../../src/emit/service-view.js";
import { widgetsModel } from "./widgets-model.js";

const view = serviceView(widgetsModel(), "example.widgets#Widgets");

describe("exampleValue", () => {
  it("makes timestamps Dates: epoch seconds (rounded to the millisecond) and date strings", () => {
    const out = exampleValue(view, "example.widgets#GetWidgetResponse", {
      name: "blue",
      createdAt: 1458680170.035,
    }) as Record<string, unknown>;
    expect(out.createdAt).toEqual(new Date(1458680170035));
    expect(exampleValue(view, "smithy.api#Timestamp", "2016-03-22T20:56:10Z")).toEqual(
      new Date("2016-03-22T20:56:10Z"),
    );
  });

  it("walks lists and structures, makes blobs bytes, and keeps what does not fit as printed", () => {
    const out = exampleValue(view, "example.widgets#ListWidgetsResponse", {
      widgets: [{ name: "red", state: "BROKEN", createdAt: "not a date" }],
    });
    expect(out).toEqual({ widgets: [{ name: "red", state: "BROKEN", createdAt: "not a date" }] });
    expect(exampleValue(view, "smithy.api#Blob", "hi")).toEqual(new Uint8Array([104, 105]));
  });
});
