import { getDb } from '@/db/client';
import { inngest } from '@/inngest/client';
import { oauthTokenRefreshRequested } from '@/inngest/events';
import { listTokensExpiringSoon, REFRESH_AHEAD_MS, refreshIntegrationToken } from '@/lib/integrations/oauth/refresh';

/** Every 10 minutes: OAuth tokens expiring within the hour get a refresh event each. */
export const oauthTokenRefreshSchedule = inngest.createFunction(
  { id: 'oauth-token-refresh-schedule', triggers: [{ cron: 'TZ=UTC */10 * * * *' }], retries: 2, concurrency: [{ limit: 1 }] },
  async ({ step }) => {
    const ids = await step.run('list-expiring', () => listTokensExpiringSoon(getDb(), REFRESH_AHEAD_MS));
    if (ids.length) {
      await step.sendEvent('fan-out', ids.map((integrationId) => oauthTokenRefreshRequested.create({ integrationId })));
    }
    return { queued: ids.length };
  },
);

/**
 * One refresh, one at a time per integration (concurrency 1 by integration id) on top of the
 * row lock in refreshIntegrationToken, so a rotating refresh token is never spent twice.
 * invalid_grant is not retried: it marks the integration "reconnect needed".
 */
export const oauthTokenRefresh = inngest.createFunction(
  {
    id: 'oauth-token-refresh',
    triggers: [oauthTokenRefreshRequested],
    retries: 3,
    concurrency: [{ key: 'event.data.integrationId', limit: 1 }],
  },
  async ({ event, step }) =>
    step.run('refresh', async () => {
      const r = await refreshIntegrationToken(getDb(), event.data.integrationId, { windowMs: REFRESH_AHEAD_MS });
      return { status: r.status };
    }),
);
