/**
 * The shared config/credentials file format (INI as the AWS CLI reads it): `[section]` headers,
 * `key = value` lines, `#`/`;` comments; a `key =` line opens a sub-section whose indented lines
 * are kept as `key.sub` (`[services x]` sections hold one per service: `securityhub.endpoint_url`).
 */
export type IniSections = Record<string, Record<string, string>>;

export function parseIni(text: string): IniSections {
  // Prototype-free records: a `[__proto__]` or `[constructor]` section is just a section.
  const sections: IniSections = Object.create(null);
  let current: Record<string, string> | undefined;
  let parent: string | undefined;
  for (const rawLine of text.split(/\r?\n/)) {
    if (/^\s*([#;].*)?$/.test(rawLine)) continue;
    const header = /^\s*\[([^\]]+)\]\s*(?:[#;].*)?$/.exec(rawLine);
    if (header) {
      const name = header[1]!.trim();
      current = sections[name] ??= Object.create(null);
      parent = undefined;
      continue;
    }
    if (!current) continue;
    const kv = /^(\s*)([^=\s][^=]*?)\s*=\s*(.*?)\s*$/.exec(rawLine);
    if (!kv) continue;
    const indented = kv[1]!.length > 0;
    const key = kv[2]!.trim();
    const value = kv[3]!.replace(/\s+[#;].*$/, "");
    if (indented && parent !== undefined) {
      current[`${parent}.${key}`] = value; // a sub-section's line (e.g. under `s3 =`)
      continue;
    }
    if (kv[3] === "" && !indented) {
      parent = key; // `key =` opens a sub-section
      continue;
    }
    parent = undefined;
    current[key] = value;
  }
  return sections;
}
