'use server';

import { logAction } from '@/db/queries/integration-logs';
import { createIntegration as insertIntegration } from '@/db/queries/integrations';
import { getProviderRow } from '@/db/queries/providers';
import { AppError } from '@/lib/errors';
import { getProvider } from '@/lib/integrations/registry';
import { authedAction } from './safe-action';
import { createIntegrationSchema } from './integration-schemas';

// Owner picks a provider; the integration starts unconfigured with the provider's default settings.
export const createIntegration = authedAction('owner', createIntegrationSchema, async ({ db, user }, input) => {
  const provider = getProvider(input.providerId);
  const row = await getProviderRow(db, input.providerId);
  if (!row || !row.isActive) throw new AppError('unavailable', `${provider.defaults.name} is not available right now.`, 'providerId');
  const integration = await insertIntegration(db, {
    projectId: input.projectId,
    providerRowId: row.id,
    createdBy: user.id,
    settings: provider.settingsSchema.parse({}),
  });
  await logAction(db, {
    actionType: 'config',
    providerId: row.id,
    integrationId: integration.id,
    description: `${provider.defaults.name} integration created.`,
    details: { by: user.id },
  });
  return { integrationId: integration.id };
});
