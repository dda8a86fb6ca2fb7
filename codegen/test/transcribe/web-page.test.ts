import { describe, expect, it } from "vitest";
import { detectFormat } from "../../src/transcribe/detect.js";
import { TranscribeError } from "../../src/transcribe/transcribed.js";
import { transcribeWebPage } from "../../src/transcribe/web-page/index.js";

const ns = "example.svc";

/** A new-look page in miniature: a label, a query parameter, a header, a list, a map, an enum. */
const NEW_LOOK = `GetWidget
Returns a widget.
Request Syntax
GET /widgets/widgetId
/parts?maxResults=MaxResults HTTP/1.1
X-Trace: traceId
Content-type: application/json
{
"tags": {
"string
" : "string
"
},
"colors": [ "string
" ],
"size": number,
"shape": {
"sides": number,
"name": "string
"
}
}
URI Request Parameters
The request uses the following URI parameters.
- widgetId
-
The widget's ID.
Length Constraints: Minimum length of 3. Maximum length of 8.
Required: Yes
- MaxResults
-
How many.
Type: Integer
Valid Range: Minimum value of 1. Maximum value of 50.
- traceId
-
A trace ID.
Type: String
Request Body
The request accepts the following data in JSON format.
- tags
-
Tags for the
widgetId
resource.
Type: String to string map
Required: No
- colors
-
The colors.
Type: Array of strings
Array Members: Minimum number of 1 item. Maximum number of 3 items.
Valid Values:
RED | light-blue
Required: Yes
- size
-
The size.
Type: Integer
Valid Range: Minimum value of 2. Maximum value of 9.
- shape
-
The shape.
Type: Shape object
Response Syntax
HTTP/1.1 201
Content-type: application/json
{
"createdAt": number,
"id": "string"
}
Response Elements
If the action is successful, the service sends back an HTTP 201 response.
- createdAt
-
When, made by theGetWidget
call.Type: Timestamp
- id
-
The ID.
Type: String
Pattern:
^w-[0-9]{4}$
Errors
For information about the errors that are common to all actions, see Common Errors.
- NotFound
-
No such widget.
HTTP Status Code: 404
- Broken
-
It broke.
HTTP Status Code: 503
See Also
More.
`;

const OLD_LOOK = `Example Service
Example Service (API Version 2020-02-02)

The AWS Documentation website is getting a new look!
Try it now and let us know what you think. Switch to the new look >>

You can return to the original look by selecting English in the language selector above.

PutThing

Puts a thing.

Request Syntax

PUT /things HTTP/1.1 Content-type: application/json { "Name": "string", "Count": number }

URI Request Parameters

The request does not use any URI parameters.

Request Body

The request accepts the following data in JSON format.

Name

The name.

Type: String

Pattern: .*\\S.*

Required: Yes

Count

How many.

Type: Long

Required: No

Response Syntax

HTTP/1.1 200

Response Elements

If the action is successful, the service sends back an HTTP 200 response with an empty HTTP body.

Errors

Oops

Something went wrong.

HTTP Status Code: 500

See Also

More.
`;

/** 1-based line of the first line of `text` that starts with `start` (after `after`, if given). */
function lineOf(text: string, start: string, after = 0): number {
  const lines = text.split("\n");
  const i = lines.findIndex((l, k) => k + 1 > after && l.startsWith(start));
  if (i < 0) throw new Error(`no line starting with ${start}`);
  return i + 1;
}

function catchError(f: () => unknown): TranscribeError {
  try {
    f();
  } catch (e) {
    if (e instanceof TranscribeError) return e;
    throw e;
  }
  throw new Error("expected a TranscribeError");
}

describe("detectFormat", () => {
  it("tells the new look from the old look", () => {
    expect(detectFormat(NEW_LOOK, "a.txt")).toBe("web-new");
    expect(detectFormat(OLD_LOOK, "b.txt")).toBe("web-old");
  });

  it("rejects a page in no known format with file:line", () => {
    const e = catchError(() =>
      detectFormat("\n\nRelease notes\nNothing here.\n", "docs/notes.txt"),
    );
    expect(e.message).toMatch(/^docs\/notes\.txt:3: no known format/);
  });
});

