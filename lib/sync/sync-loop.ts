import type { Db } from '@/db/client';
import type { SyncRun } from '@/db/schema';
import { evaluateAlertsNow } from '@/lib/alerts/evaluate';
import type { Steps } from '@/lib/jobs/steps';
import { pushPendingTasks } from './push-pending';
import { holdSyncRun, takeConfirmedHold } from './safety-holds';
import { type LoadedIntegration, syncPageStep } from './sync-page-step';
import { finishSyncRun, pauseSyncRun, resumeSyncRun, startSyncRun, type SyncTrigger } from '@/db/queries/sync-runs';

type Outcome = Parameters<typeof finishSyncRun>[3];

export type SyncLoopContext = {
  db: Db;
  integrationId: string;
  trigger: SyncTrigger;
  /** The integration and its connection; Inngest reloads it in every step, the in-process run loads it once. */
  load: () => Promise<LoadedIntegration>;
  /** Page steps before the run ends and lets the next scheduled run continue (Inngest's step budget). */
  maxPages?: number;
  /** True once another run took this one over (its heartbeat found it closed): stop before the next page. */
  stopped?: () => boolean;
  /** Told the run's id once it is started (the in-process heartbeat). */
  onStart?: (runId: string) => void;
  /** How the run is closed (the in-process run retries through a database outage). */
  finish?: (db: Db, integration: LoadedIntegration['integration'], runId: string, outcome: Outcome) => Promise<SyncRun | null>;
};

export type SyncLoopResult =
  | { status: SyncRun['status']; pages: number; created: number; updated: number; continues?: true }
  | { status: 'taken-over' }
  | null;

/**
 * One sync of one integration, written once for both runners: a step per provider page
 * from the saved cursor (the page's write saves the cursor, so a retried or resumed run
 * carries on where it stopped); a rate limit pauses the run, sleeps until the reset and
 * resumes it; a refused token or a failure closes it; when the last page is done, the
 * edits that never reached the provider are pushed and the run is closed.
 * Inngest passes its `step` (inngest/functions/sync-integration.ts), the in-process runner
 * inline steps (lib/sync/run-sync.ts).
 */
export async function syncLoop(steps: Steps, ctx: SyncLoopContext): Promise<SyncLoopResult> {
  const { db } = ctx;
  const start = await steps.run('start', async () => {
    const { integration } = await ctx.load();
    const runId = await startSyncRun(db, integration, ctx.trigger);
    // An owner confirmed a sync the breaker held: this run goes past the check, once.
    return { runId, cursor: integration.syncCursor ?? null, bypass: await takeConfirmedHold(db, integration.id) };
  });
  const finish = (outcome: Outcome, continues = false) =>
    steps.run('finish', async (): Promise<SyncLoopResult> => {
      const run = await (ctx.finish ?? finishSyncRun)(db, (await ctx.load()).integration, start.runId, outcome);
      // Two failures in a row, a revoked token, or their recovery: alert (or resolve) right away.
      if (run) await evaluateAlertsNow(db, ctx.integrationId);
      if (!run) return null;
      return { status: run.status, pages: run.pages, created: run.created, updated: run.updated, ...(continues ? { continues } : {}) };
    });
  ctx.onStart?.(start.runId);
  let cursor = start.cursor;
  let closedSoFar = 0;
  for (let i = 0; i < (ctx.maxPages ?? Infinity); i++) {
    if (ctx.stopped?.()) return null;
    const outcome = await steps.run(`page-${i}`, async () => syncPageStep(db, await ctx.load(), start.runId, cursor, { closedSoFar, bypass: Boolean(start.bypass) }));
    if (outcome.kind === 'held') {
      await steps.run('hold', async () => holdSyncRun(db, await ctx.load(), start.runId, outcome));
      return { status: 'held', pages: i, created: 0, updated: 0 };
    }
    if (outcome.kind === 'paused') {
      const resumeAt = new Date(outcome.resumeAt);
      await steps.run(`pause-${i}`, async () => {
        await pauseSyncRun(db, (await ctx.load()).integration, start.runId, resumeAt, outcome.reason);
      });
      await steps.sleepUntil(`wait-${i}`, resumeAt);
      if (!(await steps.run(`resume-${i}`, () => resumeSyncRun(db, start.runId)))) return { status: 'taken-over' };
      continue;
    }
    if (outcome.kind === 'failed') return finish({ ok: false, error: outcome.error, reconnect: outcome.reconnect });
    cursor = outcome.cursor;
    closedSoFar += outcome.closes ?? 0;
    if (outcome.done) {
      await steps.run('push-pending', async () => pushPendingTasks(db, await ctx.load()));
      return finish({ ok: true, notModified: outcome.notModified });
    }
  }
  return finish({ ok: true, notModified: false }, true);
}
