import { getDb } from '@/db/client';
import { inngest } from '@/inngest/client';
import { recordMilestoneDeadlines } from '@/lib/changes/milestone-deadlines';

/** Hourly: milestones due soon or reached become local changes, which the fan-out notifies. */
export const milestoneDeadlines = inngest.createFunction(
  { id: 'milestone-deadlines', triggers: [{ cron: 'TZ=UTC 5 * * * *' }], retries: 2, concurrency: [{ limit: 1 }] },
  async ({ step }) => {
    const recorded = await step.run('record-deadlines', () => recordMilestoneDeadlines(getDb()));
    return { recorded };
  },
);
