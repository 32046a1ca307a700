import { spawn } from 'node:child_process';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { listIntegrationLogs } from '@/db/queries/integration-logs';
import { projectIntegrations, syncRuns } from '@/db/schema';
import { markSyncQueued, queueDueSyncs } from '@/lib/jobs/request-sync';
import { runSync } from '@/lib/sync/run-sync';
import { finishSyncRun } from '@/db/queries/sync-runs';
import { createGithubIntegration, startFakeForTests } from '../github/github-fixture';
import { holdPage, syncOutcome } from './recovery-fixture';

let fake: Awaited<ReturnType<typeof startFakeForTests>>;
beforeAll(async () => {
  fake = await startFakeForTests();
});
afterAll(() => fake.stop());

describe('the process running a sync is killed (SIGKILL) mid-page', () => {
  it('the run goes stale, Sync now and the scheduler take over at once and resume from the cursor; the dead run shows as interrupted', async () => {
    const { integration, repoName, project } = await createGithubIntegration(fake, { issues: 250 });
    const ref = { id: integration.id, providerId: integration.providerId };
    expect(await markSyncQueued(getDb(), ref, 'manual')).toBe(true);
    let reached!: () => void;
    const pageTwoAsked = new Promise<void>((r) => (reached = r));
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    // The child has written page 1 and waits for page 2, which never comes: it dies there.
    const held = holdPage(fake, repoName, 2, async () => {
      reached();
      await released;
    });
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'run-sync-child.ts'), integration.id], {
      env: { ...process.env, GITHUB_API_URL: fake.url, GITHUB_WRITE_INTERVAL_MS: '0' },
      stdio: 'inherit',
    });
    const exited = new Promise((r) => child.once('exit', (code, signal) => r(signal ?? code)));
    await Promise.race([pageTwoAsked, exited.then(() => Promise.reject(new Error('the child exited before page 2')))]);
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    release();

    const dead = await syncOutcome(integration.id, project.id);
    expect(dead.runs).toHaveLength(1);
    const [run] = dead.runs;
    expect(run).toMatchObject({ status: 'running', pages: 1, created: 100 });
    expect(run!.heartbeatAt.getTime()).toBeGreaterThan(run!.startedAt.getTime()); // page 1 beat
    expect(dead.integration.syncStatus).toBe('syncing');

    // While its heartbeat is fresh the run counts as alive: nothing is queued beside it.
    expect(await markSyncQueued(getDb(), ref, 'manual')).toBe(false);
    // Two minutes without a beat (the clock moved on): the scheduler re-queues it at once…
    const later = new Date(Date.now() + 3 * 60_000);
    expect(await queueDueSyncs(getDb(), later)).toContain(integration.id);
    const closed = await syncOutcome(integration.id, project.id);
    expect(closed.runs[0]).toMatchObject({ status: 'interrupted', pages: 1 });
    expect(closed.runs[0]!.error).toMatch(/^Interrupted: the server running this sync stopped/);
    expect(closed.integration.syncStatus).toBe('queued');
    const logs = await listIntegrationLogs(getDb(), integration.id, { actionType: 'sync' });
    expect(logs.some((l) => l.status === 'warning' && l.description.startsWith('Sync interrupted after 1 pages'))).toBe(true);

    // …and a late close from the dead run's side changes nothing (the new run owns the sync).
    const late = await finishSyncRun(getDb(), integration, run!.id, { ok: false, error: 'late' });
    expect(late.status).toBe('interrupted');
    expect((await syncOutcome(integration.id, project.id)).integration.syncStatus).toBe('queued');

    await runSync(getDb(), integration.id, { trigger: 'schedule' });
    const listed = held.requestsAfterHit().filter((r) => !r.query.since).map((r) => r.query.page);
    expect(listed).toEqual(['2', '2', '3']); // the page the child died on, then the resumed run: page 1 never again
    const after = await syncOutcome(integration.id, project.id);
    expect(after.runs.map((r) => r.status)).toEqual(['interrupted', 'success']);
    expect(after.runs[1]).toMatchObject({ created: 150 });
    expect(after).toMatchObject({ tasks: 250, links: 250 });
    expect(after.integration.syncStatus).toBe('success');
  }, 120_000);

  it('a paused run counts as alive while its heartbeat is fresh (its process beats during the pause), interrupted once it is not', async () => {
    const { integration } = await createGithubIntegration(fake, { issues: 5 });
    const ref = { id: integration.id, providerId: integration.providerId };
    const db = getDb();
    const [paused] = await db.insert(syncRuns).values({ integrationId: integration.id, trigger: 'manual', status: 'paused', resumeAt: new Date(Date.now() + 30 * 60_000) }).returning();
    await db.update(projectIntegrations).set({ syncStatus: 'syncing' }).where(eq(projectIntegrations.id, integration.id));
    expect(await markSyncQueued(db, ref, 'manual', new Date(Date.now() + 60_000))).toBe(false);
    expect(await markSyncQueued(db, ref, 'manual', new Date(Date.now() + 3 * 60_000))).toBe(true);
    const [closed] = await db.select().from(syncRuns).where(eq(syncRuns.id, paused!.id));
    expect(closed).toMatchObject({ status: 'interrupted', resumeAt: null });
  });
});
