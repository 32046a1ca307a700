import { webhookDeliveryReceived } from '@/inngest/events';
import { dispatch, type DispatchOutcome } from '@/lib/jobs/dispatch';

/**
 * Hands a stored delivery to processing: an Inngest event carrying ids only, or, without
 * Inngest, `runInProcess` after the response (the edge route nudges the Node drain; Node
 * callers process directly). The row is already stored as pending, so a failed send loses
 * nothing: the sweep sends it again. `eventId` lets Inngest drop duplicates.
 */
export function enqueueDelivery(
  delivery: { id: string; integrationId: string },
  eventId: string,
  runInProcess: () => Promise<unknown>,
): Promise<DispatchOutcome> {
  return dispatch(
    webhookDeliveryReceived.create({ deliveryId: delivery.id, integrationId: delivery.integrationId }, { id: eventId }),
    runInProcess,
  );
}
