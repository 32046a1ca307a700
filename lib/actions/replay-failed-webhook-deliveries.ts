'use server';

import { z } from 'zod';
import { getProjectIntegration } from '@/db/queries/integrations';
import { AppError } from '@/lib/errors';
import { replayDeliveries } from '@/lib/webhooks/replay';
import { authedAction } from './safe-action';

const replayFailedWebhookDeliveriesSchema = z.object({ projectId: z.uuid(), integrationId: z.uuid() });

// Any member replays every failed delivery of an integration (idempotent: processed ones are untouched).
export const replayFailedWebhookDeliveries = authedAction('member', replayFailedWebhookDeliveriesSchema, async ({ db }, input) => {
  const integration = await getProjectIntegration(db, input.projectId, input.integrationId);
  if (!integration) throw new AppError('not_found', 'Integration not found.');
  const queued = await replayDeliveries(db, integration.id, null);
  return { queued: queued.length } as const;
});
