'use server';

import { logAction } from '@/db/queries/integration-logs';
import { type IntegrationConfigUpdate, integrationSecret, updateIntegrationConfig } from '@/db/queries/integrations';
import { encryptSecret, secretHint } from '@/lib/crypto/secrets';
import { AppError } from '@/lib/errors';
import { type ConnectionTestOutcome, runConnectionTest } from '@/lib/integrations/run-connection-test';
import { requestAppUrl } from '@/lib/request-app-url';
import { registerIntegrationWebhook } from '@/lib/sync/register-integration-webhook';
import { configureIntegrationSchema } from './integration-schemas';
import { loadIntegrationOr404 } from './load-integration';
import { authedAction } from './safe-action';

/**
 * Owner saves token (write-only), external id, provider settings and sync schedule; with
 * `test`, the provider's connection test runs right after. A new token or external id resets
 * the connection to "not configured" until tested, and a new external id drops the sync cursor.
 */
export const configureIntegration = authedAction('owner', configureIntegrationSchema, async ({ db, user }, input) => {
  const current = await loadIntegrationOr404(db, input);
  if (current.provider.providerType !== input.providerId) {
    throw new AppError('bad_request', 'does not match this integration', 'providerId');
  }
  const values: IntegrationConfigUpdate = {
    externalId: input.externalId,
    settings: input.settings,
    syncEnabled: input.syncEnabled,
    syncIntervalSeconds: input.syncIntervalSeconds,
  };
  const changed: string[] = [];
  let tokenChange: 'kept' | 'replaced' | 'cleared' = 'kept';
  if (input.clearToken) {
    Object.assign(values, { accessToken: null, accessTokenHint: null, refreshToken: null, tokenExpiresAt: null });
    tokenChange = current.accessToken ? 'cleared' : 'kept';
  } else if (input.accessToken) {
    Object.assign(values, {
      accessToken: await encryptSecret(input.accessToken, integrationSecret(current.id, 'access_token')),
      accessTokenHint: secretHint(input.accessToken),
      refreshToken: null,
      tokenExpiresAt: null,
    });
    tokenChange = 'replaced';
  }
  if (tokenChange !== 'kept') changed.push('accessToken');
  if (input.externalId !== current.externalId) {
    changed.push('externalId');
    Object.assign(values, { externalName: null, syncCursor: null });
  }
  if (tokenChange !== 'kept' || changed.includes('externalId')) {
    Object.assign(values, { connectionStatus: 'not_configured', connectionError: null });
  }
  if (JSON.stringify(input.settings) !== JSON.stringify(current.settings)) changed.push('settings');
  if (input.syncEnabled !== current.syncEnabled) changed.push('syncEnabled');
  if (input.syncIntervalSeconds !== current.syncIntervalSeconds) changed.push('syncIntervalSeconds');

  const saved = await updateIntegrationConfig(db, input.projectId, input.integrationId, values);
  if (!saved.ok && saved.reason === 'duplicate') {
    throw new AppError('conflict', 'already connected in this project', 'externalId');
  }
  if (!saved.ok) throw new AppError('not_found', 'Integration not found.');
  await logAction(db, {
    actionType: 'config',
    providerId: current.providerId,
    integrationId: current.id,
    description: changed.length ? `Configuration saved (${changed.join(', ')}).` : 'Configuration saved (no changes).',
    details: { by: user.id, changed, token: tokenChange },
  });
  let test: ConnectionTestOutcome | null = null;
  if (input.test) {
    test = await runConnectionTest(db, { ...current, ...saved.integration, provider: current.provider });
    // Connected and not yet registered: put our webhook on the repository ourselves when the token may.
    if (test.status === 'connected' && !saved.integration.webhookExternalId) {
      await registerIntegrationWebhook(db, { ...current, ...saved.integration, provider: current.provider }, await requestAppUrl());
    }
  }
  return { accessTokenHint: saved.integration.accessTokenHint, test };
});
