'use server';

import { z } from 'zod';
import { getProjectIntegration } from '@/db/queries/integrations';
import { loadConnection } from '@/lib/integrations/connection';
import { AppError, UserFacingError } from '@/lib/errors';
import { providerWith } from '@/lib/integrations/registry';
import { exportTask } from '@/lib/sync/engine/task-ops';
import { SyncPausedError } from '@/lib/integrations/kit/errors';
import { authedAction } from './safe-action';

const exportTaskSchema = z.object({ projectId: z.uuid(), integrationId: z.uuid(), taskId: z.uuid() });

/** "Create GitHub issue" (any provider with export): a member creates the external item for a task. */
export const exportTaskToIntegration = authedAction('member', exportTaskSchema, async ({ db }, input) => {
  const integration = await getProjectIntegration(db, input.projectId, input.integrationId);
  if (!integration || !integration.isActive) throw new AppError('not_found', 'Integration not found.', 'integrationId');
  const provider = await providerWith(integration.provider.providerType, 'taskSync');
  if (!provider) throw new AppError('bad_request', `${integration.provider.name} cannot create items from tasks.`, 'integrationId');
  if (!integration.externalId || !integration.accessToken) throw new AppError('bad_request', 'Configure the integration first.', 'integrationId');
  try {
    return await exportTask({ db, integration, connection: await loadConnection(integration), taskId: input.taskId });
  } catch (err) {
    if (err instanceof SyncPausedError) throw new AppError('rate_limited', `${provider.defaults.name} rate limit reached; try again after ${err.resumeAt.toISOString()}.`);
    if (err instanceof AppError) throw err;
    // Written for the user (a Jira issue type with a required field Taskbridge cannot fill): shown on the task as is.
    if (err instanceof UserFacingError) throw new AppError('bad_request', err.message, 'taskId');
    const status = (err as { status?: number }).status;
    if (status === 401) throw new AppError('bad_request', `${provider.defaults.name} rejected the token: reconnect needed.`);
    throw new AppError('unavailable', `${provider.defaults.name} could not create the item; try again.`);
  }
});
