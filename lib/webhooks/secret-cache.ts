import { integrationSecret } from '@/db/queries/integrations';
import { decryptSecret } from '@/lib/crypto/secrets';
import { importHmacKey } from '@/lib/integrations/kit/hmac';

type Entry = { secret: Promise<string>; key: Promise<CryptoKey> | undefined; expires: number };

const TTL_MS = 60_000;
const MAX_ENTRIES = 1000;
const entries = new Map<string, Entry>();

/**
 * The decrypted webhook secret and its imported HMAC key, cached briefly in module memory
 * (one decrypt per fill), keyed by integration id and ciphertext: a rotated secret has a new
 * ciphertext and takes effect at once, and a ciphertext copied into another integration's row
 * is decrypted (and refused) for that row, never served from the original row's entry.
 */
export function webhookSecretFor(
  integrationId: string,
  ciphertext: string,
  now = Date.now(),
): { secret: () => Promise<string>; hmacKey: () => Promise<CryptoKey> } {
  const cacheKey = `${integrationId}:${ciphertext}`;
  let entry = entries.get(cacheKey);
  if (!entry || entry.expires <= now) {
    if (entries.size >= MAX_ENTRIES) entries.clear();
    const secret = decryptSecret(ciphertext, integrationSecret(integrationId, 'webhook_secret'));
    secret.catch(() => entries.delete(cacheKey)); // a failed decrypt is not cached
    entry = { secret, key: undefined, expires: now + TTL_MS };
    entries.set(cacheKey, entry);
  }
  const current = entry;
  return {
    secret: () => current.secret,
    hmacKey: () => (current.key ??= current.secret.then(importHmacKey)),
  };
}
