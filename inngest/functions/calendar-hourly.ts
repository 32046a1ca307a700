import { getDb } from '@/db/client';
import { inngest } from '@/inngest/client';
import { reconcileCalendars } from '@/lib/calendar/reconcile';
import { renewDueSubscriptions } from '@/lib/sync/renew-subscriptions';

/** Every 30 minutes: push channels/subscriptions expiring within their provider's margin are renewed. */
export const renewSubscriptions = inngest.createFunction(
  { id: 'renew-subscriptions', triggers: [{ cron: 'TZ=UTC */30 * * * *' }], retries: 2, concurrency: [{ limit: 1 }] },
  async ({ step }) => step.run('renew-due', () => renewDueSubscriptions(getDb())),
);

/** Hourly: one incremental pull per calendar integration, the safety net for lost pushes. */
export const calendarReconcile = inngest.createFunction(
  { id: 'calendar-reconcile', triggers: [{ cron: 'TZ=UTC 17 * * * *' }], retries: 2, concurrency: [{ limit: 1 }] },
  async ({ step }) => step.run('reconcile', () => reconcileCalendars(getDb())),
);
