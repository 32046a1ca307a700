/**
 * Secrets at rest: AES-256-GCM through Web Crypto (edge and Node alike), a random 96-bit IV
 * per value, and the key id stored with each ciphertext so keys can rotate (lib/crypto/keyring.ts):
 *   v2.<keyId>.<base64url iv>.<base64url ciphertext+tag>
 * A v2 ciphertext is bound to its place through AES-GCM associated data,
 *   taskbridge:v2:<table>.<column>:<rowId>
 * so a value copied into another row or column does not decrypt. v1 values (no associated
 * data) still decrypt; writing always produces v2, and `npm run secrets:rotate` rewrites
 * every stored v1 or old-key value (db/queries/rotate-secrets.ts).
 */
import { AppError } from '@/lib/errors';
import { b64urlDecode, b64urlEncode, keyring } from './keyring';

export { b64urlDecode, b64urlEncode, parseKeyring } from './keyring';

const VERSION = 'v2';
const LEGACY = 'v1';

/** Every encrypted column (SQL names, as they appear in the associated data) and how the UI names it. */
export const encryptedColumns = {
  project_integrations: { access_token: 'access token', refresh_token: 'refresh token', webhook_secret: 'webhook secret' },
  integration_providers: { oauth_client_secret: 'OAuth client secret' },
} as const;
type Columns = typeof encryptedColumns;

/** Where a ciphertext lives; required by encrypt and decrypt so no call site can leave it out. */
export type SecretContext = {
  [T in keyof Columns]: { table: T; column: keyof Columns[T] & string; rowId: string };
}[keyof Columns];

export type UnreadableReason = 'malformed' | 'unknown_key' | 'mismatch';

/**
 * A stored secret that cannot be decrypted: tampered with, moved to another row or column, or
 * encrypted with a key no longer in the keyring. A user-safe AppError (never holds the value):
 * the owner re-enters the secret.
 */
export class SecretUnreadableError extends AppError {
  override name = 'SecretUnreadableError';
  constructor(
    readonly context: SecretContext,
    readonly reason: UnreadableReason,
  ) {
    const label = (encryptedColumns[context.table] as Record<string, string>)[context.column] ?? context.column;
    super(
      'unprocessable',
      `The stored ${label} cannot be read (it was changed, moved or its key retired); enter it again.`,
      context.column.replace(/_(\w)/g, (_, c: string) => c.toUpperCase()),
    );
  }
}

function associatedData({ table, column, rowId }: SecretContext): Uint8Array<ArrayBuffer> {
  if (!rowId) throw new Error(`encrypting ${table}.${column} needs the row id`);
  return new TextEncoder().encode(`taskbridge:${VERSION}:${table}.${column}:${rowId}`);
}

export async function encryptSecret(plaintext: string, context: SecretContext): Promise<string> {
  const { activeId, keys } = await keyring();
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ct = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: associatedData(context) },
    keys.get(activeId)!,
    new TextEncoder().encode(plaintext),
  );
  return [VERSION, activeId, b64urlEncode(iv), b64urlEncode(new Uint8Array(ct))].join('.');
}

/** The plaintext, or SecretUnreadableError; v2 must match `context`, v1 (legacy) has no binding. */
export async function decryptSecret(stored: string, context: SecretContext): Promise<string> {
  const parts = stored.split('.');
  const [version, keyId, iv, ct] = parts;
  if (parts.length !== 4 || (version !== VERSION && version !== LEGACY) || !keyId || !iv || !ct) {
    throw new SecretUnreadableError(context, 'malformed');
  }
  const { keys } = await keyring();
  const key = keys.get(keyId);
  if (!key) throw new SecretUnreadableError(context, 'unknown_key');
  let params: AesGcmParams;
  let data: Uint8Array<ArrayBuffer>;
  try {
    params = { name: 'AES-GCM', iv: b64urlDecode(iv) };
    data = b64urlDecode(ct);
  } catch {
    throw new SecretUnreadableError(context, 'malformed');
  }
  if (version === VERSION) params.additionalData = associatedData(context);
  try {
    return new TextDecoder().decode(await crypto.subtle.decrypt(params, key, data));
  } catch {
    throw new SecretUnreadableError(context, 'mismatch');
  }
}

/** True when the value is v1 or was encrypted with a key other than the active one. */
export async function needsReencryption(stored: string): Promise<boolean> {
  const { activeId } = await keyring();
  const [version, keyId] = stored.split('.');
  return version !== VERSION || keyId !== activeId;
}

/** A random URL-safe secret (webhook secrets, tokens in URLs). */
export function randomSecret(bytes = 32): string {
  return b64urlEncode(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** Last 4 characters, the only part of a token ever shown back. */
export function secretHint(secret: string): string {
  return secret.length <= 8 ? '••••' : secret.slice(-4);
}
