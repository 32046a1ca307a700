'use server';

import { z } from 'zod';
import { getProjectIntegration } from '@/db/queries/integrations';
import { getDeliveryDetails as loadDetails } from '@/db/queries/webhook-deliveries';
import { AppError } from '@/lib/errors';
import { authedAction } from './safe-action';

const SENSITIVE_HEADER = /signature|secret|token|authorization|cookie|api-key/i;
const MAX_CHARS = 20_000;

/** Pretty JSON, cut off past 20 kB so a huge payload cannot swamp the page. */
function pretty(value: unknown): string {
  const text = JSON.stringify(value, null, 2) ?? 'null';
  return text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS)}\n… (${text.length - MAX_CHARS} more characters)` : text;
}

/**
 * A delivery's payload and headers, fetched when its row is opened on the logs page (so the
 * list itself ships neither, twice over in HTML and RSC payload). Members of the project only;
 * headers are stored redacted and redacted again here. (The Replay button follows a replay
 * through the lighter getDeliveryStatuses.)
 */
export const getDeliveryDetails = authedAction(
  'member',
  z.object({ projectId: z.uuid(), integrationId: z.uuid(), deliveryId: z.uuid() }),
  async ({ db }, input) => {
    const integration = await getProjectIntegration(db, input.projectId, input.integrationId);
    if (!integration) throw new AppError('not_found', 'Integration not found.');
    const row = await loadDetails(db, integration.id, input.deliveryId);
    if (!row) throw new AppError('not_found', 'Delivery not found.', 'deliveryId');
    const headers = Object.fromEntries(Object.entries(row.headers).map(([k, v]) => [k, SENSITIVE_HEADER.test(k) ? '[redacted]' : v]));
    return { status: row.status, error: row.error, payload: pretty(row.payload), headers: pretty(headers) };
  },
);
