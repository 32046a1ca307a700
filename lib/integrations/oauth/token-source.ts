import { getDb } from '@/db/client';
import type { IntegrationWithProvider } from '@/db/queries/integrations';
import { OAuthGrantRevokedError } from './errors';
import { needsRefresh, REFRESH_BEFORE_CALL_MS, refreshIntegrationToken } from './refresh';

/** Tokens refreshed for an integration snapshot (loadConnection's row), so later calls on it do not refresh again. */
const refreshed = new WeakMap<object, { accessToken: string | null; expiresAt: Date | null }>();

/**
 * connection.accessToken() for OAuth grants: a token expiring within 5 minutes is refreshed
 * first (serialised per connection, see refresh.ts). A revoked grant throws
 * OAuthGrantRevokedError (a ReconnectNeededError) after marking the integration.
 */
export async function oauthAccessToken(
  integration: IntegrationWithProvider,
  stored: () => Promise<string | null>,
  now: Date = new Date(),
): Promise<string | null> {
  const known = refreshed.get(integration);
  const expiresAt = known ? known.expiresAt : integration.tokenExpiresAt;
  if (!needsRefresh({ ...integration, tokenExpiresAt: expiresAt }, now, REFRESH_BEFORE_CALL_MS)) {
    return known ? known.accessToken : stored();
  }
  const outcome = await refreshIntegrationToken(getDb(), integration.id, { windowMs: REFRESH_BEFORE_CALL_MS });
  if (outcome.status === 'revoked') throw new OAuthGrantRevokedError(integration.provider.name, 'invalid_grant');
  if (outcome.status === 'skipped') return stored();
  refreshed.set(integration, { accessToken: outcome.accessToken, expiresAt: outcome.expiresAt });
  return outcome.accessToken;
}
