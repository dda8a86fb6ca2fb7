/**
 * The shared config/credentials file format (INI as the AWS CLI reads it): `[section]` headers,
 * `key = value` lines, `#`/`;` comments; indented lines continue a sub-section (kept out here,
 * since nothing we read lives in one).
 */
export type IniSections = Record<string, Record<string, string>>;

export function parseIni(text: string): IniSections {
  // Prototype-free records: a `[__proto__]` or `[constructor]` section is just a section.
  const sections: IniSections = Object.create(null);
  let current: Record<string, string> | undefined;
  let nested = false;
  for (const rawLine of text.split(/\r?\n/)) {
    if (/^\s*([#;].*)?$/.test(rawLine)) continue;
    const header = /^\s*\[([^\]]+)\]\s*(?:[#;].*)?$/.exec(rawLine);
    if (header) {
      const name = header[1]!.trim();
      current = sections[name] ??= Object.create(null);
      nested = false;
      continue;
    }
    if (!current) continue;
    const kv = /^(\s*)([^=\s][^=]*?)\s*=\s*(.*?)\s*$/.exec(rawLine);
    if (!kv) continue;
    const indented = kv[1]!.length > 0;
    if (indented && nested) continue; // a sub-section's line (e.g. under `s3 =`)
    if (kv[3] === "" && !indented) {
      nested = true; // `key =` opens a sub-section
      continue;
    }
    nested = false;
    current[kv[2]!.trim()] = kv[3]!.replace(/\s+[#;].*$/, "");
  }
  return sections;
}
