// Node: reads ~/.aws/credentials and ~/.aws/config (or AWS_SHARED_CREDENTIALS_FILE /
// AWS_CONFIG_FILE). The "browser" field maps this module to shared-files.browser.js, which has
// no files, so browser bundles carry no node:fs.
import { readFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import { type IniSections, parseIni } from "../client/credentials/ini.js";

export interface SharedFiles {
  /** Profiles of the credentials file, by name. */
  credentials: IniSections;
  /** Profiles of the config file, by name (`[profile x]` read as `x`). */
  config: IniSections;
}

function home(): string {
  return process.env.HOME || process.env.USERPROFILE || homedir();
}

async function readIni(path: string): Promise<IniSections> {
  try {
    return parseIni(await readFile(path, "utf8"));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return {};
    throw e;
  }
}

export async function loadSharedFiles(): Promise<SharedFiles> {
  const env = process.env;
  const credentialsPath = env.AWS_SHARED_CREDENTIALS_FILE || join(home(), ".aws", "credentials");
  const configPath = env.AWS_CONFIG_FILE || join(home(), ".aws", "config");
  const [credentials, rawConfig] = await Promise.all([
    readIni(credentialsPath),
    readIni(configPath),
  ]);
  const config: IniSections = Object.create(null);
  for (const [name, values] of Object.entries(rawConfig)) {
    const m = /^profile\s+(.+)$/.exec(name);
    if (m) config[m[1]!.trim()] = Object.assign(Object.create(null), config[m[1]!.trim()], values);
    else if (name === "default")
      config.default = Object.assign(Object.create(null), values, config.default);
  }
  return { credentials, config };
}
