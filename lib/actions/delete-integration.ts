'use server';

import { deleteProjectIntegration } from '@/db/queries/integrations';
import { AppError } from '@/lib/errors';
import { revokeAtProvider } from '@/lib/integrations/oauth/disconnect';
import { providerWith } from '@/lib/integrations/registry';
import { integrationRefSchema } from './integration-schemas';
import { logIntegrationDeleted, runProviderCleanup } from './integration-cleanup';
import { loadIntegrationOr404 } from './load-integration';
import { authedAction } from './safe-action';

/**
 * Owner removes an integration. The provider's cleanup (e.g. our webhook at GitHub) is best
 * effort: its failure is logged and the delete goes ahead. FK cascades remove mappings,
 * deliveries and logs, so the audit line is kept without the integration id.
 */
export const deleteIntegration = authedAction('owner', integrationRefSchema, async ({ db, user }, input) => {
  const integration = await loadIntegrationOr404(db, input);
  const cleanup = await runProviderCleanup(integration);
  await revokeAtProvider(db, integration, await providerWith(integration.provider.providerType, 'oauth')); // logged, never blocks
  if (!(await deleteProjectIntegration(db, input.projectId, input.integrationId))) {
    throw new AppError('not_found', 'Integration not found.');
  }
  await logIntegrationDeleted(db, integration, cleanup, { by: user.id, projectId: input.projectId });
  return { deleted: true, cleanup };
});
