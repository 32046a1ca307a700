import { decryptSecret } from '@/lib/crypto/secrets';
import { importHmacKey } from './hmac';

type Entry = { secret: Promise<string>; key: Promise<CryptoKey> | undefined; expires: number };

const TTL_MS = 60_000;
const MAX_ENTRIES = 1000;
const entries = new Map<string, Entry>();

/**
 * The decrypted webhook secret and its imported HMAC key, cached briefly in module memory,
 * keyed by the ciphertext: a rotated secret has a new ciphertext and takes effect at once.
 */
export function webhookSecretFor(ciphertext: string, now = Date.now()): { secret: () => Promise<string>; hmacKey: () => Promise<CryptoKey> } {
  let entry = entries.get(ciphertext);
  if (!entry || entry.expires <= now) {
    if (entries.size >= MAX_ENTRIES) entries.clear();
    const secret = decryptSecret(ciphertext);
    secret.catch(() => entries.delete(ciphertext)); // a failed decrypt is not cached
    entry = { secret, key: undefined, expires: now + TTL_MS };
    entries.set(ciphertext, entry);
  }
  const current = entry;
  return {
    secret: () => current.secret,
    hmacKey: () => (current.key ??= current.secret.then(importHmacKey)),
  };
}
