import { afterEach, describe, expect, it } from 'vitest';
import {
  decryptSecret, encryptSecret, needsReencryption, parseKeyring, type SecretContext, SecretUnreadableError, secretHint,
} from '@/lib/crypto/secrets';
import { encryptV1 } from './legacy-v1';

const key = (n: number) => Buffer.alloc(32, n).toString('base64url');
const original = process.env.TASKBRIDGE_ENCRYPTION_KEYS;
afterEach(() => {
  process.env.TASKBRIDGE_ENCRYPTION_KEYS = original;
});

const rowA = '11111111-1111-4111-8111-111111111111';
const rowB = '22222222-2222-4222-8222-222222222222';
const at = (column: 'access_token' | 'webhook_secret' | 'refresh_token', rowId = rowA): SecretContext => ({
  table: 'project_integrations', column, rowId,
});

async function unreadable(promise: Promise<unknown>): Promise<SecretUnreadableError> {
  const err = await promise.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(SecretUnreadableError);
  return err as SecretUnreadableError;
}

describe('secrets at rest', () => {
  it('round-trips as v2 and never stores the plaintext', async () => {
    process.env.TASKBRIDGE_ENCRYPTION_KEYS = `k1:${key(1)}`;
    const stored = await encryptSecret('ghp_supersecretvalue', at('access_token'));
    expect(stored).toMatch(/^v2\.k1\.[\w-]{16}\.[\w-]+$/);
    expect(stored).not.toContain('supersecret');
    expect(await decryptSecret(stored, at('access_token'))).toBe('ghp_supersecretvalue');
  });

  it('binds the ciphertext to its table, column and row (associated data)', async () => {
    process.env.TASKBRIDGE_ENCRYPTION_KEYS = `k1:${key(1)}`;
    const stored = await encryptSecret('ghp_supersecretvalue', at('access_token'));
    for (const elsewhere of [
      at('access_token', rowB),
      at('webhook_secret'),
      at('refresh_token'),
      { table: 'integration_providers', column: 'oauth_client_secret', rowId: rowA } as const,
    ]) {
      const err = await unreadable(decryptSecret(stored, elsewhere));
      expect(err.reason).toBe('mismatch');
      expect(err.code).toBe('unprocessable');
      expect(err.userMessage).not.toContain('supersecret');
    }
    const err = await unreadable(decryptSecret(stored, at('access_token', rowB)));
    expect(err.userMessage).toMatch(/stored access token cannot be read.*enter it again/);
    expect(err.field).toBe('accessToken');
  });

  it('still decrypts v1 values (no associated data) and marks them for re-encryption', async () => {
    process.env.TASKBRIDGE_ENCRYPTION_KEYS = `k1:${key(1)}`;
    const legacy = await encryptV1('xoxb-legacy-token', 'k1', key(1));
    expect(legacy).toMatch(/^v1\.k1\./);
    expect(await decryptSecret(legacy, at('access_token'))).toBe('xoxb-legacy-token');
    expect(await needsReencryption(legacy)).toBe(true);
    expect(await needsReencryption(await encryptSecret('x', at('access_token')))).toBe(false);
  });

  it('uses a fresh 96-bit IV every time', async () => {
    process.env.TASKBRIDGE_ENCRYPTION_KEYS = `k1:${key(1)}`;
    const a = await encryptSecret('same', at('webhook_secret'));
    const b = await encryptSecret('same', at('webhook_secret'));
    expect(a).not.toBe(b);
    expect(Buffer.from(a.split('.')[2]!, 'base64url')).toHaveLength(12);
  });

  it('rotates: old ciphertexts still decrypt, new ones use the first key', async () => {
    process.env.TASKBRIDGE_ENCRYPTION_KEYS = `old:${key(2)}`;
    const old = await encryptSecret('token', at('access_token'));
    process.env.TASKBRIDGE_ENCRYPTION_KEYS = `new:${key(3)},old:${key(2)}`;
    expect(await decryptSecret(old, at('access_token'))).toBe('token');
    expect(await needsReencryption(old)).toBe(true);
    expect((await encryptSecret('token', at('access_token'))).split('.')[1]).toBe('new');
  });

  it('rejects tampered ciphertext, unknown keys and malformed values as unreadable', async () => {
    process.env.TASKBRIDGE_ENCRYPTION_KEYS = `k1:${key(1)}`;
    const stored = await encryptSecret('value', at('webhook_secret'));
    const parts = stored.split('.');
    const ct = Buffer.from(parts[3]!, 'base64url');
    ct[0] = ct[0]! ^ 1;
    const tampered = [...parts.slice(0, 3), ct.toString('base64url')].join('.');
    expect((await unreadable(decryptSecret(tampered, at('webhook_secret')))).reason).toBe('mismatch');
    expect((await unreadable(decryptSecret(stored.replace('.k1.', '.zz.'), at('webhook_secret')))).reason).toBe('unknown_key');
    for (const bad of ['plaintext', stored.replace(/^v2/, 'v3'), `${stored}.extra`, 'v2.k1.@@@.###']) {
      expect((await unreadable(decryptSecret(bad, at('webhook_secret')))).reason).toBe('malformed');
    }
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
