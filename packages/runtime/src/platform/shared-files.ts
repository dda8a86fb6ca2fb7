// Node: reads ~/.aws/credentials and ~/.aws/config (or AWS_SHARED_CREDENTIALS_FILE /
// AWS_CONFIG_FILE). The browser build swaps in shared-files.browser.ts, which has
// no files, so browser bundles carry no node:fs.
// node:fs/promises, node:os and node:path are taken when the files are first read, not at import.
import { type IniSections, parseIni } from "../client/credentials/ini.js";

export interface SharedFiles {
  /** Profiles of the credentials file, by name. */
  credentials: IniSections;
  /** Profiles of the config file, by name (`[profile x]` read as `x`). */
  config: IniSections;
  /** `[services x]` sections of the config file, by name (`x`): per-service settings. */
  services: IniSections;
}

function home(): string {
  return (
    process.env.HOME || process.env.USERPROFILE || process.getBuiltinModule("node:os").homedir()
  );
}

async function readIni(path: string): Promise<IniSections> {
  try {
    return parseIni(await process.getBuiltinModule("node:fs/promises").readFile(path, "utf8"));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return {};
    throw e;
  }
}

export async function loadSharedFiles(): Promise<SharedFiles> {
  const { join } = process.getBuiltinModule("node:path");
  const env = process.env;
  const credentialsPath = env.AWS_SHARED_CREDENTIALS_FILE || join(home(), ".aws", "credentials");
  const configPath = env.AWS_CONFIG_FILE || join(home(), ".aws", "config");
  const [credentials, rawConfig] = await Promise.all([
    readIni(credentialsPath),
    readIni(configPath),
  ]);
  const config: IniSections = Object.create(null);
  const services: IniSections = Object.create(null);
  for (const [name, values] of Object.entries(rawConfig)) {
    const m = /^profile\s+(.+)$/.exec(name);
    const s = /^services\s+(.+)$/.exec(name);
    if (m) config[m[1]!.trim()] = Object.assign(Object.create(null), config[m[1]!.trim()], values);
    else if (s) services[s[1]!.trim()] = values;
    else if (name === "default")
      config.default = Object.assign(Object.create(null), values, config.default);
  }
  return { credentials, config, services };
}
