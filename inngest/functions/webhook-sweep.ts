import { getDb } from '@/db/client';
import { inngest } from '@/inngest/client';
import { sweepPendingDeliveries } from '@/lib/webhooks/sweep';

/** Every minute: re-send deliveries still pending (a send that never reached Inngest), reclaim lapsed leases (a crash). */
export const webhookSweep = inngest.createFunction(
  { id: 'webhook-sweep', triggers: [{ cron: 'TZ=UTC * * * * *' }], retries: 2, concurrency: [{ limit: 1 }] },
  async ({ step }) => {
    const resent = await step.run('sweep-pending', () => sweepPendingDeliveries(getDb()));
    return { resent };
  },
);
