import { after } from 'next/server';
import { webhookDeliveryReceived } from '@/inngest/events';
import { dispatch, type DispatchOutcome } from '@/lib/jobs/dispatch';
import { errorSummary } from '@/lib/errors';

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

/** Runs `work` after the response inside a request, or right away outside one (scripts, tests). */
export function afterResponse(work: () => Promise<unknown>): void {
  const run = () => work().catch((err) => console.error('[webhooks] hand-off failed:', errorSummary(err)));
  try {
    after(run);
  } catch {
    void run();
  }
}
