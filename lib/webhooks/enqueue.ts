import { getDb } from '@/db/client';
import { webhookDeliveryReceived } from '@/inngest/events';
import { dispatch, type DispatchOutcome } from '@/lib/jobs/dispatch';
import { processDelivery } from './process-delivery';

/**
 * Hands a stored delivery to processing: an Inngest event carrying ids only, or an
 * in-process run after the response. The row is already stored as pending, so a failed
 * send loses nothing (the sweep sends it again). `eventId` lets Inngest drop duplicates.
 */
export function enqueueDelivery(
  delivery: { id: string; integrationId: string },
  eventId: string = `webhook-${delivery.id}`,
): Promise<DispatchOutcome> {
  return dispatch(
    webhookDeliveryReceived.create({ deliveryId: delivery.id, integrationId: delivery.integrationId }, { id: eventId }),
    () => processDelivery(getDb(), delivery.id),
  );
}
