import { getDb } from '@/db/client';
import { jobMode } from '@/inngest/client';
import { errorSummary } from '@/lib/errors';
import { renewDueSubscriptions } from '@/lib/sync/renew-subscriptions';
import { reconcileCalendars } from './reconcile';

let timer: ReturnType<typeof setInterval> | undefined;

/**
 * Without Inngest: every hour (CALENDAR_POLL_INTERVAL_MS), push channels near expiry are
 * renewed and every calendar integration gets its reconcile pull. Started from instrumentation.ts.
 */
export function startInProcessCalendarTimer(env: Record<string, string | undefined> = process.env): boolean {
  if (timer || jobMode(env) !== 'in-process' || !env.DATABASE_URL) return false;
  let running = false;
  timer = setInterval(() => {
    if (running) return;
    running = true;
    (async () => {
      const db = getDb();
      await renewDueSubscriptions(db);
      await reconcileCalendars(db);
    })()
      .catch((err) => console.warn('[calendar] hourly job failed:', errorSummary(err)))
      .finally(() => (running = false));
  }, Number(env.CALENDAR_POLL_INTERVAL_MS) || 3_600_000);
  timer.unref?.();
  return true;
}
