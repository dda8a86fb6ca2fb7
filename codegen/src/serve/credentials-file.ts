/**
 * The credentials file of `docsmith serve --auth sigv4 --credentials FILE`: the access keys the
 * server accepts. Two formats:
 *
 * - AWS's shared credentials file (INI): `[profile]` sections with `aws_access_key_id`,
 *   `aws_secret_access_key` and optionally `aws_session_token`; `#` and `;` start comments.
 * - JSON (a file whose first non-blank character is `{`): an object mapping each access key id
 *   to its secret, or to `{ "secretAccessKey": "...", "sessionToken": "..." }`.
 */
export interface AccessKey {
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

/** A problem in the file, located: `FILE:LINE:COL: message`. */
export class CredentialsFileError extends Error {}

export function parseCredentialsFile(text: string, file: string): Map<string, AccessKey> {
  const keys = text.trimStart().startsWith("{") ? parseJson(text, file) : parseIni(text, file);
  if (keys.size === 0) throw new CredentialsFileError(`${file}:1:1: no access keys in the file`);
  return keys;
}

interface Pending {
  name: string;
  line: number;
  values: Map<string, { value: string; line: number; col: number }>;
}

function parseIni(text: string, file: string): Map<string, AccessKey> {
  const keys = new Map<string, AccessKey>();
  const sections: Pending[] = [];
  let current: Pending | undefined;
  const lines = text.split(/\r?\n/);
  for (const [n, raw] of lines.entries()) {
    const line = n + 1;
    const trimmed = raw.trim();
    const col = raw.length - raw.trimStart().length + 1;
    if (trimmed === "" || trimmed.startsWith("#") || trimmed.startsWith(";")) continue;
    const section = /^\[\s*([^\]]*?)\s*\]\s*([#;].*)?$/.exec(trimmed);
    if (section) {
      if (!section[1]) throw new CredentialsFileError(`${file}:${line}:${col}: empty profile name`);
      current = { name: section[1], line, values: new Map() };
      sections.push(current);
      continue;
    }
    const eq = trimmed.indexOf("=");
    if (eq <= 0) {
      throw new CredentialsFileError(
        `${file}:${line}:${col}: expected '[profile]' or 'name = value', found ${JSON.stringify(trimmed.slice(0, 40))}`,
      );
    }
    if (!current) {
      throw new CredentialsFileError(`${file}:${line}:${col}: a setting before any [profile] line`);
    }
    const name = trimmed.slice(0, eq).trim().toLowerCase();
    const value = trimmed.slice(eq + 1).trim();
    const valueCol =
      col + eq + 1 + (trimmed.slice(eq + 1).length - trimmed.slice(eq + 1).trimStart().length);
    current.values.set(name, { value, line, col: valueCol });
  }
  for (const s of sections) {
    const id = s.values.get("aws_access_key_id");
    const secret = s.values.get("aws_secret_access_key");
    // Profiles without keys (role or SSO profiles in a copied ~/.aws file) are not ours to judge.
    if (!id && !secret) continue;
    if (!id || !secret) {
      const missing = id ? "aws_secret_access_key" : "aws_access_key_id";
      throw new CredentialsFileError(`${file}:${s.line}:1: profile [${s.name}] has no ${missing}`);
    }
    for (const v of [id, secret]) {
      if (v.value === "") throw new CredentialsFileError(`${file}:${v.line}:${v.col}: empty value`);
    }
    if (keys.has(id.value)) {
      throw new CredentialsFileError(
        `${file}:${id.line}:${id.col}: access key id ${id.value} appears twice`,
      );
    }
    const token = s.values.get("aws_session_token")?.value;
    keys.set(id.value, {
      secretAccessKey: secret.value,
      ...(token ? { sessionToken: token } : {}),
    });
  }
  return keys;
}

function parseJson(text: string, file: string): Map<string, AccessKey> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new CredentialsFileError(
      `${file}:${jsonErrorLocation(text, e as Error)}: ${(e as Error).message}`,
    );
  }
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    throw new CredentialsFileError(
      `${file}:1:1: expected an object mapping access key ids to secrets`,
    );
  }
  const keys = new Map<string, AccessKey>();
  for (const [id, entry] of Object.entries(data)) {
    const where = `${file}:${lineColOf(text, JSON.stringify(id))}`;
    if (typeof entry === "string" && entry !== "") {
      keys.set(id, { secretAccessKey: entry });
    } else if (
      entry !== null &&
      typeof entry === "object" &&
      typeof (entry as AccessKey).secretAccessKey === "string" &&
      (entry as AccessKey).secretAccessKey !== "" &&
      ["undefined", "string"].includes(typeof (entry as AccessKey).sessionToken)
    ) {
      const { secretAccessKey, sessionToken } = entry as AccessKey;
      keys.set(id, { secretAccessKey, ...(sessionToken ? { sessionToken } : {}) });
    } else {
      throw new CredentialsFileError(
        `${where}: the value of ${JSON.stringify(id)} must be its secret access key, or { "secretAccessKey": "...", "sessionToken"?: "..." }`,
      );
    }
  }
  return keys;
}

/** line:col of a JSON.parse error, from the "position N" its message carries (or 1:1). */
function jsonErrorLocation(text: string, error: Error): string {
  const m = /position (\d+)/.exec(error.message);
  return m ? offsetToLineCol(text, Number(m[1])) : "1:1";
}

function lineColOf(text: string, needle: string): string {
  const at = text.indexOf(needle);
  return at < 0 ? "1:1" : offsetToLineCol(text, at);
}

function offsetToLineCol(text: string, offset: number): string {
  const before = text.slice(0, offset).split("\n");
  return `${before.length}:${before[before.length - 1]!.length + 1}`;
}
