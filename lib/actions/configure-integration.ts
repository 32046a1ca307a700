'use server';

import { logAction } from '@/db/queries/integration-logs';
import { updateIntegrationConfig } from '@/db/queries/integrations';
import { AppError } from '@/lib/errors';
import type { ConnectionTestOutcome } from '@/lib/integrations/run-connection-test';
import { configUpdate, testAfterSave } from '@/lib/integrations/save-config';
import { getProviderCore } from '@/lib/integrations/registry';
import { resolveExternalId } from '@/lib/integrations/resolve-external-id';
import { settingsEditedElsewhere } from '@/lib/integrations/settings-form';
import { configureIntegrationSchema } from './integration-schemas';
import { loadIntegrationOr404 } from './load-integration';
import { authedAction } from './safe-action';

/**
 * Owner saves token (write-only), external id, provider settings and sync schedule; with
 * `test`, the provider's connection test runs right after (lib/integrations/save-config.ts).
 */
export const configureIntegration = authedAction('owner', configureIntegrationSchema, async ({ db, user }, input) => {
  const current = await loadIntegrationOr404(db, input);
  if (current.provider.providerType !== input.providerType) {
    throw new AppError('bad_request', 'does not match this integration', 'providerType');
  }
  // As typed → as stored (Slack: #general → its channel id), before anything is written.
  const target = await resolveExternalId(current, input.externalId, { typed: input.clearToken ? undefined : input.accessToken, cleared: input.clearToken });
  // Settings the form does not show (Jira's mapping, its cloud id) keep their stored values.
  const settings = { ...input.settings, ...settingsEditedElsewhere(getProviderCore(input.providerType).settingsSchema, current.settings) };
  const { values, changed, tokenChange } = await configUpdate(current.id, current, { ...input, externalId: target.id, settings });
  if (changed.includes('externalId')) values.externalName = target.name;
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
  if (input.test) test = await testAfterSave(db, { ...current, ...saved.integration, provider: current.provider });
  return { accessTokenHint: saved.integration.accessTokenHint, externalId: saved.integration.externalId, externalName: target.name, test };
});
