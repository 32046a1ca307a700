import { type Db } from '@/db/client';
import { requeueDeliveries } from '@/db/queries/webhook-ingest';
import { enqueueDelivery } from './enqueue';
import { processDelivery } from './process-delivery';

/**
 * Replays deliveries of one integration: back to pending, then processed again. Idempotent:
 * the claim lets one run at a time, processors are idempotent, and a delivery being processed
 * right now is skipped. `ids` null replays every failed one. Returns the ids queued.
 */
export async function replayDeliveries(db: Db, integrationId: string, ids: string[] | null): Promise<string[]> {
  const queued = await requeueDeliveries(db, integrationId, ids);
  const stamp = Date.now().toString(36);
  for (const row of queued) {
    await enqueueDelivery({ id: row.id, integrationId }, `webhook-replay-${row.id}-${stamp}`, () => processDelivery(db, row.id));
  }
  return queued.map((r) => r.id);
}
