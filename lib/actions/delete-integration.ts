'use server';

import { logAction } from '@/db/queries/integration-logs';
import { deleteProjectIntegration, loadConnection } from '@/db/queries/integrations';
import { AppError } from '@/lib/errors';
import { getProvider } from '@/lib/integrations/registry';
import { integrationRefSchema } from './integration-schemas';
import { loadIntegrationOr404 } from './load-integration';
import { authedAction } from './safe-action';

/**
 * Owner removes an integration. The provider's cleanup (e.g. our webhook at GitHub) is best
 * effort: its failure is logged and the delete goes ahead. FK cascades remove mappings,
 * deliveries and logs, so the audit line is kept without the integration id.
 */
export const deleteIntegration = authedAction('owner', integrationRefSchema, async ({ db, user }, input) => {
  const integration = await loadIntegrationOr404(db, input);
  const provider = getProvider(integration.provider.providerType);
  let cleanup: 'none' | 'done' | 'failed' = 'none';
  if (provider.onDelete) {
    try {
      await provider.onDelete(await loadConnection(integration));
      cleanup = 'done';
    } catch (err) {
      cleanup = 'failed';
      console.warn(`[${provider.id}] cleanup before delete failed:`, err instanceof Error ? err.name : typeof err);
    }
  }
  if (!(await deleteProjectIntegration(db, input.projectId, input.integrationId))) {
    throw new AppError('not_found', 'Integration not found.');
  }
  await logAction(db, {
    actionType: 'config',
    status: cleanup === 'failed' ? 'warning' : 'success',
    providerId: integration.providerId,
    integrationId: null,
    description:
      cleanup === 'failed'
        ? `${provider.defaults.name} integration deleted; cleanup at ${provider.defaults.name} failed.`
        : `${provider.defaults.name} integration deleted.`,
    details: { by: user.id, deletedIntegrationId: integration.id, projectId: input.projectId, externalId: integration.externalId, cleanup },
  });
  return { deleted: true, cleanup };
});
