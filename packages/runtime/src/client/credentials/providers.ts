import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from "@smithy/types";
import { loadSharedFiles } from "../../platform/shared-files.js";
import { env } from "../env.js";

/** No provider in a chain had credentials; the chain goes on to the next provider. */
export class CredentialsProviderError extends Error {
  override readonly name = "CredentialsProviderError";
  /** Whether a chain may try the next provider (false: the source exists but is broken). */
  readonly tryNextLink: boolean;
  constructor(message: string, tryNextLink = true) {
    super(message);
    this.tryNextLink = tryNextLink;
  }
}

/** AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, AWS_CREDENTIAL_EXPIRATION. */
export function fromEnv(): AwsCredentialIdentityProvider {
  return async () => {
    const accessKeyId = env("AWS_ACCESS_KEY_ID");
    const secretAccessKey = env("AWS_SECRET_ACCESS_KEY");
    if (!accessKeyId || !secretAccessKey) {
      throw new CredentialsProviderError(
        "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not both set",
      );
    }
    const sessionToken = env("AWS_SESSION_TOKEN");
    const expiration = env("AWS_CREDENTIAL_EXPIRATION");
    return {
      accessKeyId,
      secretAccessKey,
      ...(sessionToken ? { sessionToken } : {}),
      ...(expiration ? { expiration: new Date(expiration) } : {}),
    };
  };
}

/** The profile to read: the argument, else AWS_PROFILE, else `default`. */
export function profileName(profile?: string): string {
  return profile ?? env("AWS_PROFILE") ?? "default";
}

/**
 * Static keys of a profile in the shared credentials file, then the config file
 * (`aws_access_key_id`, `aws_secret_access_key`, `aws_session_token`).
 */
export function fromSharedFiles(options: { profile?: string } = {}): AwsCredentialIdentityProvider {
  return async () => {
    const name = profileName(options.profile);
    const files = await loadSharedFiles();
    const profile = { ...files.config[name], ...files.credentials[name] };
    const accessKeyId = profile.aws_access_key_id;
    const secretAccessKey = profile.aws_secret_access_key;
    if (accessKeyId && secretAccessKey) {
      return {
        accessKeyId,
        secretAccessKey,
        ...(profile.aws_session_token ? { sessionToken: profile.aws_session_token } : {}),
      };
    }
    if (files.credentials[name] === undefined && files.config[name] === undefined) {
      throw new CredentialsProviderError(
        `Profile '${name}' is not in the shared credentials or config file`,
      );
    }
    const other = [
      "role_arn",
      "sso_session",
      "sso_start_url",
      "credential_process",
      "web_identity_token_file",
    ].find((k) => profile[k] !== undefined);
    throw new CredentialsProviderError(
      other
        ? `Profile '${name}' uses '${other}', which this client does not support; pass credentials explicitly`
        : `Profile '${name}' has no aws_access_key_id/aws_secret_access_key`,
      other === undefined,
    );
  };
}

/** The first provider that yields credentials; errors name every source tried. */
export function chain(
  ...providers: AwsCredentialIdentityProvider[]
): AwsCredentialIdentityProvider {
  return async () => {
    const reasons: string[] = [];
    for (const provider of providers) {
      try {
        return await provider();
      } catch (e) {
        if (!(e instanceof CredentialsProviderError) || !e.tryNextLink) throw e;
        reasons.push(e.message);
      }
    }
    throw new CredentialsProviderError(
      `Could not load credentials from any providers: ${reasons.join("; ")}`,
      false,
    );
  };
}

/**
 * Caches a provider's credentials until five minutes before they expire (forever when they do
 * not), sharing one lookup among concurrent calls.
 */
export function memoize(provider: AwsCredentialIdentityProvider): AwsCredentialIdentityProvider {
  let pending: Promise<AwsCredentialIdentity> | undefined;
  let cached: AwsCredentialIdentity | undefined;
  return async () => {
    if (cached && (!cached.expiration || cached.expiration.getTime() - Date.now() > 300_000))
      return cached;
    pending ??= provider().then(
      (c) => {
        cached = c;
        pending = undefined;
        return c;
      },
      (e) => {
        pending = undefined;
        throw e;
      },
    );
    return pending;
  };
}

/**
 * The default chain: environment variables, then the shared files (profile AWS_PROFILE). A
 * profile named in the client config skips the environment, as in the AWS SDK.
 */
export function defaultCredentialProvider(
  options: { profile?: string } = {},
): AwsCredentialIdentityProvider {
  return memoize(
    options.profile ? chain(fromSharedFiles(options)) : chain(fromEnv(), fromSharedFiles(options)),
  );
}
