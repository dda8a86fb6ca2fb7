// Browsers have no shared AWS files (see shared-files.ts).
import type { IniSections } from "../client/credentials/ini.js";

export interface SharedFiles {
  credentials: IniSections;
  config: IniSections;
  services: IniSections;
}

export async function loadSharedFiles(): Promise<SharedFiles> {
  return { credentials: {}, config: {}, services: {} };
}
