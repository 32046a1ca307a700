import { afterEach, describe, expect, it } from 'vitest';
import { decryptSecret, encryptSecret, needsReencryption, parseKeyring, secretHint } from '@/lib/crypto/secrets';

const key = (n: number) => Buffer.alloc(32, n).toString('base64url');
const original = process.env.TASKBRIDGE_ENCRYPTION_KEYS;
afterEach(() => {
  process.env.TASKBRIDGE_ENCRYPTION_KEYS = original;
});

describe('secrets at rest', () => {
  it('round-trips and never stores the plaintext', async () => {
    process.env.TASKBRIDGE_ENCRYPTION_KEYS = `k1:${key(1)}`;
    const stored = await encryptSecret('ghp_supersecretvalue');
    expect(stored).toMatch(/^v1\.k1\.[\w-]{16}\.[\w-]+$/);
    expect(stored).not.toContain('supersecret');
    expect(await decryptSecret(stored)).toBe('ghp_supersecretvalue');
  });

  it('uses a fresh 96-bit IV every time', async () => {
    process.env.TASKBRIDGE_ENCRYPTION_KEYS = `k1:${key(1)}`;
    const a = await encryptSecret('same');
    const b = await encryptSecret('same');
    expect(a).not.toBe(b);
    expect(Buffer.from(a.split('.')[2]!, 'base64url')).toHaveLength(12);
  });

  it('rotates: old ciphertexts still decrypt, new ones use the first key', async () => {
    process.env.TASKBRIDGE_ENCRYPTION_KEYS = `old:${key(2)}`;
    const old = await encryptSecret('token');
    process.env.TASKBRIDGE_ENCRYPTION_KEYS = `new:${key(3)},old:${key(2)}`;
    expect(await decryptSecret(old)).toBe('token');
    expect(await needsReencryption(old)).toBe(true);
    expect((await encryptSecret('token')).split('.')[1]).toBe('new');
  });

  it('rejects tampered ciphertext and unknown keys', async () => {
    process.env.TASKBRIDGE_ENCRYPTION_KEYS = `k1:${key(1)}`;
    const stored = await encryptSecret('value');
    const parts = stored.split('.');
    const ct = Buffer.from(parts[3]!, 'base64url');
    ct[0] = ct[0]! ^ 1;
    await expect(decryptSecret([...parts.slice(0, 3), ct.toString('base64url')].join('.'))).rejects.toThrow();
    await expect(decryptSecret(stored.replace('.k1.', '.zz.'))).rejects.toThrow(/no decryption key/);
  });

  it('validates the keyring format', () => {
    expect(() => parseKeyring('nokey')).toThrow(/keyId:base64key/);
    expect(() => parseKeyring(`k:${Buffer.alloc(16).toString('base64url')}`)).toThrow(/32 bytes/);
  });

  it('hints only the last 4 characters', () => {
    expect(secretHint('ghp_abcdefghijkl1234')).toBe('1234');
    expect(secretHint('short')).toBe('••••');
  });
});
