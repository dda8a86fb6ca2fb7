import type { Model, NodeValue } from "../../../src/model/ast.js";

const NS = "example.widgets";

/**
 * A small awsJson1_1 service shaped like the transcribed models: GetWidget has a documented
 * example and its HTTP exchange; ListWidgets' documented response breaks its own enum, so the
 * example lives in the HTTP traits only and `metadata docsmithErrata` records why.
 */
export function widgetsModel(errata: NodeValue[] = [listWidgetsErratum()]): Model {
  return {
    smithy: "2.0",
    metadata: { docsmithErrata: errata },
    shapes: {
      [`${NS}#Widgets`]: {
        type: "service",
        version: "2024-01-01",
        operations: [{ target: `${NS}#GetWidget` }, { target: `${NS}#ListWidgets` }],
        errors: [{ target: `${NS}#Throttled` }],
        traits: {
          "aws.protocols#awsJson1_1": {},
          "aws.api#service": { sdkId: "Widgets" },
          "aws.auth#sigv4": { name: "widgets" },
        },
      },
      [`${NS}#GetWidget`]: {
        type: "operation",
        input: { target: `${NS}#GetWidgetRequest` },
        output: { target: `${NS}#GetWidgetResponse` },
        errors: [{ target: `${NS}#NotFound` }],
        traits: {
          "smithy.api#examples": [
            {
              title: "Get the blue widget",
              input: { id: "w-1" },
              output: { name: "blue", createdAt: 1458680170.035, state: "ON" },
            },
          ],
          "smithy.test#httpRequestTests": [
            {
              id: "GetWidget_Sample",
              protocol: "aws.protocols#awsJson1_1",
              method: "POST",
              uri: "/",
              headers: {
                "X-Amz-Target": "Widgets.GetWidget",
                "Content-Type": "application/x-amz-json-1.1",
              },
              body: '{"id":"w-1"}',
              params: { id: "w-1" },
            },
            {
              id: "GetWidget_OtherProtocol",
              protocol: "aws.protocols#restJson1",
              method: "GET",
              uri: "/widgets/w-1",
              params: { id: "w-1" },
            },
          ],
          "smithy.test#httpResponseTests": [
            {
              id: "GetWidget_Sample",
              protocol: "aws.protocols#awsJson1_1",
              code: 200,
              headers: { "Content-Type": "application/x-amz-json-1.1" },
              body: '{"name":"blue","createdAt":1458680170.035,"state":"ON"}',
              params: { name: "blue", createdAt: 1458680170.035, state: "ON" },
            },
          ],
        },
      },
      [`${NS}#ListWidgets`]: {
        type: "operation",
        input: { target: `${NS}#ListWidgetsRequest` },
        output: { target: `${NS}#ListWidgetsResponse` },
        traits: {
          "smithy.test#httpRequestTests": [
            {
              id: "ListWidgets_Sample",
              protocol: "aws.protocols#awsJson1_1",
              method: "POST",
              uri: "/",
              headers: {
                "X-Amz-Target": "Widgets.ListWidgets",
                "Content-Type": "application/x-amz-json-1.1",
              },
              body: "{}",
              params: {},
            },
          ],
          "smithy.test#httpResponseTests": [
            {
              id: "ListWidgets_Sample",
              protocol: "aws.protocols#awsJson1_1",
              code: 200,
              headers: { "Content-Type": "application/x-amz-json-1.1" },
              body: '{"widgets":[{"name":"red","state":"BROKEN"}]}',
              params: { widgets: [{ name: "red", state: "BROKEN" }] },
            },
          ],
        },
      },
      [`${NS}#GetWidgetRequest`]: {
        type: "structure",
        members: {
          id: {
            target: "smithy.api#String",
            traits: { "smithy.api#required": {}, "smithy.api#length": { min: 1, max: 5 } },
          },
        },
      },
      [`${NS}#GetWidgetResponse`]: { type: "structure", members: widgetMembers() },
      [`${NS}#ListWidgetsRequest`]: { type: "structure", members: {} },
      [`${NS}#ListWidgetsResponse`]: {
        type: "structure",
        members: { widgets: { target: `${NS}#WidgetList` } },
      },
      [`${NS}#WidgetList`]: { type: "list", member: { target: `${NS}#Widget` } },
      [`${NS}#Widget`]: { type: "structure", members: widgetMembers() },
      [`${NS}#State`]: {
        type: "enum",
        members: {
          ON: { target: "smithy.api#Unit", traits: { "smithy.api#enumValue": "ON" } },
          OFF: { target: "smithy.api#Unit", traits: { "smithy.api#enumValue": "OFF" } },
        },
      },
      [`${NS}#NotFound`]: {
        type: "structure",
        members: { message: { target: "smithy.api#String" } },
        traits: { "smithy.api#error": "client", "smithy.api#httpError": 404 },
      },
      [`${NS}#Throttled`]: {
        type: "structure",
        members: { message: { target: "smithy.api#String" } },
        traits: { "smithy.api#error": "server" },
      },
    },
  };
}

function widgetMembers() {
  return {
    name: { target: "smithy.api#String" },
    createdAt: { target: "smithy.api#Timestamp" },
    state: { target: `${NS}#State` },
  };
}

export function listWidgetsErratum(): NodeValue {
  return {
    id: "widgets-ListWidgets-state",
    operation: `${NS}#ListWidgets`,
    example: "List them",
    path: "/output/widgets/0/state",
    note: "The sample prints BROKEN, not one of ON | OFF.",
  };
}
