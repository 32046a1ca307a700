import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { externalTaskMappings, integrationWebhooks, projectIntegrations, tasks } from '@/db/schema';
import { createGithubIntegration, linkedTasks } from '../integration/github/github-fixture';
import { syncOutcome, waitFor } from '../integration/sync/recovery-fixture';
import { githubHeaders } from '../integration/webhooks/fixtures';
import { type FaultEnv, startFaultEnv } from './support/fault-env';

// Against `next start` with in-process jobs: the server processes deliveries and runs syncs
// itself; the test only breaks things (the server process, the provider) and checks.
let env: FaultEnv;
beforeAll(async () => {
  env = await startFaultEnv('processing');
});
afterAll(() => env?.stop());

let current: string | undefined;
afterEach(async () => {
  if (current) await getDb().update(projectIntegrations).set({ syncEnabled: false }).where(eq(projectIntegrations.id, current));
  env.fake.gate = undefined;
  env.fake.faults.length = 0;
});

/** A linked repository of 3 issues, imported by the server's own first sync. */
async function importedRepo(syncIntervalSeconds: number) {
  const setup = await createGithubIntegration(env.fake, { issues: 3, syncIntervalSeconds });
  current = setup.integration.id;
  await waitFor(async () => {
    const o = await syncOutcome(setup.integration.id, setup.project.id);
    return o.runs.some((r) => r.status === 'success') && o.links === 3;
  }, 60_000);
  return setup;
}

/** A task edit made in the app's database after the last sync: what the next merge sends to GitHub. */
async function editTaskLocally(taskId: string, title: string): Promise<Date> {
  const updatedAt = new Date(Date.now() + 1000);
  await getDb().update(tasks).set({ title, updatedAt }).where(eq(tasks.id, taskId));
  return updatedAt;
}

async function deliver(integrationId: string, secret: string, delivery: { deliveryId: string; event: string; payload: unknown }) {
  const body = JSON.stringify(delivery.payload);
  const res = await fetch(`${env.app.url}/integrations/webhooks/github/${integrationId}`, {
    method: 'POST', body, headers: await githubHeaders(secret, body, delivery.event, delivery.deliveryId),
  });
  await res.arrayBuffer();
  return res.status;
}

const issuePatches = (repoName: string) =>
  env.fake.requests.filter((r) => r.method === 'PATCH' && r.path.startsWith(`/repos/${repoName}/issues/`));

describe('faults while deliveries are processed and pushes are sent, against the running app', () => {
  it('the server is SIGKILLed while a delivery is processing: after a restart its lapsed claim is reclaimed and both edits survive', async () => {
    const { integration, repoName, webhookSecret } = await importedRepo(3600);
    const [first] = await linkedTasks(integration.id);
    const number = Number(first!.mapping.externalKey!.split('#')[1]);
    // Both sides change a different field: processing the webhook pulls the body and pushes the title.
    await editTaskLocally(first!.task.id, 'Title edited in Taskbridge');
    const sent = env.fake.outbox.length;
    env.fake.editIssue(repoName, number, { body: 'Body edited on GitHub' });
    const deliveries = env.fake.outbox.slice(sent);
    expect(deliveries).toHaveLength(1);
    let killed: Promise<void> | undefined;
    env.fake.gate = async (method, path) => {
      if (killed || method !== 'PATCH' || path !== `/repos/${repoName}/issues/${number}`) return;
      killed = env.app.kill(); // the push is in flight: the server dies before it hears GitHub's answer
      await killed;
    };
    expect(await deliver(integration.id, webhookSecret, deliveries[0]!)).toBe(202);
    await waitFor(async () => killed !== undefined, 30_000);
    await killed;
    env.fake.gate = undefined;
    const [cut] = await getDb().select().from(integrationWebhooks)
      .where(and(eq(integrationWebhooks.integrationId, integration.id), eq(integrationWebhooks.deliveryId, deliveries[0]!.deliveryId)));
    expect(cut).toMatchObject({ status: 'processing', attempts: 1 });

    await env.app.start();
    const done = await waitFor(async () => {
      const [row] = await getDb().select().from(integrationWebhooks).where(eq(integrationWebhooks.id, cut!.id));
      return row?.status === 'processed' ? row : null;
    }, 60_000);
    expect(done.attempts).toBe(2);
    // Both sides hold both edits; one task and one link per issue, nothing duplicated.
    const issue = env.fake.issue(repoName, number);
    expect(issue).toMatchObject({ title: 'Title edited in Taskbridge', body: 'Body edited on GitHub' });
    const [task] = await getDb().select().from(tasks).where(eq(tasks.id, first!.task.id));
    expect(task).toMatchObject({ title: 'Title edited in Taskbridge', description: 'Body edited on GitHub' });
    expect((await linkedTasks(integration.id)).length).toBe(3);
    expect(env.fake.repos.get(repoName.toLowerCase())!.issues).toHaveLength(3);
  }, 180_000);

  it('GitHub answers a 5xx storm to a push: the edit stays pending, is retried by later syncs, and is marked synced only once it landed', async () => {
    const { integration, project, repoName } = await importedRepo(2);
    const [first] = await linkedTasks(integration.id);
    const number = Number(first!.mapping.externalKey!.split('#')[1]);
    const path = `/repos/${repoName}/issues/${number}`;
    // Every PATCH of this issue fails (500) for the next 6 calls: more than one sync's retries.
    env.fake.faults.push(...Array.from({ length: 6 }, () => ({ status: 500 as const, match: (m: string, p: string) => m === 'PATCH' && p === path })));
    const editedAt = await editTaskLocally(first!.task.id, 'Pushed through a storm');
    // While the storm lasts the link is not marked synced past the edit.
    await waitFor(async () => issuePatches(repoName).filter((r) => r.status === 500).length >= 3, 60_000);
    const [during] = await getDb().select().from(externalTaskMappings).where(eq(externalTaskMappings.taskId, first!.task.id));
    expect(env.fake.issue(repoName, number).title).not.toBe('Pushed through a storm');
    expect(during!.lastSyncedAt!.getTime()).toBeLessThan(editedAt.getTime()); // still pending
    // Then the storm passes and a later sync's pending push lands it, once.
    await waitFor(async () => env.fake.issue(repoName, number).title === 'Pushed through a storm', 90_000);
    const patches = issuePatches(repoName).filter((r) => r.path === path);
    expect(patches.filter((r) => r.status === 500)).toHaveLength(6);
    expect(patches.filter((r) => r.status === 200)).toHaveLength(1);
    // Syncs run every 2 s, so one may be in flight now: stop the schedule and wait for the last
    // run to finish before judging them (a single read here once caught a run still 'running').
    await getDb().update(projectIntegrations).set({ syncEnabled: false }).where(eq(projectIntegrations.id, integration.id));
    const o = await waitFor(async () => {
      const outcome = await syncOutcome(integration.id, project.id);
      return outcome.runs.some((r) => r.status === 'running') ? null : outcome;
    }, 60_000);
    expect(o).toMatchObject({ tasks: 3, links: 3 });
    expect(o.runs.map((r) => r.status).filter((s) => s !== 'success' && s !== 'error')).toEqual([]);
  }, 180_000);
});
