import type { Provider } from "@smithy/types";
import { loadSharedFiles } from "../platform/shared-files.js";
import { profileName } from "./credentials/providers.js";
import { env } from "./env.js";

/**
 * The region: the config's, else AWS_REGION / AWS_DEFAULT_REGION, else the profile's `region` in
 * the shared config file; a clear error when none is set. Resolved once, then cached.
 */
export function regionProvider(
  region: string | Provider<string> | undefined,
  profile?: string,
): Provider<string> {
  if (typeof region === "string") {
    const value = checkRegion(region);
    return () => Promise.resolve(value);
  }
  let cached: Promise<string> | undefined;
  return () => {
    cached ??= (async () => {
      const value =
        (region ? await region() : undefined) ??
        env("AWS_REGION") ??
        env("AWS_DEFAULT_REGION") ??
        (await loadSharedFiles()).config[profileName(profile)]?.region;
      if (!value) {
        throw new Error(
          'Region is missing: pass `region` to the client (e.g. { region: "us-east-1" }) or set AWS_REGION',
        );
      }
      return checkRegion(value);
    })();
    cached.catch(() => {
      cached = undefined; // let a later call retry (the env may be fixed by then)
    });
    return cached;
  };
}

function checkRegion(region: string): string {
  if (!/^[a-z0-9][a-z0-9-]*[a-z0-9]$/.test(region)) {
    throw new Error(`Invalid region '${region}': expected something like us-east-1`);
  }
  return region;
}