describe("transcribeWebPage, new look", () => {
  const { service, operation } = transcribeWebPage(NEW_LOOK, "w.txt", ns, "web-new");
  const s = service.shapes;

  it("builds the operation with its REST binding and errors", () => {
    expect(operation).toBe(`${ns}#GetWidget`);
    expect(s[operation].traits?.["smithy.api#http"]).toEqual({
      method: "GET",
      uri: "/widgets/{widgetId}/parts",
      code: 201,
    });
    expect(s[operation].input).toEqual({ target: `${ns}#GetWidgetRequest` });
    expect(s[operation].output).toEqual({ target: `${ns}#GetWidgetResponse` });
    expect(s[operation].errors?.map((e) => e.target)).toEqual([`${ns}#NotFound`, `${ns}#Broken`]);
    expect(s[`${ns}#NotFound`].traits).toMatchObject({
      "smithy.api#error": "client",
      "smithy.api#httpError": 404,
    });
    expect(s[`${ns}#Broken`].traits).toMatchObject({
      "smithy.api#error": "server",
      "smithy.api#httpError": 503,
    });
  });

  it("binds URI parameters to the label, the query string and a header", () => {
    const m = s[`${ns}#GetWidgetRequest`].members!;
    expect(m.widgetId.traits).toMatchObject({
      "smithy.api#httpLabel": {},
      "smithy.api#required": {},
      "smithy.api#length": { min: 3, max: 8 },
    });
    expect(m.MaxResults.traits).toMatchObject({
      "smithy.api#httpQuery": "maxResults",
      "smithy.api#range": { min: 1, max: 50 },
    });
    expect(m.traceId.traits).toMatchObject({ "smithy.api#httpHeader": "X-Trace" });
    expect(Object.keys(m)).toEqual([
      "widgetId",
      "MaxResults",
      "traceId",
      "tags",
      "colors",
      "size",
      "shape",
    ]);
  });

  it("reads maps, lists of enums with array sizes, ranges and sketched structures", () => {
    const m = s[`${ns}#GetWidgetRequest`].members!;
    expect(s[m.tags.target]).toEqual({
      type: "map",
      key: { target: "smithy.api#String" },
      value: { target: "smithy.api#String" },
    });
    expect(m.colors.traits).toMatchObject({
      "smithy.api#required": {},
      "smithy.api#length": { min: 1, max: 3 },
    });
    const list = s[m.colors.target];
    expect(list.type).toBe("list");
    expect(s[list.member!.target]).toEqual({
      type: "enum",
      members: {
        RED: { target: "smithy.api#Unit", traits: { "smithy.api#enumValue": "RED" } },
        LIGHT_BLUE: { target: "smithy.api#Unit", traits: { "smithy.api#enumValue": "light-blue" } },
      },
    });
    expect(m.size).toMatchObject({
      target: "smithy.api#Integer",
      traits: { "smithy.api#range": { min: 2, max: 9 } },
    });
    expect(s[`${ns}#Shape`]).toEqual({
      type: "structure",
      members: { sides: { target: "smithy.api#Double" }, name: { target: "smithy.api#String" } },
    });
    const out = s[`${ns}#GetWidgetResponse`].members!;
    expect(out.createdAt.target).toBe("smithy.api#Timestamp");
    expect(out.id.traits).toMatchObject({ "smithy.api#pattern": "^w-[0-9]{4}$" });
  });

  it("cleans documentation: inline code joined, glued words split", () => {
    const m = s[`${ns}#GetWidgetRequest`].members!;
    expect(m.tags.traits?.["smithy.api#documentation"]).toBe("Tags for the widgetId resource.");
    const out = s[`${ns}#GetWidgetResponse`].members!;
    expect(out.createdAt.traits?.["smithy.api#documentation"]).toBe(
      "When, made by the GetWidget call.",
    );
  });

  it("records every repair with file, line, what is printed and what is used", () => {
    const uri = service.repairs.find(
      (r) => r.subject === operation && r.printed.includes("HTTP/1.1"),
    );
    expect(uri).toMatchObject({
      file: "w.txt",
      line: 4,
      used: "GET /widgets/{widgetId}/parts HTTP/1.1",
    });
    expect(
      service.repairs.some(
        (r) => r.used === '"Type:" as its own line' && r.line === lineOf(NEW_LOOK, "call.Type"),
      ),
    ).toBe(true);
    expect(
      service.repairs.some(
        (r) => r.subject === `${ns}#Shape` && r.line === lineOf(NEW_LOOK, "Type: Shape object"),
      ),
    ).toBe(true);
    const filled = service.repairs.filter((r) => r.subject.startsWith(`${operation} example`));
    expect(filled.map((r) => [r.subject.split(" ").at(-1), r.used])).toEqual(
      expect.arrayContaining([
        ["$.colors[0]", '"RED"'],
        ["$.size", "2"],
        ["$.shape.sides", "0"],
        ["$.createdAt", "1700000000"],
        ["$.id", '"w-3456"'],
      ]),
    );
  });

  it("turns the syntax skeletons into an example and HTTP tests with filled placeholders", () => {
    const t = s[operation].traits!;
    const input = {
      widgetId: "widgetId",
      MaxResults: 1,
      traceId: "traceId",
      tags: { string: "string" },
      colors: ["RED"],
      size: 2,
      shape: { sides: 0, name: "string" },
    };
    const output = { createdAt: 1700000000, id: "w-3456" };
    expect(t["smithy.api#examples"]).toEqual([
      expect.objectContaining({ title: "Request and response syntax", input, output }),
    ]);
    expect(t["smithy.test#httpRequestTests"]).toEqual([
      expect.objectContaining({
        id: "GetWidget_RequestSyntax",
        protocol: "aws.protocols#restJson1",
        method: "GET",
        uri: "/widgets/widgetId/parts",
        queryParams: ["maxResults=1"],
        headers: { "X-Trace": "traceId", "Content-Type": "application/json" },
        body: JSON.stringify({
          tags: input.tags,
          colors: input.colors,
          size: 2,
          shape: input.shape,
        }),
        bodyMediaType: "application/json",
        params: input,
      }),
    ]);
    expect(t["smithy.test#httpResponseTests"]).toEqual([
      expect.objectContaining({
        id: "GetWidget_ResponseSyntax",
        code: 201,
        body: JSON.stringify(output),
        params: output,
      }),
    ]);
  });
});

