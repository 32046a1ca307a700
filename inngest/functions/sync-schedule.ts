import { getDb } from '@/db/client';
import { inngest } from '@/inngest/client';
import { integrationSyncRequested } from '@/inngest/events';
import { queueDueSyncs } from '@/lib/jobs/request-sync';

/** Every minute: integrations due for a sync (enabled, last sync + interval ≤ now) get a sync event each. */
export const syncSchedule = inngest.createFunction(
  { id: 'sync-schedule', triggers: [{ cron: 'TZ=UTC * * * * *' }], retries: 2, concurrency: [{ limit: 1 }] },
  async ({ step }) => {
    const ids = await step.run('queue-due', () => queueDueSyncs(getDb()));
    if (ids.length) {
      await step.sendEvent(
        'fan-out',
        ids.map((integrationId) => integrationSyncRequested.create({ integrationId, reason: 'schedule' })),
      );
    }
    return { queued: ids.length };
  },
);
