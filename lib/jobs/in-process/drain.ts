import type { Db } from '@/db/client';
import { listFreshDeliveries } from '@/db/queries/webhook-ingest';
import { processDelivery } from '@/lib/webhooks/process-delivery';

let running: Promise<number> | undefined;
let again = false;

/**
 * Processes every never-attempted pending delivery in this (Node) process, oldest first,
 * until none is left. One drain at a time; a call during a drain makes it loop once more.
 * Retries of failed attempts are the sweep's (with backoff), not the drain's.
 */
export function drainPendingDeliveries(db: Db): Promise<number> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    let processed = 0;
    do {
      again = false;
      for (;;) {
        const batch = await listFreshDeliveries(db, 50);
        if (batch.length === 0) break;
        for (const d of batch) {
          const outcome = await processDelivery(db, d.id);
          if (outcome.outcome !== 'skipped') processed++;
        }
        if (batch.length < 50) break;
      }
    } while (again);
    return processed;
  })().finally(() => {
    running = undefined;
  });
  return running;
}
