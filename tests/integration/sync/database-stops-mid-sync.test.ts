import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { listIntegrationLogs } from '@/db/queries/integration-logs';
import { requestSync } from '@/lib/jobs/request-sync';
import { runSync } from '@/lib/sync/run-sync';
import { getLatestSyncRun } from '@/db/queries/sync-runs';
import { createGithubIntegration, startFakeForTests } from '../github/github-fixture';
import { type OwnPostgres, startOwnPostgres } from '../../setup/own-postgres';
import { prepare } from '../../setup/test-database';
import { holdPage, syncOutcome, useAppDatabase, waitFor } from './recovery-fixture';

// The database this file stops and starts is a cluster of its own, never the shared server.
let pg: OwnPostgres;
let fake: Awaited<ReturnType<typeof startFakeForTests>>;
beforeAll(async () => {
  fake = await startFakeForTests();
  pg = await startOwnPostgres();
  const url = await pg.createDatabase('sync_db_down');
  await prepare(url, process.env.NEON_WS_PROXY!);
  await useAppDatabase(url);
}, 120_000);
afterAll(async () => {
  await useAppDatabase('postgresql://closed@127.0.0.1:1/none');
  await fake?.stop();
  await pg?.destroy();
});

describe('PostgreSQL stops in the middle of a sync', () => {
  it('the run fails visibly (its closing retried until the database is back), Sync now resumes from the cursor, no duplicates', async () => {
    const { db, integration, repoName, project } = await createGithubIntegration(fake, { issues: 250 });
    let restarted: Promise<void> | undefined;
    // Page 1 is written; when page 2 is asked for, the database crashes, and comes back 1.5 s later.
    const held = holdPage(fake, repoName, 2, async () => {
      await pg.stop('immediate');
      restarted = new Promise((r) => setTimeout(r, 1500)).then(() => pg.start());
    });
    await runSync(db, integration.id, { finishRetry: { retries: 10, minTimeoutMs: 200 } });
    await restarted;

    const failed = await syncOutcome(integration.id, project.id);
    expect(failed.runs).toHaveLength(1);
    const error = 'The sync failed (unexpected error; details are in the server log).'; // no SQL, no parameters
    expect(failed.runs[0]).toMatchObject({ status: 'error', pages: 1, created: 100, error });
    expect(failed.integration).toMatchObject({ syncStatus: 'error', lastSyncError: error });
    expect(failed.integration.syncCursor).toMatchObject({ page: 2, since: null });
    expect(failed.tasks).toBe(100);
    const logs = await listIntegrationLogs(getDb(), integration.id, { actionType: 'sync' });
    expect(logs.map((l) => l.description)).toContain(`Sync failed: ${error}`);

    // Sync now: queued at once (the failed run is closed), and it carries on at page 2.
    expect(await requestSync(getDb(), { id: integration.id, providerId: integration.providerId }, 'manual')).toBe('in-process');
    const done = await waitFor(async () => {
      const run = await getLatestSyncRun(getDb(), integration.id);
      return run?.status === 'success' ? run : null;
    });
    expect(done).toMatchObject({ created: 150 });
    const listed = held.requestsAfterHit().filter((r) => !r.query.since).map((r) => r.query.page);
    expect(listed).toEqual(['2', '2', '3']); // the request cut off, its retry, then the rest: page 1 never again
    const after = await syncOutcome(integration.id, project.id);
    expect(after).toMatchObject({ tasks: 250, links: 250 });
    expect(after.integration).toMatchObject({ syncStatus: 'success', lastSyncError: null });
  });

  it('a database that stays down past the retries leaves the run stale; the next Sync now closes it as interrupted and finishes the import', async () => {
    const { db, integration, repoName, project } = await createGithubIntegration(fake, { issues: 250 });
    holdPage(fake, repoName, 3, () => pg.stop('immediate'));
    await runSync(db, integration.id, { finishRetry: { retries: 2, minTimeoutMs: 50 } });
    await pg.start();
    const lost = await syncOutcome(integration.id, project.id);
    expect(lost.runs[0]).toMatchObject({ status: 'running', pages: 2 });
    expect(lost.integration.syncStatus).toBe('syncing');
    const ref = { id: integration.id, providerId: integration.providerId };
    // Its heartbeat is fresh: a second sync is not started beside it.
    expect(await requestSync(getDb(), ref, 'manual')).toBeNull();
    await getDb().execute(`update sync_runs set heartbeat_at = now() - interval '3 minutes' where integration_id = '${integration.id}'`);
    expect(await requestSync(getDb(), ref, 'manual')).toBe('in-process');
    await waitFor(async () => (await getLatestSyncRun(getDb(), integration.id))?.status === 'success');
    const after = await syncOutcome(integration.id, project.id);
    expect(after.runs.map((r) => r.status)).toEqual(['interrupted', 'success']);
    expect(after.runs[0]!.error).toMatch(/^Interrupted: the server running this sync stopped or lost its database/);
    expect(after).toMatchObject({ tasks: 250, links: 250 });
    expect(after.runs[1]).toMatchObject({ created: 50 });
  });
});
