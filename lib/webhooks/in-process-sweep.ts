import { getDb } from '@/db/client';
import { jobMode } from '@/inngest/client';
import { webhookConfig } from './config';
import { sweepPendingDeliveries } from './sweep';
import { errorSummary } from '@/lib/errors';

let timer: ReturnType<typeof setInterval> | undefined;

/**
 * Without an Inngest server, this Node process sweeps pending deliveries on a timer (the
 * Inngest cron's stand-in), so a delivery whose in-process run was lost (a restart) or
 * failed and is due for a retry still gets processed. Started from instrumentation.ts.
 */
export function startInProcessWebhookSweep(env: Record<string, string | undefined> = process.env): boolean {
  if (timer || jobMode(env) !== 'in-process' || !env.DATABASE_URL) return false;
  let running = false;
  timer = setInterval(() => {
    if (running) return;
    running = true;
    sweepPendingDeliveries(getDb())
      .then((n) => n > 0 && console.log(`[webhooks] in-process sweep re-sent ${n} pending deliver${n === 1 ? 'y' : 'ies'}`))
      .catch((err) => console.warn('[webhooks] in-process sweep failed:', errorSummary(err)))
      .finally(() => (running = false));
  }, webhookConfig(env).WEBHOOK_SWEEP_INTERVAL_MS);
  timer.unref?.();
  return true;
}
