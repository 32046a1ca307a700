import { getDb } from '@/db/client';
import { jobMode } from '@/inngest/client';
import { evaluateAlerts } from '@/lib/alerts/evaluate';
import { errorSummary } from '@/lib/errors';
import { rollupHealth } from './health-rollup';
import { recoverMissedDeliveries } from './recover-missed-deliveries';

const timers: ReturnType<typeof setInterval>[] = [];

function every(ms: number, name: string, work: () => Promise<unknown>) {
  let running = false;
  const t = setInterval(() => {
    if (running) return;
    running = true;
    work()
      .catch((err) => console.warn(`[ops] ${name} failed:`, errorSummary(err)))
      .finally(() => (running = false));
  }, ms);
  t.unref?.();
  timers.push(t);
}

/**
 * Without an Inngest server, this process runs the operations crons (inngest/functions/
 * ops-crons.ts otherwise): alert evaluation and the health charts' hourly rollup every minute
 * (`ALERTS_INTERVAL_MS`) and
 * missed-webhook recovery every 15 minutes (`WEBHOOK_RECOVERY_INTERVAL_MS`).
 */
export function startInProcessOps(env: Record<string, string | undefined> = process.env): boolean {
  if (timers.length || jobMode(env) !== 'in-process' || !env.DATABASE_URL) return false;
  every(Number(env.ALERTS_INTERVAL_MS) || 60_000, 'alert evaluation', () => evaluateAlerts(getDb()));
  every(Number(env.ALERTS_INTERVAL_MS) || 60_000, 'health rollup', () => rollupHealth(getDb()));
  every(Number(env.WEBHOOK_RECOVERY_INTERVAL_MS) || 15 * 60_000, 'webhook recovery', () => recoverMissedDeliveries(getDb()));
  return true;
}