describe("transcribeWebPage, old look", () => {
  const { service, operation, version } = transcribeWebPage(OLD_LOOK, "o.txt", ns, "web-old");
  const s = service.shapes;

  it("reads the one-line request syntax, the version and blank-line separated entries", () => {
    expect(version).toEqual({ value: "2020-02-02", file: "o.txt", line: 2 });
    expect(s[operation].traits?.["smithy.api#http"]).toEqual({
      method: "PUT",
      uri: "/things",
      code: 200,
    });
    expect(s[operation].traits?.["smithy.api#documentation"]).toBe("Puts a thing.");
    expect(s[`${ns}#PutThingRequest`].members).toEqual({
      Name: {
        target: "smithy.api#String",
        traits: {
          "smithy.api#documentation": "The name.",
          "smithy.api#required": {},
          "smithy.api#pattern": ".*\\S.*",
        },
      },
      Count: { target: "smithy.api#Long", traits: { "smithy.api#documentation": "How many." } },
    });
    expect(s[`${ns}#PutThingResponse`].members).toEqual({});
    expect(s[`${ns}#Oops`].traits).toMatchObject({
      "smithy.api#httpError": 500,
      "smithy.api#error": "server",
    });
  });

  it("has an empty-bodied response test", () => {
    const [response] = s[operation].traits!["smithy.test#httpResponseTests"] as Record<
      string,
      unknown
    >[];
    expect(response).toEqual(expect.objectContaining({ code: 200, params: {} }));
    expect(response.body).toBeUndefined();
  });
});

