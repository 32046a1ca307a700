import { getDb } from '@/db/client';
import { inngest } from '@/inngest/client';
import { sweepLocalChanges } from '@/lib/changes/sweep';

/** Every minute: re-send local changes left pending (a lost send, a retry due) or whose claim lapsed. */
export const localChangeSweep = inngest.createFunction(
  { id: 'local-change-sweep', triggers: [{ cron: 'TZ=UTC * * * * *' }], retries: 2, concurrency: [{ limit: 1 }] },
  async ({ step }) => {
    const resent = await step.run('sweep-pending', () => sweepLocalChanges(getDb()));
    return { resent };
  },
);
