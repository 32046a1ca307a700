import type { Db } from '@/db/client';
import { integrationSecret } from '@/db/queries/integrations';
import { type GrantColumns, listGrantsExpiringBy, rotateGrant } from '@/db/queries/oauth-grants';
import type { ProjectIntegration } from '@/db/schema';
import { decryptSecret } from '@/lib/crypto/secrets';
import { requestAppUrlOrNull } from './app-url';
import { oauthClientConfig } from './config';
import { OAuthGrantRevokedError } from './errors';
import { markReconnectNeeded } from './reconnect';
import { grantColumns } from './store';

/** Before an API call, a token expiring within 5 minutes is refreshed; the scheduled job takes those expiring within the hour. */
export const REFRESH_BEFORE_CALL_MS = 5 * 60_000;
export const REFRESH_AHEAD_MS = 60 * 60_000;

/** The refresh decision: an OAuth grant with a refresh token, not waiting for a reconnect, expiring within `windowMs`. */
export function needsRefresh(
  i: Pick<ProjectIntegration, 'authMethod' | 'tokenExpiresAt' | 'refreshToken' | 'connectionStatus'>,
  now: Date,
  windowMs: number,
): boolean {
  if (i.authMethod !== 'oauth' || !i.refreshToken || !i.tokenExpiresAt) return false;
  if (i.connectionStatus === 'reconnect_needed') return false;
  return i.tokenExpiresAt.getTime() - now.getTime() <= windowMs;
}

export type RefreshOutcome =
  | { status: 'refreshed' | 'fresh'; accessToken: string | null; expiresAt: Date | null }
  | { status: 'revoked'; reason: string }
  | { status: 'skipped' };

type Registry = typeof import('../registry');

/**
 * Refreshes one integration's token if it expires within `windowMs`. Serialised per connection
 * across processes by rotateGrant's row lock, held across the token request, and the new pair is
 * written in that same transaction: a second worker waits, then finds the token fresh and uses
 * it, so a rotating refresh token is spent once. invalid_grant → reconnect needed
 * (markReconnectNeeded), nothing else changes.
 */
export async function refreshIntegrationToken(
  db: Db,
  integrationId: string,
  options: { windowMs: number; now?: () => Date },
): Promise<RefreshOutcome> {
  const now = options.now ?? (() => new Date());
  const { providerWith } = (await import('../registry')) as Registry; // lazily: the registry imports this module's installer
  const outcome = await rotateGrant(db, integrationId, async (row): Promise<{ result: RefreshOutcome; write?: GrantColumns }> => {
    if (!row) return { result: { status: 'skipped' } };
    const i = row.integration;
    const current = async () => ({
      accessToken: i.accessToken ? await decryptSecret(i.accessToken, integrationSecret(i.id, 'access_token')) : null,
      expiresAt: i.tokenExpiresAt,
    });
    if (i.connectionStatus === 'reconnect_needed') return { result: { status: 'revoked', reason: i.connectionError ?? 'reconnect needed' } };
    if (!needsRefresh(i, now(), options.windowMs)) return { result: { status: 'fresh', ...(await current()) } };
    const provider = await providerWith(row.providerType, 'oauth');
    const config = provider && oauthClientConfig(provider.oauth, provider.id, requestAppUrlOrNull());
    if (!provider?.oauth.refresh || !config) return { result: { status: 'fresh', ...(await current()) } };
    const refreshToken = await decryptSecret(i.refreshToken!, integrationSecret(i.id, 'refresh_token'));
    try {
      const grant = await provider.oauth.refresh(config, refreshToken);
      return { result: { status: 'refreshed', accessToken: grant.accessToken, expiresAt: grant.expiresAt }, write: await grantColumns(i.id, grant, { now: now() }) };
    } catch (err) {
      if (err instanceof OAuthGrantRevokedError) return { result: { status: 'revoked', reason: err.message } };
      throw err;
    }
  });
  if (outcome.status === 'revoked') await markReconnectNeeded(db, integrationId, outcome.reason);
  return outcome;
}

/** OAuth integrations whose token expires within `windowMs` (the scheduled refresh's list). */
export async function listTokensExpiringSoon(db: Db, windowMs: number, now = new Date(), limit = 200): Promise<string[]> {
  return listGrantsExpiringBy(db, new Date(now.getTime() + windowMs), limit);
}

/** The scheduled refresh: every token expiring within the hour, one by one; one failure does not stop the rest. */
export async function refreshExpiringTokens(db: Db, windowMs = REFRESH_AHEAD_MS): Promise<{ refreshed: number; revoked: number; failed: number }> {
  const counts = { refreshed: 0, revoked: 0, failed: 0 };
  for (const id of await listTokensExpiringSoon(db, windowMs)) {
    try {
      const r = await refreshIntegrationToken(db, id, { windowMs });
      if (r.status === 'refreshed') counts.refreshed++;
      if (r.status === 'revoked') counts.revoked++;
    } catch (err) {
      counts.failed++;
      console.warn(`[oauth] refresh of ${id} failed:`, err instanceof Error ? err.name : typeof err);
    }
  }
  return counts;
}
