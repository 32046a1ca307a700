import type { Db } from '@/db/client';
import {
  claimLocalChange, finishLocalChange, markTargetDone, retryLocalChange, toLocalChange,
} from '@/db/queries/local-changes';
import { describeError } from '@/lib/errors';
import type { ChangeTarget } from './targets/types';

/** Attempts before a change is `failed` (then only its log says so). */
export const MAX_CHANGE_ATTEMPTS = 10;
/** How long a claimed change stays claimed before the sweep may take it again (its process died). */
export const CHANGE_LEASE_MS = 5 * 60_000;

/** Backoff after the n-th failed attempt: 30 s, 1 min, 2 min … capped at an hour. */
export function changeRetryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(attempts - 1, 0), 60 * 60_000);
}

export type FanOutOutcome =
  | { outcome: 'skipped' }
  | { outcome: 'done'; ran: string[] }
  | { outcome: 'retry'; ran: string[]; failed: string[]; nextAttemptAt: string }
  | { outcome: 'failed'; ran: string[]; failed: string[] };

/**
 * Fans one recorded change out to the targets. The change is claimed first, so a second
 * dispatch of the same change (the sweep, an Inngest retry) does nothing while it runs or
 * once it is done. Each target that succeeds is recorded on the row at once; when another
 * fails, the change goes back to pending with backoff and only the failed targets run again.
 */
export async function fanOutChange(
  db: Db,
  changeId: string,
  options: { targets?: ChangeTarget[]; now?: () => Date } = {},
): Promise<FanOutOutcome> {
  const now = options.now ?? (() => new Date());
  const row = await claimLocalChange(db, changeId, now(), CHANGE_LEASE_MS);
  if (!row) return { outcome: 'skipped' };
  const change = toLocalChange(row);
  const ran: string[] = [];
  const failed: string[] = [];
  const errors: string[] = [];
  // Loaded on use: the targets reach the providers and the app's edit paths, which record
  // changes through this module — a static import is a cycle that can see the list half-built.
  const targets = options.targets ?? (await import('./targets')).changeTargets;
  for (const target of targets) {
    if (row.doneTargets.includes(target.name)) continue;
    try {
      await target.run(db, change);
      await markTargetDone(db, changeId, target.name);
      ran.push(target.name);
    } catch (err) {
      failed.push(target.name);
      errors.push(`${target.name}: ${describeError(err, 'failed', '[changes]')}`);
    }
  }
  if (failed.length === 0) {
    await finishLocalChange(db, changeId, now());
    return { outcome: 'done', ran };
  }
  const error = errors.join('; ').slice(0, 2000);
  if (row.attempts >= MAX_CHANGE_ATTEMPTS) {
    await retryLocalChange(db, changeId, error, null, now());
    console.error(`[changes] ${change.kind} ${changeId} failed for good after ${row.attempts} attempts:`, error);
    return { outcome: 'failed', ran, failed };
  }
  const nextAttemptAt = new Date(now().getTime() + changeRetryDelayMs(row.attempts));
  await retryLocalChange(db, changeId, error, nextAttemptAt, now());
  return { outcome: 'retry', ran, failed, nextAttemptAt: nextAttemptAt.toISOString() };
}
