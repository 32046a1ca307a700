import { getDb } from '@/db/client';
import { sweepLocalChanges } from '@/lib/changes/sweep';
import { startInProcessTimer } from './timer';

/**
 * Without an Inngest server, this Node process re-dispatches local changes left pending (a
 * process that died before its after() ran, a failed target whose backoff is over): the
 * local-change-sweep cron's stand-in. `LOCAL_CHANGE_SWEEP_INTERVAL_MS` (30 s) changes the period.
 */
export function startInProcessChangeSweep(env: Record<string, string | undefined> = process.env): boolean {
  return startInProcessTimer('local change sweep', Number(env.LOCAL_CHANGE_SWEEP_INTERVAL_MS) || 30_000, async () => {
    const n = await sweepLocalChanges(getDb());
    if (n > 0) console.log(`[changes] in-process sweep re-sent ${n} pending change${n === 1 ? '' : 's'}`);
  }, env);
}
