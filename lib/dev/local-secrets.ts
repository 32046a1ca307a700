import fs from 'node:fs';
import path from 'node:path';
import { b64urlEncode } from '../crypto/keyring';
import { formatProductionConfigError, productionConfigProblems } from '../production-config';

/**
 * Development-only secrets, generated once into a git-ignored file so a fresh machine needs
 * no set-up: the encryption keyring and the next-auth secret. Production sets both in env.
 */
export function ensureLocalSecrets(dir = path.join(process.cwd(), '.data')): void {
  if (process.env.TASKBRIDGE_ENCRYPTION_KEYS && process.env.NEXTAUTH_SECRET) return;
  if (process.env.NODE_ENV === 'production') {
    throw new Error(formatProductionConfigError(productionConfigProblems(process.env)));
  }
  const file = path.join(dir, 'dev-secrets.json');
  let stored: { encryptionKeys?: string; nextAuthSecret?: string } = {};
  if (fs.existsSync(file)) stored = JSON.parse(fs.readFileSync(file, 'utf8'));
  const random = (n: number) => b64urlEncode(crypto.getRandomValues(new Uint8Array(n)));
  let changed = false;
  if (!stored.encryptionKeys) {
    stored.encryptionKeys = `dev1:${random(32)}`;
    changed = true;
  }
  if (!stored.nextAuthSecret) {
    stored.nextAuthSecret = random(32);
    changed = true;
  }
  if (changed) {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  }
  process.env.TASKBRIDGE_ENCRYPTION_KEYS ||= stored.encryptionKeys;
  process.env.NEXTAUTH_SECRET ||= stored.nextAuthSecret;
}
