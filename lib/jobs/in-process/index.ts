import { startInProcessChangeSweep } from './change-sweep';
import { startInProcessMilestoneDeadlines } from './milestone-deadlines';
import { startInProcessSyncScheduler } from './scheduler';
import { startInProcessWebhookSweep } from './webhook-sweep';

/**
 * Without Inngest, the crons run as timers in this Node process (each a no-op in Inngest
 * mode): the webhook sweep, the sync scheduler, the local-change sweep and milestone deadlines. The drain
 * (./drain.ts, behind its route) and the nudge (./nudge.ts, from the edge) are their
 * event-driven twins. Started from instrumentation.ts.
 */
export function startInProcessJobs(env: Record<string, string | undefined> = process.env): void {
  // With a job worker (npm start), the worker sweeps deliveries: none are processed in here.
  if (!env.TASKBRIDGE_DRAIN_URL) startInProcessWebhookSweep(env);
  startInProcessSyncScheduler(env);
  startInProcessChangeSweep(env);
  startInProcessMilestoneDeadlines(env);
}
