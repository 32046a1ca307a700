'use server';

import { z } from 'zod';
import { getProjectIntegration, loadConnection } from '@/db/queries/integrations';
import { AppError } from '@/lib/errors';
import { getProvider } from '@/lib/integrations/registry';
import { SyncPausedError } from '@/lib/sync/sync-paused-error';
import { authedAction } from './safe-action';

const exportTaskSchema = z.object({ projectId: z.uuid(), integrationId: z.uuid(), taskId: z.uuid() });

/** "Create GitHub issue" (any provider with export): a member creates the external item for a task. */
export const exportTaskToIntegration = authedAction('member', exportTaskSchema, async ({ db }, input) => {
  const integration = await getProjectIntegration(db, input.projectId, input.integrationId);
  if (!integration || !integration.isActive) throw new AppError('not_found', 'Integration not found.', 'integrationId');
  const provider = getProvider(integration.provider.providerType);
  if (!provider.exportTask) throw new AppError('bad_request', `${provider.defaults.name} cannot create items from tasks.`, 'integrationId');
  if (!integration.externalId || !integration.accessToken) throw new AppError('bad_request', 'Configure the integration first.', 'integrationId');
  try {
    return await provider.exportTask({ db, integration, connection: await loadConnection(integration), taskId: input.taskId });
  } catch (err) {
    if (err instanceof SyncPausedError) throw new AppError('rate_limited', `${provider.defaults.name} rate limit reached; try again after ${err.resumeAt.toISOString()}.`);
    if (err instanceof AppError) throw err;
    const status = (err as { status?: number }).status;
    if (status === 401) throw new AppError('bad_request', `${provider.defaults.name} rejected the token: reconnect needed.`);
    throw new AppError('unavailable', `${provider.defaults.name} could not create the item; try again.`);
  }
});
