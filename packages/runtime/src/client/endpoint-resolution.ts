import type { Endpoint, Provider } from "@smithy/types";
import { loadSharedFiles, type SharedFiles } from "../platform/shared-files.js";
import type { ServiceSchema } from "../schema.js";
import { configuredEndpointUrl } from "./configured-endpoint.js";
import { profileName } from "./credentials/providers.js";
import { defaultEndpoint, type EndpointInput, toEndpoint } from "./endpoint.js";
import { env, isTrueSetting } from "./env.js";

/** The endpoint settings of a client config, as AWS SDK v3 clients take them. */
export interface EndpointSettings {
  readonly endpoint?: EndpointInput;
  readonly useFipsEndpoint?: boolean | Provider<boolean>;
  readonly useDualstackEndpoint?: boolean | Provider<boolean>;
  readonly profile?: string;
}

/**
 * The shared files as one client's endpoint settings read them: once, when the first of them
 * needs them (the configured URL, the FIPS and dual-stack switches), and again after a failure.
 */
export function sharedFilesOnce(): () => Promise<SharedFiles> {
  let files: Promise<SharedFiles> | undefined;
  return () => {
    files ??= loadSharedFiles();
    files.catch(() => {
      files = undefined;
    });
    return files;
  };
}

/**
 * An endpoint variant switch: the config's value, else the environment's (AWS_USE_FIPS_ENDPOINT,
 * AWS_USE_DUALSTACK_ENDPOINT), else the profile's in the shared config file (use_fips_endpoint,
 * use_dualstack_endpoint), else off. Resolved once.
 */
export function variantSwitch(
  value: boolean | Provider<boolean> | undefined,
  envName: string,
  configKey: string,
  profile: string | undefined,
  sharedFiles: () => Promise<SharedFiles>,
): Provider<boolean> {
  if (typeof value === "boolean") {
    const p = Promise.resolve(value);
    return () => p;
  }
  let cached: Promise<boolean> | undefined;
  return () => {
    cached ??= (async () => {
      if (value) return await value();
      const fromEnv = env(envName);
      if (fromEnv !== undefined) return isTrueSetting(fromEnv);
      const settings = (await sharedFiles()).config[profileName(profile)];
      return isTrueSetting(settings?.[configKey]);
    })();
    cached.catch(() => {
      cached = undefined; // an unreadable file may be fixed by the next call
    });
    return cached;
  };
}

/**
 * Where a client sends: the config's endpoint, else an endpoint URL configured outside the code
 * (configured-endpoint.ts), else AWS's endpoint for the region in the chosen variant (FIPS,
 * dual-stack). As AWS's endpoint rules, a FIPS or dual-stack request with an endpoint of one's
 * own is a configuration error.
 */
export function endpointProvider(
  settings: EndpointSettings,
  service: ServiceSchema,
  region: Provider<string>,
  fips: Provider<boolean>,
  dualstack: Provider<boolean>,
  sharedFiles: () => Promise<SharedFiles>,
): Provider<Endpoint> {
  const custom = async (input: EndpointInput): Promise<Endpoint> => {
    if (await fips()) {
      throw new Error("Invalid Configuration: FIPS and custom endpoint are not supported");
    }
    if (await dualstack()) {
      throw new Error("Invalid Configuration: Dualstack and custom endpoint are not supported");
    }
    return toEndpoint(typeof input === "function" ? await input() : input);
  };
  const input = settings.endpoint;
  // A provider is asked on every call (it may change its answer); anything else is resolved once.
  if (typeof input === "function") return () => custom(input);
  let cached: Promise<Endpoint> | undefined;
  return () => {
    cached ??= (async () => {
      if (input !== undefined) return custom(input);
      const url = await configuredEndpointUrl(service.sdkId, settings.profile, sharedFiles);
      if (url !== undefined) return custom(url);
      return defaultEndpoint(service.endpointPrefix, await region(), {
        fips: await fips(),
        dualstack: await dualstack(),
      });
    })();
    cached.catch(() => {
      cached = undefined; // let a later call retry (the env or files may be fixed by then)
    });
    return cached;
  };
}
