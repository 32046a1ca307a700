'use server';

import type { ConnectionTestOutcome } from '@/lib/integrations/run-connection-test';
import { createConfiguredIntegration } from '@/lib/integrations/create-integration';
import { testAfterSave } from '@/lib/integrations/save-config';
import { getProviderCore } from '@/lib/integrations/registry';
import { authedAction } from './safe-action';
import { createIntegrationSchema } from './integration-schemas';

/**
 * "Save" on the set-up page (owner): the integration is created only now, with the token,
 * external id, settings and schedule entered; anything left empty can be set later.
 */
export const createIntegration = authedAction('owner', createIntegrationSchema, async ({ db, user }, input) => {
  const integration = await createConfiguredIntegration(db, {
    projectId: input.projectId,
    provider: getProviderCore(input.providerType),
    userId: user.id,
    via: 'set-up',
    fields: { accessToken: input.accessToken, externalId: input.externalId ?? null, settings: input.settings, syncEnabled: input.syncEnabled, syncIntervalSeconds: input.syncIntervalSeconds },
  });
  let test: ConnectionTestOutcome | null = null;
  if (input.test) test = await testAfterSave(db, integration);
  return { integrationId: integration.id, test };
});
