/** Runs once per server start, before any request. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    // `next start` without `npm start` (a platform, a container): the same refusal as scripts/dev.ts.
    const { exitOnProductionConfigProblems } = await import('./lib/production-config-exit');
    exitOnProductionConfigProblems();
    // Node 20 has no global WebSocket; the neon driver needs one.
    await import('./db/node-websocket');
    // Without Inngest, pending webhook deliveries are swept by a timer in this process.
    const { startInProcessWebhookSweep } = await import('./lib/webhooks/in-process-sweep');
    startInProcessWebhookSweep();
    // …and scheduled syncs run from a timer here too (Inngest's sync-schedule cron otherwise).
    const { startInProcessSyncScheduler } = await import('./lib/sync/in-process-scheduler');
    startInProcessSyncScheduler();
  }
}
