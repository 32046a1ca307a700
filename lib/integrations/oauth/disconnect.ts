import type { DbOrTx } from '@/db/client';
import { logAction } from '@/db/queries/integration-logs';
import { integrationSecret, type IntegrationWithProvider } from '@/db/queries/integrations';
import { clearGrant } from '@/db/queries/oauth-grants';
import { decryptSecret } from '@/lib/crypto/secrets';
import type { ProviderDefinition } from '@/lib/integrations/types';
import { oauthClientConfig } from './config';
import { requestAppUrlOrNull } from './app-url';

/** A provider with its OAuth capability loaded (`providerWith(type, 'oauth')`), or a full definition. */
type OAuthProvider = Pick<ProviderDefinition, 'id' | 'oauth'>;

const reveal = async (value: string | null, id: string, column: 'access_token' | 'refresh_token') =>
  value ? decryptSecret(value, integrationSecret(id, column)).catch(() => null) : null;

/**
 * Revokes the grant at the provider where an API exists (GitHub grant, Slack auth.revoke,
 * Google revoke). A failed revoke is logged and never blocks: the caller deletes the tokens
 * (clearGrant) or the integration afterwards either way. Returns whether the revoke succeeded.
 */
export async function revokeAtProvider(db: DbOrTx, integration: IntegrationWithProvider, provider: OAuthProvider | null): Promise<boolean | null> {
  const oauth = provider?.oauth;
  if (!provider || integration.authMethod !== 'oauth' || !oauth?.revoke) return null;
  const config = oauthClientConfig(oauth, provider.id, requestAppUrlOrNull());
  if (!config) return null;
  const log = { actionType: 'auth' as const, providerId: integration.providerId, integrationId: integration.id };
  try {
    await oauth.revoke(config, {
      accessToken: await reveal(integration.accessToken, integration.id, 'access_token'),
      refreshToken: await reveal(integration.refreshToken, integration.id, 'refresh_token'),
    });
    await logAction(db, { ...log, status: 'info', description: `Revoked the ${oauth.label} grant.` });
    return true;
  } catch (err) {
    await logAction(db, {
      ...log,
      status: 'warning',
      description: `Could not revoke the ${oauth.label} grant; the tokens are deleted anyway.`,
      details: { error: err instanceof Error ? err.name : typeof err },
    });
    return false;
  }
}

/** "Disconnect": revoke where possible, then delete the tokens; mappings, cursors and settings stay for a later connect. */
export async function disconnectOAuth(db: DbOrTx, integration: IntegrationWithProvider, provider: OAuthProvider | null): Promise<{ revoked: boolean | null }> {
  const revoked = await revokeAtProvider(db, integration, provider);
  await clearGrant(db, integration.id);
  await logAction(db, { actionType: 'auth', status: 'info', providerId: integration.providerId, integrationId: integration.id, description: 'Disconnected: tokens deleted.' });
  return { revoked };
}
