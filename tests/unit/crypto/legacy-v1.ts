import { webcrypto } from 'node:crypto';

/**
 * A value in the legacy v1 format (`v1.<keyId>.<iv>.<ciphertext+tag>`, AES-256-GCM with no
 * associated data), as the app wrote before v2: the app no longer writes it, tests need it to
 * prove old rows still decrypt and get rotated.
 */
export async function encryptV1(plaintext: string, keyId: string, base64urlKey: string): Promise<string> {
  const key = await webcrypto.subtle.importKey('raw', Buffer.from(base64urlKey, 'base64url'), 'AES-GCM', false, ['encrypt']);
  const iv = webcrypto.getRandomValues(new Uint8Array(12));
  const ct = await webcrypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(plaintext));
  return ['v1', keyId, Buffer.from(iv).toString('base64url'), Buffer.from(ct).toString('base64url')].join('.');
}
