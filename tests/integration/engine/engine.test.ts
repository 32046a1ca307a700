import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { getIntegrationById, integrationSecret } from '@/db/queries/integrations';
import { getProviderRow } from '@/db/queries/providers';
import { externalTaskMappings, projectIntegrations, tasks, taskSyncEvents } from '@/db/schema';
import { encryptSecret, randomSecret } from '@/lib/crypto/secrets';
import { loadConnection } from '@/lib/integrations/connection';
import { swapCapability } from '@/tests/helpers/swap-capability';
import { exportTask } from '@/lib/sync/engine/task-ops';
import { pushTaskChanges } from '@/lib/sync/push-task-changes';
import { runSync } from '@/lib/sync/run-sync';
import { createProject, createUser } from '../../helpers/factories';
import { Tracker, trackerTaskSync } from './tracker-provider';

// The test provider takes the taskSync slot of a registered provider for this file only.
const tracker = new Tracker();
let restore = () => {};
beforeAll(() => void (restore = swapCapability('jira', 'taskSync', trackerTaskSync(tracker))));
afterAll(() => restore());

let n = 0;
async function setup(settings: Record<string, unknown> = {}) {
  const db = getDb();
  const owner = await createUser('owner');
  const project = await createProject(owner.id);
  const board = `board${process.pid}x${++n}`;
  const id = crypto.randomUUID();
  await db.insert(projectIntegrations).values({
    id, projectId: project.id, providerId: (await getProviderRow(db, 'jira'))!.id, externalId: board,
    accessToken: await encryptSecret(`tok_${randomSecret(8)}`, integrationSecret(id, 'access_token')),
    webhookSecret: await encryptSecret(randomSecret(), integrationSecret(id, 'webhook_secret')),
    settings, syncEnabled: true, connectionStatus: 'connected', createdBy: owner.id,
  });
  const links = async () =>
    db.select({ task: tasks, link: externalTaskMappings }).from(externalTaskMappings)
      .innerJoin(tasks, eq(tasks.id, externalTaskMappings.taskId)).where(eq(externalTaskMappings.integrationId, id));
  const events = async (kind: 'conflict' | 'pushed' | 'updated' | 'exported') =>
    db.select().from(taskSyncEvents).where(and(eq(taskSyncEvents.integrationId, id), eq(taskSyncEvents.kind, kind)));
  return { db, project, board, id, links, events };
}

describe('the task-sync engine with a provider written against the contract only', () => {
  it('imports every page, then a second sync writes nothing', async () => {
    const { db, board, id, links } = await setup();
    tracker.add(board, { title: 'One', notes: 'first', tags: ['b', 'a'], priority: 'P1', due: '2026-03-01' });
    tracker.add(board, { title: 'Two', done: true });
    tracker.add(board, { title: 'Three', priority: 'P0' });
    await runSync(db, id);
    const rows = (await links()).sort((a, b) => a.task.title.localeCompare(b.task.title));
    expect(rows.map((r) => [r.task.title, r.task.status, r.task.priority])).toEqual([
      ['One', 'todo', 'high'], ['Three', 'todo', 'urgent'], ['Two', 'done', 'medium'],
    ]);
    expect(rows[0]!.task).toMatchObject({ description: 'first', labels: ['a', 'b'], dueDate: '2026-03-01' });
    const stamps = async () => new Map((await links()).map((r) => [r.link.id, r.link.updatedAt.getTime()]));
    const before = await stamps();
    tracker.calls.length = 0;
    await runSync(db, id);
    expect(tracker.calls.filter((c) => !c.startsWith('list'))).toEqual([]);
    expect(await stamps()).toEqual(before);
  });

  it('pushes a local edit once, and its echo changes nothing', async () => {
    const { db, board, id, links, events } = await setup();
    const item = tracker.add(board, { title: 'Card' });
    await runSync(db, id);
    const [row] = await links();
    await db.update(tasks).set({ title: 'Card, renamed', priority: 'low', updatedAt: new Date() }).where(eq(tasks.id, row!.task.id));
    tracker.calls.length = 0;
    const [out] = await pushTaskChanges(db, row!.task.id);
    expect(out).toMatchObject({ ok: true, pushed: ['title', 'priority'] });
    expect(tracker.calls).toEqual([`fetch ${item.key}`, `write ${item.key} priority,title`]);
    expect(tracker.board(board)[0]).toMatchObject({ title: 'Card, renamed', priority: 'P3' });
    expect(await events('pushed')).toHaveLength(1);
    await runSync(db, id); // the write comes back in the next pull: not newer than the link
    expect(await events('updated')).toHaveLength(0);
    expect(await pushTaskChanges(db, row!.task.id, { excludeIntegrationId: id })).toEqual([]);
  });

  it('exports a task as a new item and links it; exporting again returns the link', async () => {
    const { db, project, board, id, links } = await setup();
    const [task] = await db.insert(tasks).values({ projectId: project.id, title: 'Local', description: 'made here', status: 'done', labels: ['x'] }).returning();
    const integration = (await getIntegrationById(db, id))!;
    const ctx = { db, integration, connection: await loadConnection(integration), taskId: task!.id };
    const out = await exportTask(ctx);
    expect(out).toMatchObject({ created: true, externalKey: expect.stringMatching(/-\d+$/) });
    expect(tracker.board(board)).toEqual([expect.objectContaining({ title: 'Local', notes: 'made here', done: true, tags: ['x'] })]);
    expect(await exportTask(ctx)).toMatchObject({ created: false, externalKey: out.externalKey });
    await runSync(db, id);
    expect(await links()).toHaveLength(1);
  });

  it('a field changed on both sides goes to the policy and is recorded; one-sided changes merge', async () => {
    const { db, board, id, links, events } = await setup({ conflictPolicy: 'external' });
    const item = tracker.add(board, { title: 'Both', notes: 'base' });
    await runSync(db, id);
    const [row] = await links();
    await db.update(tasks).set({ title: 'Local title', labels: ['local'], updatedAt: new Date() }).where(eq(tasks.id, row!.task.id));
    tracker.edit(board, item.id, { title: 'Remote title', notes: 'remote notes' });
    await runSync(db, id);
    const [after] = await links();
    expect(after!.task).toMatchObject({ title: 'Remote title', description: 'remote notes', labels: ['local'] });
    expect(tracker.board(board)[0]).toMatchObject({ title: 'Remote title', tags: ['local'] });
    const conflicts = await events('conflict');
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]!.details).toMatchObject({ field: 'title', local: 'Local title', remote: 'Remote title', winner: 'remote' });
  });
});
