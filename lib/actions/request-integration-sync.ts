'use server';

import { AppError } from '@/lib/errors';
import { requestSync } from '@/lib/jobs/request-sync';
import { integrationRefSchema } from './integration-schemas';
import { loadIntegrationOr404 } from './load-integration';
import { authedAction } from './safe-action';

// Any member queues a sync now; a sync already queued or running is reported, not doubled.
export const requestIntegrationSync = authedAction('member', integrationRefSchema, async ({ db }, input) => {
  const integration = await loadIntegrationOr404(db, input);
  if (!integration.isActive) throw new AppError('unprocessable', 'This integration is disabled.');
  if (!integration.externalId) {
    throw new AppError('unprocessable', 'Configure this integration before syncing it.');
  }
  const outcome = await requestSync(db, { id: integration.id, providerId: integration.providerId }, 'manual');
  return { outcome: outcome ?? 'already_queued' } as const;
});
