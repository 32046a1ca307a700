import { getDb } from '@/db/client';
import { jobMode } from '@/inngest/client';
import { errorSummary } from '@/lib/errors';
import { REFRESH_AHEAD_MS, refreshExpiringTokens } from './refresh';

let timer: ReturnType<typeof setInterval> | undefined;

/**
 * Without an Inngest server, this Node process refreshes OAuth tokens expiring within the hour
 * (the oauth-token-refresh-schedule cron's stand-in), every 10 minutes or
 * OAUTH_REFRESH_INTERVAL_MS. Started from instrumentation.ts.
 */
export function startInProcessTokenRefresh(
  env: Record<string, string | undefined> = process.env,
  intervalMs = Number(env.OAUTH_REFRESH_INTERVAL_MS) || 10 * 60_000,
): boolean {
  if (timer || jobMode(env) !== 'in-process' || !env.DATABASE_URL) return false;
  let running = false;
  timer = setInterval(() => {
    if (running) return;
    running = true;
    refreshExpiringTokens(getDb(), REFRESH_AHEAD_MS)
      .then((c) => c.refreshed + c.revoked + c.failed > 0 && console.log(`[oauth] scheduled refresh: ${JSON.stringify(c)}`))
      .catch((err) => console.warn('[oauth] scheduled refresh failed:', errorSummary(err)))
      .finally(() => (running = false));
  }, intervalMs);
  timer.unref?.();
  return true;
}
