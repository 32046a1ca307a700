import type { Db } from '@/db/client';
import { listSweepableLocalChanges } from '@/db/queries/local-changes';
import { dispatchLocalChange } from './dispatch-change';

/** A fresh change's own dispatch gets this long before the sweep sends it again. */
export const FIRST_ATTEMPT_GRACE_MS = 30_000;
/** The sweep's window for Inngest event ids: one re-send per change per attempt per 10 minutes. */
const WINDOW_MS = 10 * 60_000;

/**
 * Re-dispatches changes left pending (Inngest unreachable, a process that died before its
 * after() ran, a failed target whose backoff is over) and running ones whose lease lapsed.
 * Runs from the Inngest cron (local-change-sweep) and, without Inngest, from the in-process
 * timer. Returns how many were handed out.
 */
export async function sweepLocalChanges(db: Db, now = new Date()): Promise<number> {
  const due = await listSweepableLocalChanges(db, now, FIRST_ATTEMPT_GRACE_MS);
  const window = Math.floor(now.getTime() / WINDOW_MS);
  for (const row of due) await dispatchLocalChange(row, `sweep-${row.attempts}-${window}`);
  return due.length;
}
