import type { Db } from '@/db/client';
import { CLAIM_LEASE_MS, renewDeliveryLease } from '@/db/queries/webhook-ingest';
import { errorSummary } from '@/lib/errors';

export type Clock = () => Date;

/**
 * Keeps a processing claim alive: renews its lease every third of the lease (20 s by default)
 * until `stop()`. A crashed process stops renewing, so the sweep reclaims the delivery about a
 * minute later. `attempts` identifies this claim: once another worker reclaimed the delivery,
 * renewing stops. Timers are unref'd and never keep a process alive.
 */
export function keepLease(
  db: Db,
  claim: { id: string; attempts: number },
  options: { now?: Clock; everyMs?: number } = {},
): { stop: () => void } {
  const now = options.now ?? (() => new Date());
  let renewing = false;
  const timer = setInterval(() => {
    if (renewing) return;
    renewing = true;
    renewDeliveryLease(db, claim, now())
      .then((held) => {
        if (!held) clearInterval(timer);
      })
      .catch((err) => console.warn('[webhooks] lease renewal failed:', errorSummary(err)))
      .finally(() => (renewing = false));
  }, options.everyMs ?? CLAIM_LEASE_MS / 3);
  (timer as { unref?: () => void }).unref?.();
  return { stop: () => clearInterval(timer) };
}
