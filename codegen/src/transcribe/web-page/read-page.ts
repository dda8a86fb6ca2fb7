import { TranscribeError } from "../transcribed.js";
import { type Entry, parseEntries } from "./entries.js";
import { type HttpSyntax, parseHttpSyntax } from "./http-syntax.js";
import { type PageLine, pageLines, splitSections } from "./page-lines.js";

/** What one action page documents, before it becomes shapes. */
export interface ActionPage {
  file: string;
  look: "web-new" | "web-old";
  name: { text: string; line: number };
  description: PageLine[];
  /** The API version, where the page prints it (old look: "AWS Security Hub (API Version ...)"). */
  version?: { value: string; line: number };
  request: HttpSyntax;
  uriParameters: Entry[];
  body: Entry[];
  response: HttpSyntax;
  responseElements: Entry[];
  errors: Entry[];
}

/** Old-look pages open with the site's banner; these lines are not part of the action. */
const OLD_LOOK_BANNER = [
  /^The AWS Documentation website is getting a new look!$/,
  /^Try it now and let us know what you think\./,
  /^You can return to the original look by/,
];

export function readActionPage(text: string, file: string, look: ActionPage["look"]): ActionPage {
  const lines = pageLines(text);
  const { intro, sections } = splitSections(lines, file);
  let version: ActionPage["version"];
  let body = intro;
  if (look === "web-old") {
    for (const l of intro) {
      const m = /\(API Version (\d{4}-\d{2}-\d{2})\)/.exec(l.text);
      if (m && !version) version = { value: m[1], line: l.line };
    }
    const lastBanner = intro.findLastIndex((l) => OLD_LOOK_BANNER.some((re) => re.test(l.text)));
    body = intro.slice(lastBanner + 1);
  }
  const [title, ...description] = body;
  if (!title || !/^[A-Z][A-Za-z0-9]+$/.test(title.text)) {
    throw new TranscribeError(
      { file, line: title?.line ?? 1 },
      `expected the action's name before "Request Syntax", found "${title?.text ?? ""}"`,
    );
  }
  const section = (name: keyof typeof sections) => sections[name]?.lines ?? [];
  const requestSyntax = sections["Request Syntax"]!;
  const responseSyntax = sections["Response Syntax"]!;
  return {
    file,
    look,
    name: { text: title.text, line: title.line },
    description,
    version,
    request: parseHttpSyntax("request", requestSyntax.heading, requestSyntax.lines, file),
    uriParameters: parseEntries(section("URI Request Parameters"), look, file),
    body: parseEntries(section("Request Body"), look, file),
    response: parseHttpSyntax("response", responseSyntax.heading, responseSyntax.lines, file),
    responseElements: parseEntries(section("Response Elements"), look, file),
    errors: parseEntries(section("Errors"), look, file),
  };
}
