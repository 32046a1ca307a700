'use server';

import { AppError } from '@/lib/errors';
import { loadConnection } from '@/lib/integrations/connection';
import { ReconnectNeededError, SyncPausedError } from '@/lib/integrations/kit/errors';
import { hasCapability } from '@/lib/integrations/registry';
import { previewSync } from '@/lib/sync/engine/preview';
import { integrationRefSchema } from './integration-schemas';
import { loadIntegrationOr404 } from './load-integration';
import { authedAction } from './safe-action';

// Any member previews what the next sync would do (the engine's planning only: nothing is written).
export const previewIntegrationSync = authedAction('member', integrationRefSchema, async ({ db }, input) => {
  const integration = await loadIntegrationOr404(db, input);
  if (!integration.externalId) throw new AppError('unprocessable', 'Configure this integration before previewing a sync.');
  if (!hasCapability(integration.provider.providerType, 'taskSync')) throw new AppError('unprocessable', `${integration.provider.name} does not sync tasks.`);
  try {
    return await previewSync(db, integration, await loadConnection(integration));
  } catch (err) {
    if (err instanceof SyncPausedError) throw new AppError('unprocessable', `The provider's rate limit is reached; preview again after ${err.resumeAt.toISOString()}.`);
    if (err instanceof ReconnectNeededError) throw new AppError('unprocessable', err.message);
    throw err;
  }
});
