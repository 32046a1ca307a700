/**
 * Secrets at rest: AES-256-GCM through Web Crypto (edge and Node alike), a random 96-bit IV
 * per value, and the key id stored with each ciphertext so keys can rotate:
 *   v1.<keyId>.<base64url iv>.<base64url ciphertext+tag>
 * Keys come from TASKBRIDGE_ENCRYPTION_KEYS = "keyId:base64key[,keyId:base64key…]"; the first
 * encrypts, all decrypt. In dev, scripts/dev-secrets.ts generates one into .data/.
 */
const PREFIX = 'v1';

type Keyring = { activeId: string; keys: Map<string, CryptoKey> };
let cached: { source: string; ring: Promise<Keyring> } | undefined;

export function b64urlEncode(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function b64urlDecode(text: string): Uint8Array<ArrayBuffer> {
  const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function parseKeyring(source: string): Array<{ id: string; raw: Uint8Array<ArrayBuffer> }> {
  const entries = source.split(',').map((s) => s.trim()).filter(Boolean);
  if (entries.length === 0) throw new Error('TASKBRIDGE_ENCRYPTION_KEYS is empty');
  return entries.map((entry) => {
    const [id, key] = entry.split(':');
    if (!id || !key || !/^[A-Za-z0-9_-]+$/.test(id)) {
      throw new Error('TASKBRIDGE_ENCRYPTION_KEYS entries must look like keyId:base64key');
    }
    const raw = b64urlDecode(key.replace(/=+$/, ''));
    if (raw.length !== 32) throw new Error(`encryption key "${id}" must be 32 bytes`);
    return { id, raw };
  });
}

async function keyring(): Promise<Keyring> {
  const source = process.env.TASKBRIDGE_ENCRYPTION_KEYS ?? '';
  if (!source) throw new Error('TASKBRIDGE_ENCRYPTION_KEYS is not set');
  if (cached?.source !== source) {
    const ring = (async () => {
      const parsed = parseKeyring(source);
      const keys = new Map<string, CryptoKey>();
      for (const { id, raw } of parsed) {
        keys.set(id, await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']));
      }
      return { activeId: parsed[0]!.id, keys };
    })();
    cached = { source, ring };
  }
  return cached.ring;
}

export async function encryptSecret(plaintext: string): Promise<string> {
  const { activeId, keys } = await keyring();
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, keys.get(activeId)!, new TextEncoder().encode(plaintext));
  return [PREFIX, activeId, b64urlEncode(iv), b64urlEncode(new Uint8Array(ct))].join('.');
}

export async function decryptSecret(stored: string): Promise<string> {
  const [prefix, keyId, iv, ct] = stored.split('.');
  if (prefix !== PREFIX || !keyId || !iv || !ct) throw new Error('not an encrypted value');
  const { keys } = await keyring();
  const key = keys.get(keyId);
  if (!key) throw new Error(`no decryption key with id "${keyId}"`);
  const pt = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: b64urlDecode(iv) }, key, b64urlDecode(ct));
  return new TextDecoder().decode(pt);
}

/** True when the value was encrypted with a key other than the active one (needs re-encrypting). */
export async function needsReencryption(stored: string): Promise<boolean> {
  const { activeId } = await keyring();
  return stored.split('.')[1] !== activeId;
}

/** A random URL-safe secret (webhook secrets, tokens in URLs). */
export function randomSecret(bytes = 32): string {
  return b64urlEncode(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** Last 4 characters, the only part of a token ever shown back. */
export function secretHint(secret: string): string {
  return secret.length <= 8 ? '••••' : secret.slice(-4);
}
