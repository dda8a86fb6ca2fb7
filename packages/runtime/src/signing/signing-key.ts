// SigV4 signing keys: HMAC chains from the secret over the scope's date, region and service. A
// key serves a whole day, so each signer remembers its last one and all signers share a small
// cache, as the SDK does (50 keys, oldest dropped first), keyed by a hash of the secret rather
// than the secret itself.
import { type HmacKey, hmac, hmacKey, sha256Hex } from "../platform/sha256.js";

const MAX_KEYS = 50;
const shared = new Map<string, Promise<HmacKey>>();

/** kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request"). */
export async function deriveSigningKey(
  secret: string,
  shortDate: string,
  region: string,
  service: string,
): Promise<HmacKey> {
  let key: string | Uint8Array = `AWS4${secret}`;
  for (const part of [shortDate, region, service, "aws4_request"]) key = await hmac(key, part);
  return hmacKey(key as Uint8Array);
}

async function sharedKey(
  secret: string,
  shortDate: string,
  region: string,
  service: string,
): Promise<HmacKey> {
  const id = `${shortDate}\n${region}\n${service}\n${await sha256Hex(secret)}`;
  let key = shared.get(id);
  if (key === undefined) {
    key = deriveSigningKey(secret, shortDate, region, service);
    shared.set(id, key);
    if (shared.size > MAX_KEYS) shared.delete(shared.keys().next().value!);
    key.catch(() => shared.delete(id)); // a failed derivation is tried again by the next call
  }
  return key;
}

/**
 * One signer's signing key: recomputed only when the secret or the scope changes, and given
 * as a plain value once derived (a signer awaits it only while it is being derived).
 */
export class SigningKeyMemo {
  private secret: string | undefined;
  private scope = "";
  private key: HmacKey | Promise<HmacKey> | undefined;

  /** The key for `secret` and `scope` (`date/region/service/aws4_request`, built from the rest). */
  get(
    secret: string,
    scope: string,
    shortDate: string,
    region: string,
    service: string,
  ): HmacKey | Promise<HmacKey> {
    if (this.key !== undefined && secret === this.secret && scope === this.scope) return this.key;
    const key = sharedKey(secret, shortDate, region, service);
    this.secret = secret;
    this.scope = scope;
    this.key = key;
    key.then(
      (value) => {
        if (this.key === key) this.key = value;
      },
      () => {
        if (this.key === key) this.key = undefined; // the next call derives it again
      },
    );
    return key;
  }
}
