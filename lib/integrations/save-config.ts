import type { Db } from '@/db/client';
import { type IntegrationConfigUpdate, type IntegrationWithProvider, integrationSecret } from '@/db/queries/integrations';
import type { ProjectIntegration } from '@/db/schema';
import { activateAfterConnect } from '@/lib/calendar/activate-after-connect';
import { encryptSecret, secretHint } from '@/lib/crypto/secrets';
import { hasCapability } from '@/lib/integrations/registry';
import { type ConnectionTestOutcome, runConnectionTest } from '@/lib/integrations/run-connection-test';
import { requestAppUrl } from '@/lib/request-app-url';
import { registerIntegrationWebhook } from '@/lib/sync/register-integration-webhook';

/** What the owner saves on the set-up and configure pages (the token is write-only). */
export type ConfigFields = {
  accessToken?: string;
  clearToken?: boolean;
  externalId: string | null;
  settings: Record<string, unknown>;
  syncEnabled: boolean;
  syncIntervalSeconds: number;
};

export type TokenChange = 'kept' | 'replaced' | 'cleared';

/**
 * The columns a save writes, for the integration `id` (its token ciphertext is bound to it) as
 * it is now (`current`, null on the set-up page). A new token or external id resets the
 * connection to "not configured" until tested, and a new external id drops the sync cursor.
 */
export async function configUpdate(
  id: string,
  current: ProjectIntegration | null,
  input: ConfigFields,
): Promise<{ values: IntegrationConfigUpdate; changed: string[]; tokenChange: TokenChange }> {
  const values: IntegrationConfigUpdate = {
    externalId: input.externalId,
    settings: input.settings,
    syncEnabled: input.syncEnabled,
    syncIntervalSeconds: input.syncIntervalSeconds,
  };
  const changed: string[] = [];
  let tokenChange: TokenChange = 'kept';
  if (input.clearToken) {
    Object.assign(values, { accessToken: null, accessTokenHint: null, refreshToken: null, tokenExpiresAt: null, authMethod: 'token', grantedScopes: null, oauthAccount: null });
    tokenChange = current?.accessToken ? 'cleared' : 'kept';
  } else if (input.accessToken) {
    Object.assign(values, {
      accessToken: await encryptSecret(input.accessToken, integrationSecret(id, 'access_token')),
      accessTokenHint: secretHint(input.accessToken),
      refreshToken: null,
      tokenExpiresAt: null,
      // A pasted token replaces any OAuth grant.
      authMethod: 'token',
      grantedScopes: null,
      oauthAccount: null,
    });
    tokenChange = 'replaced';
  }
  if (tokenChange !== 'kept') changed.push('accessToken');
  if (input.externalId !== (current?.externalId ?? null)) {
    changed.push('externalId');
    Object.assign(values, { externalName: null, syncCursor: null });
  }
  if (tokenChange !== 'kept' || changed.includes('externalId')) {
    Object.assign(values, { connectionStatus: 'not_configured', connectionError: null });
  }
  if (JSON.stringify(input.settings) !== JSON.stringify(current?.settings)) changed.push('settings');
  if (input.syncEnabled !== current?.syncEnabled) changed.push('syncEnabled');
  if (input.syncIntervalSeconds !== current?.syncIntervalSeconds) changed.push('syncIntervalSeconds');
  return { values, changed, tokenChange };
}

/** "Save & test connection": the provider's test, then (when connected) its calendar or webhook comes to life. */
export async function testAfterSave(db: Db, saved: IntegrationWithProvider): Promise<ConnectionTestOutcome> {
  const test = await runConnectionTest(db, saved);
  if (test.status === 'connected' && hasCapability(saved.provider.providerType, 'calendar')) {
    // Calendars: the dedicated calendar first, then its push channel, the first cursor and the deadlines.
    await activateAfterConnect(db, saved, await requestAppUrl());
  } else if (test.status === 'connected' && !saved.webhookExternalId) {
    // Connected and not yet registered: put our webhook on the repository ourselves when the token may.
    await registerIntegrationWebhook(db, saved, await requestAppUrl());
  }
  return test;
}
