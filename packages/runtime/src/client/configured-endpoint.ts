import { loadSharedFiles, type SharedFiles } from "../platform/shared-files.js";
import { profileName } from "./credentials/providers.js";
import { env, isTrueSetting } from "./env.js";

/**
 * An endpoint URL configured outside the code, where AWS SDKs look for one ("service-specific
 * endpoints"), first found wins: AWS_ENDPOINT_URL_<SERVICE> (the sdkId upper-cased, spaces as
 * `_`: AWS_ENDPOINT_URL_SECURITYHUB), AWS_ENDPOINT_URL, the `endpoint_url` of the service in the
 * profile's `services` section of the shared config file, the profile's own `endpoint_url`.
 * None when AWS_IGNORE_CONFIGURED_ENDPOINT_URLS (or the profile's
 * `ignore_configured_endpoint_urls`) is true. How tests point real SDKs at a local server.
 */
export async function configuredEndpointUrl(
  sdkId: string,
  profile?: string,
  sharedFiles: () => Promise<SharedFiles> = loadSharedFiles,
): Promise<string | undefined> {
  const ignoreEnv = env("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS");
  if (ignoreEnv !== undefined && isTrueSetting(ignoreEnv)) return undefined;
  const key = sdkId.trim().replace(/\s+/g, "_");
  const fromEnv = env(`AWS_ENDPOINT_URL_${key.toUpperCase()}`) ?? env("AWS_ENDPOINT_URL");
  if (fromEnv !== undefined) return fromEnv;
  const files = await sharedFiles();
  const settings = files.config[profileName(profile)];
  if (!settings) return undefined;
  if (ignoreEnv === undefined && isTrueSetting(settings.ignore_configured_endpoint_urls))
    return undefined;
  const services = settings.services ? files.services[settings.services] : undefined;
  return services?.[`${key.toLowerCase()}.endpoint_url`] || settings.endpoint_url || undefined;
}
