import { getDb } from '@/db/client';
import { webhookConfig } from '@/lib/webhooks/config';
import { sweepPendingDeliveries } from '@/lib/webhooks/sweep';
import { startInProcessTimer } from './timer';

/**
 * Without an Inngest server, this Node process sweeps pending deliveries on a timer (the
 * webhook-sweep cron's stand-in), so a delivery whose in-process run was lost (a restart) or
 * failed and is due for a retry still gets processed. Started from instrumentation.ts.
 */
export function startInProcessWebhookSweep(env: Record<string, string | undefined> = process.env): boolean {
  return startInProcessTimer('webhook sweep', webhookConfig(env).WEBHOOK_SWEEP_INTERVAL_MS, async () => {
    const n = await sweepPendingDeliveries(getDb());
    if (n > 0) console.log(`[webhooks] in-process sweep re-sent ${n} pending deliver${n === 1 ? 'y' : 'ies'}`);
  }, env);
}
