import { getDb } from '@/db/client';
import { queueDueSyncs } from '@/lib/jobs/request-sync';
import { runSync } from '@/lib/sync/run-sync';
import { startInProcessTimer } from './timer';

/**
 * Without an Inngest server, this Node process is the scheduler (the sync-schedule cron's
 * stand-in): every minute the integrations due for a sync are queued and synced here, one
 * after the other; a run whose process died (stale heartbeat) is taken over from its cursor.
 * Started from instrumentation.ts. `SYNC_SCHEDULER_INTERVAL_MS` changes the minute (fault tests).
 */
export function startInProcessSyncScheduler(
  env: Record<string, string | undefined> = process.env,
  intervalMs = Number(env.SYNC_SCHEDULER_INTERVAL_MS) || 60_000,
): boolean {
  return startInProcessTimer('sync scheduler', intervalMs, async () => {
    const db = getDb();
    for (const id of await queueDueSyncs(db)) await runSync(db, id, { trigger: 'schedule' });
  }, env);
}
