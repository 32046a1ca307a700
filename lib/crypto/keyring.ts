/**
 * The encryption keyring: TASKBRIDGE_ENCRYPTION_KEYS = "keyId:base64key[,keyId:base64key…]";
 * the first key encrypts, all decrypt (rotation). Imported once per distinct env value.
 */
export type Keyring = { activeId: string; keys: Map<string, CryptoKey> };
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

export async function keyring(): Promise<Keyring> {
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
