import { after } from 'next/server';
import { inngest } from '@/inngest/client';
import { errorSummary } from '@/lib/errors';
import { jobMode } from './mode';

type OutgoingEvent = { name: string; data: Record<string, unknown>; id?: string };
export type DispatchOutcome = 'sent' | 'in-process' | 'deferred';

/**
 * Runs `work` after the response inside a request (next/server's after()), or right away
 * outside one (scripts, tests, the in-process timers). Failures are logged, never thrown:
 * the work was recorded in Postgres first, and a sweep picks up what it left pending.
 */
export function afterResponse(label: string, work: () => Promise<unknown>): void {
  const run = () => work().catch((err) => console.error(`[jobs] ${label} failed:`, errorSummary(err)));
  try {
    after(run);
  } catch {
    void run();
  }
}

/**
 * Hands work to Inngest, or runs it in this process (after the response) when no Inngest
 * server is configured. The caller has already recorded the work in Postgres (a pending
 * delivery, a queued sync, a local change), so a failed send loses nothing: it stays
 * pending and the sweep sends it again.
 */
export async function dispatch(event: OutgoingEvent, runInProcess: () => Promise<unknown>): Promise<DispatchOutcome> {
  if (jobMode() === 'inngest') {
    try {
      await inngest.send(event);
      return 'sent';
    } catch (err) {
      console.warn(`[jobs] ${event.name} not sent, left pending for the sweep:`, errorSummary(err));
      return 'deferred';
    }
  }
  afterResponse(`in-process ${event.name}`, runInProcess);
  return 'in-process';
}
