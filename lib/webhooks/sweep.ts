import type { Db } from '@/db/client';
import { listSweepableDeliveries } from '@/db/queries/webhook-ingest';
import { enqueueDelivery } from './enqueue';
import { processDelivery } from './process-delivery';

/** The sweep's window for Inngest event ids: one re-send per delivery per attempt per 10 minutes. */
const WINDOW_MS = 10 * 60_000;

/**
 * Re-sends deliveries left pending (Inngest unreachable, a crashed server, a retry due in
 * in-process mode) and reclaims 'processing' ones whose lease lapsed (a crashed attempt). Runs from the Inngest cron and,
 * without Inngest, from the in-process timer, over every integration; `scope.integrationId`
 * sweeps one integration only. Returns how many were handed out.
 */
export async function sweepPendingDeliveries(db: Db, now = new Date(), scope: { integrationId?: string } = {}): Promise<number> {
  const due = await listSweepableDeliveries(db, now, 200, scope.integrationId);
  // In-process runs see the sweep's clock (tests inject one), moving on in real time.
  const offset = now.getTime() - Date.now();
  const clock = () => new Date(Date.now() + offset);
  const window = Math.floor(now.getTime() / WINDOW_MS);
  for (const d of due) {
    await enqueueDelivery({ id: d.id, integrationId: d.integrationId }, `webhook-sweep-${d.id}-${d.attempts}-${window}`, () =>
      processDelivery(db, d.id, undefined, { now: clock }),
    );
  }
  return due.length;
}
