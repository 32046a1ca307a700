import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { listIntegrationLogs } from '@/db/queries/integration-logs';
import { projectIntegrations } from '@/db/schema';
import { createGithubIntegration } from '../integration/github/github-fixture';
import { holdPage, syncOutcome, waitFor } from '../integration/sync/recovery-fixture';
import { type FaultEnv, startFaultEnv } from './support/fault-env';

// Against `next start`: syncs are started by the server's own scheduler (every 500 ms here),
// the test only breaks things (the database, the server process, the provider) and checks.
let env: FaultEnv;
beforeAll(async () => {
  env = await startFaultEnv('sync');
});
afterAll(() => env?.stop());

let n = 0;
const newRepo = () => `acme/faults-${Date.now().toString(36)}-${++n}`;
let current: string | undefined;
afterEach(async () => {
  // Stop the scheduler's resyncs of the finished integration (they would only add 304s).
  if (current) await getDb().update(projectIntegrations).set({ syncEnabled: false }).where(eq(projectIntegrations.id, current));
  env.fake.gate = undefined;
});

async function untilSucceeded(integrationId: string, projectId: string, timeoutMs = 90_000) {
  return waitFor(async () => {
    const o = await syncOutcome(integrationId, projectId);
    return o.runs.some((r) => r.status === 'success') ? o : null;
  }, timeoutMs);
}

describe('faults during a sync, against the running app', () => {
  it('PostgreSQL stops mid-sync: the run fails visibly, is re-queued, and resumes from the cursor with no duplicates', async () => {
    const repoName = newRepo();
    let restarted: Promise<void> | undefined;
    let hit = false;
    const held = holdPage(env.fake, repoName, 2, async () => {
      await env.pg.stop('immediate');
      restarted = new Promise((r) => setTimeout(r, 1500)).then(() => env.pg.start());
      hit = true;
    });
    const { integration, project } = await createGithubIntegration(env.fake, { issues: 250, repoName, syncIntervalSeconds: 2 });
    current = integration.id;
    await waitFor(async () => hit, 30_000);
    await restarted;
    const o = await untilSucceeded(integration.id, project.id);
    expect(o.runs[0]).toMatchObject({ status: 'error', pages: 1, created: 100 });
    expect(o.runs[0]!.error).toMatch(/^The sync failed/);
    expect(o.runs[1]).toMatchObject({ status: 'success', created: 150 });
    expect(held.requestsAfterHit().filter((r) => !r.query.since).map((r) => r.query.page)).toEqual(['2', '2', '3']);
    expect(o).toMatchObject({ tasks: 250, links: 250 });
    const logs = await listIntegrationLogs(getDb(), integration.id, { actionType: 'sync' });
    expect(logs.some((l) => l.status === 'error' && l.description.startsWith('Sync failed'))).toBe(true);
  });

  it('the server is SIGKILLed mid-sync: after a restart the stale run is closed as interrupted and a new one finishes from the cursor', async () => {
    const repoName = newRepo();
    let killed: Promise<void> | undefined;
    let hit = false;
    const held = holdPage(env.fake, repoName, 2, () => {
      killed = env.app.kill();
      hit = true;
    });
    const { integration, project } = await createGithubIntegration(env.fake, { issues: 250, repoName, syncIntervalSeconds: 3600 });
    current = integration.id;
    await waitFor(async () => hit, 30_000);
    await killed;
    const dead = await syncOutcome(integration.id, project.id);
    expect(dead.runs).toHaveLength(1);
    expect(dead.runs[0]).toMatchObject({ status: 'running', pages: 1, created: 100 });
    expect(dead.integration.syncStatus).toBe('syncing');
    await env.app.start();
    const o = await untilSucceeded(integration.id, project.id);
    expect(o.runs.map((r) => r.status)).toEqual(['interrupted', 'success']);
    expect(o.runs[0]!.error).toMatch(/^Interrupted: the server running this sync stopped/);
    expect(o.runs[1]).toMatchObject({ created: 150 });
    expect(held.requestsAfterHit().filter((r) => !r.query.since).map((r) => r.query.page)).toEqual(['2', '2', '3']);
    expect(o).toMatchObject({ tasks: 250, links: 250 });
  });

  it('the provider answers a 429 and then a 5xx storm: the sync pauses and resumes, fails, is re-queued, and nothing unwritten counts as done', async () => {
    const repoName = newRepo();
    const issuesPath = `/repos/${repoName}/issues`;
    const match = (method: string, path: string) => method === 'GET' && path === issuesPath;
    let atFailure: Awaited<ReturnType<typeof syncOutcome>> | undefined;
    holdPage(env.fake, repoName, 2, () => {
      // Page 2: a secondary limit (retry after 1 s: the run pauses), then 500s past the client's two retries.
      env.fake.faults.push({ status: 429, retryAfter: 1, match }, ...[1, 2, 3].map(() => ({ status: 500 as const, match })));
    });
    const { integration, project } = await createGithubIntegration(env.fake, { issues: 250, repoName, syncIntervalSeconds: 2 });
    current = integration.id;
    await waitFor(async () => {
      const o = await syncOutcome(integration.id, project.id);
      if (o.runs[0]?.status === 'error') atFailure = o;
      return atFailure;
    }, 60_000);
    expect(atFailure!.runs[0]).toMatchObject({ pages: 1, created: 100 });
    expect(atFailure!.runs[0]!.error).toBe('GitHub could not be reached (500); the next sync tries again.');
    expect(atFailure!.tasks).toBe(100); // only what was written counts
    expect(atFailure!.integration.syncCursor).toMatchObject({ page: 2 });
    const o = await untilSucceeded(integration.id, project.id);
    expect(o.runs[1]).toMatchObject({ status: 'success', created: 150 });
    expect(o).toMatchObject({ tasks: 250, links: 250 });
    const logs = await listIntegrationLogs(getDb(), integration.id, { actionType: 'sync' });
    expect(logs.some((l) => l.description.startsWith("Sync paused by the provider's secondary rate limit"))).toBe(true);
    const statuses = env.fake.issueRequests(repoName).map((r) => r.status);
    expect(statuses.filter((s) => s === 500)).toHaveLength(3);
    expect(statuses).toContain(429);
  });
});
