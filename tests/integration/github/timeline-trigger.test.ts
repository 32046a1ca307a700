import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { localChanges, taskSyncEvents } from '@/db/schema';
import { runSync } from '@/lib/sync/run-sync';
import { getLatestSyncRun } from '@/db/queries/sync-runs';
import { githubHeaders, post, settled } from '../webhooks/fixtures';
import { createGithubIntegration, linkedTasks, startFakeForTests } from './github-fixture';

let fake: Awaited<ReturnType<typeof startFakeForTests>>;
beforeAll(async () => {
  fake = await startFakeForTests();
});
afterAll(() => fake?.stop());

const updates = (taskId: string) =>
  getDb().select().from(taskSyncEvents).where(and(eq(taskSyncEvents.taskId, taskId), eq(taskSyncEvents.kind, 'updated')));

describe('the task timeline names what caused each sync decision', () => {
  it('a webhook delivery, or a sync run', async () => {
    const { integration, repoName, webhookSecret } = await createGithubIntegration(fake, { issues: 2 });
    await runSync(getDb(), integration.id);
    const [first, second] = await linkedTasks(integration.id);

    // An edit on GitHub arrives as a webhook: its entry names the delivery.
    const sent = fake.outbox.length;
    fake.editIssue(repoName, Number(first!.mapping.externalKey!.split('#')[1]), { title: 'Renamed on GitHub' });
    const delivery = fake.outbox.slice(sent)[0]!;
    const body = JSON.stringify(delivery.payload);
    const res = await post('github', integration.id, { body, headers: await githubHeaders(webhookSecret, body, delivery.event, delivery.deliveryId) });
    expect(res.status).toBe(202);
    await settled(integration.id);
    const viaWebhook = await updates(first!.task.id);
    expect(viaWebhook).toHaveLength(1);
    expect(viaWebhook[0]!.details.trigger).toEqual({ deliveryId: delivery.deliveryId });

    // An edit picked up by a sync: its entry names the run.
    fake.editIssue(repoName, Number(second!.mapping.externalKey!.split('#')[1]), { body: 'Changed while no webhook came' });
    await runSync(getDb(), integration.id);
    const run = await getLatestSyncRun(getDb(), integration.id);
    const viaSync = await updates(second!.task.id);
    expect(viaSync).toHaveLength(1);
    expect(viaSync[0]!.details.trigger).toEqual({ syncRunId: run!.id });

    // Both became local changes from GitHub (origin-tagged: never pushed back to it), for the fan-out.
    const fromGithub = await getDb().select().from(localChanges).where(eq(localChanges.originIntegrationId, integration.id));
    expect(fromGithub.map((c) => [c.taskId, c.kind, c.fields])).toEqual(expect.arrayContaining([
      [first!.task.id, 'task.updated', ['title']],
      [second!.task.id, 'task.updated', ['description']],
    ]));
    expect(fromGithub).toHaveLength(2); // the import's new tasks are not announced one by one
  });
});
