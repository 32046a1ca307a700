import { after } from 'next/server';
import { inngest, jobMode } from '@/inngest/client';
import { errorSummary } from '@/lib/errors';

type OutgoingEvent = { name: string; data: Record<string, unknown>; id?: string };
export type DispatchOutcome = 'sent' | 'in-process' | 'deferred';

/**
 * Hands work to Inngest, or runs it in this process when no Inngest server is configured.
 * The caller has already recorded the work in Postgres (a pending delivery, a queued sync),
 * so a failed send loses nothing: it stays pending and the sweep sends it again.
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
  const run = () =>
    runInProcess().catch((err) =>
      console.error(`[jobs] in-process ${event.name} failed:`, errorSummary(err)),
    );
  try {
    after(run); // after the response, inside a request
  } catch {
    void run(); // outside a request scope (scripts, the in-process sweep)
  }
  return 'in-process';
}
