'use server';

import { z } from 'zod';
import { getProjectIntegration } from '@/db/queries/integrations';
import { AppError } from '@/lib/errors';
import { replayDeliveries } from '@/lib/webhooks/replay';
import { authedAction } from './safe-action';

const replayWebhookDeliverySchema = z.object({ projectId: z.uuid(), integrationId: z.uuid(), deliveryId: z.uuid() });

// Any member replays one delivery; one being processed right now is reported, not run twice.
export const replayWebhookDelivery = authedAction('member', replayWebhookDeliverySchema, async ({ db }, input) => {
  const integration = await getProjectIntegration(db, input.projectId, input.integrationId);
  if (!integration) throw new AppError('not_found', 'Integration not found.');
  const queued = await replayDeliveries(db, integration.id, [input.deliveryId]);
  return { queued: queued.length } as const;
});