describe("broken pages", () => {
  it("reports a truncated page (a section missing) at its last line", () => {
    const cut = NEW_LOOK.slice(0, NEW_LOOK.indexOf("Errors\n"));
    const e = catchError(() => transcribeWebPage(cut, "cut.txt", ns, "web-new"));
    expect(e.message).toBe(
      `cut.txt:${cut.trimEnd().split("\n").length}: truncated page: the "Errors" section is missing (the page ends at line ${cut.trimEnd().split("\n").length})`,
    );
  });

  it("reports an error entry cut before its status code", () => {
    const cut = NEW_LOOK.replace("HTTP Status Code: 503\n", "");
    const e = catchError(() => transcribeWebPage(cut, "cut.txt", ns, "web-new"));
    expect(e.message).toMatch(new RegExp(`^cut\\.txt:${lineOf(cut, "- Broken")}: error Broken`));
    expect(e.message).toMatch(/error Broken has no "HTTP Status Code:" line/);
  });

  it("reports a truncated JSON skeleton", () => {
    const cut = OLD_LOOK.replace('"Count": number }', '"Count": number');
    const e = catchError(() => transcribeWebPage(cut, "o.txt", ns, "web-old"));
    expect(e.message).toMatch(new RegExp(`^o\\.txt:${lineOf(cut, "PUT /things")}: truncated JSON`));
  });

  it("reports a type that is neither defined nor sketched, at its Type line", () => {
    const broken = NEW_LOOK.replace(
      '"shape": {\n"sides": number,\n"name": "string\n"\n}',
      '"shape": "string\n"',
    );
    const e = catchError(() => transcribeWebPage(broken, "w.txt", ns, "web-new"));
    expect(e.message).toBe(
      `w.txt:${lineOf(broken, "Type: Shape object")}: type Shape is referenced but neither defined on this page nor sketched in its Request Syntax`,
    );
  });

  it("reports a bound it can read only part of, rather than dropping that part", () => {
    const broken = NEW_LOOK.replace(
      "Length Constraints: Minimum length of 3. Maximum length of 8.",
      "Length Constraints: Minimum length of three. Maximum length of 8.",
    );
    const e = catchError(() => transcribeWebPage(broken, "w.txt", ns, "web-new"));
    expect(e.message).toBe(
      `w.txt:${lineOf(broken, "Length Constraints: Minimum length of three")}: cannot read the bound "Minimum length of three." in "Minimum length of three. Maximum length of 8."`,
    );
  });

  it("reports valid values that would name one enum member twice", () => {
    const values = NEW_LOOK.split("\n")[lineOf(NEW_LOOK, "Valid Values:")]!;
    const [first] = values.split("|").map((v) => v.trim());
    const broken = NEW_LOOK.replace(values, `${values} | ${first!.toLowerCase()}`);
    const e = catchError(() => transcribeWebPage(broken, "w.txt", ns, "web-new"));
    expect(e.message).toMatch(
      new RegExp(
        `^w\\.txt:\\d+: valid values "${first}" and "${first!.toLowerCase()}" both name enum member`,
      ),
    );
  });

  it("reports a skeleton key that no entry documents", () => {
    const broken = NEW_LOOK.replace('"size": number,', '"size": number,\n"weight": number,');
    const e = catchError(() => transcribeWebPage(broken, "w.txt", ns, "web-new"));
    expect(e.message).toMatch(new RegExp(`^w\\.txt:${lineOf(broken, '"weight"')}: `));
    expect(e.message).toMatch(
      /Request Syntax prints "weight" but Request Body does not document it/,
    );
  });
});
