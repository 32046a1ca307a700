'use server';

import { z } from 'zod';
import { getProjectIntegration } from '@/db/queries/integrations';
import { getDeliveryStatuses as loadStatuses } from '@/db/queries/webhook-deliveries';
import { AppError } from '@/lib/errors';
import { authedAction } from './safe-action';

/** At most one page of deliveries (the logs page shows 25). */
const MAX_IDS = 50;

/**
 * The current status of the deliveries the logs page shows as pending or processing: polled
 * while any is unfinished, so a row changes to its final status (after a replay, or a delivery
 * still being worked on) without a reload. Members only; ids of other integrations are absent.
 */
export const getDeliveryStatuses = authedAction(
  'member',
  z.object({ projectId: z.uuid(), integrationId: z.uuid(), deliveryIds: z.array(z.uuid()).min(1).max(MAX_IDS) }),
  async ({ db }, input) => {
    const integration = await getProjectIntegration(db, input.projectId, input.integrationId);
    if (!integration) throw new AppError('not_found', 'Integration not found.');
    return loadStatuses(db, integration.id, input.deliveryIds);
  },
);
