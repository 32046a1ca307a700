import { getDb } from '@/db/client';
import { inngest } from '@/inngest/client';
import { evaluateAlerts } from '@/lib/alerts/evaluate';
import { rollupHealth } from '@/lib/ops/health-rollup';
import { recoverMissedDeliveries } from '@/lib/ops/recover-missed-deliveries';

/** Every minute: raise alerts whose cause holds, send "resolved" for those that cleared; roll the health charts' closed hours. */
export const alertsEvaluate = inngest.createFunction(
  { id: 'alerts-evaluate', triggers: [{ cron: 'TZ=UTC * * * * *' }], retries: 1, concurrency: [{ limit: 1 }] },
  async ({ step }) => {
    const alerts = await step.run('evaluate', () => evaluateAlerts(getDb()));
    const rolled = await step.run('health-rollup', () => rollupHealth(getDb()));
    return { ...alerts, rolled };
  },
);

/** Every 15 minutes: ask GitHub to redeliver webhooks that never reached us. */
export const webhookRecovery = inngest.createFunction(
  { id: 'webhook-recovery', triggers: [{ cron: 'TZ=UTC */15 * * * *' }], retries: 1, concurrency: [{ limit: 1 }] },
  async ({ step }) => step.run('recover', () => recoverMissedDeliveries(getDb())),
);
