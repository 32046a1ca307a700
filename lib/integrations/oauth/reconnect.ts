import type { DbOrTx } from '@/db/client';
import { logAction } from '@/db/queries/integration-logs';
import { flagReconnectNeeded } from '@/db/queries/oauth-grants';

/**
 * The connection needs a person: the grant was revoked or the token refused (invalid_grant on
 * refresh; a 401, token_revoked, invalid_auth or account_inactive on a call; an uninstall or
 * revocation event). Sets connectionStatus 'reconnect_needed' with the reason (user-safe text,
 * no token), which pauses scheduled syncs and token refreshes, and logs it once. Idempotent:
 * returns false when the integration was already marked (or is gone). Settings, cursors and
 * mappings are kept, so "Reconnect" resumes where it stopped.
 */
export async function markReconnectNeeded(db: DbOrTx, integrationId: string, reason: string): Promise<boolean> {
  const row = await flagReconnectNeeded(db, integrationId, reason);
  if (!row) return false;
  await logAction(db, {
    actionType: 'auth',
    status: 'error',
    providerId: row.providerId,
    integrationId,
    description: `Reconnect needed: ${reason}`,
    details: { connectionStatus: 'reconnect_needed' },
  });
  console.warn(`[oauth] integration ${integrationId} needs a reconnect`);
  return true;
}
