/** Runs once per server start, before any request. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    // `next start` without `npm start` (a platform, a container): the same refusal as scripts/dev.ts.
    const { exitOnProductionConfigProblems } = await import('./lib/production-config-exit');
    exitOnProductionConfigProblems();
    // Node 20 has no global WebSocket; the neon driver needs one.
    await import('./db/node-websocket');
    // Without Inngest, the crons are timers here: webhook sweep, sync scheduler, local-change sweep.
    const { startInProcessJobs } = await import('./lib/jobs/in-process');
    startInProcessJobs();
    // …and OAuth tokens expiring within the hour are refreshed (Inngest's oauth-token-refresh-schedule otherwise).
    (await import('./lib/integrations/oauth/in-process-refresh')).startInProcessTokenRefresh();
    // Hourly: push renewals and the calendars' reconcile pull (Inngest crons otherwise).
    const { startInProcessCalendarTimer } = await import('./lib/calendar/in-process-timer');
    startInProcessCalendarTimer();
    // …and the operations crons: alert evaluation, missed-webhook recovery.
    (await import('./lib/ops/in-process-ops')).startInProcessOps();
  }
}
