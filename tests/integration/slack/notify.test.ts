import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { createTask } from '@/db/queries/tasks';
import { projectIntegrations, slackTaskMessages } from '@/db/schema';
import { notifyTarget } from '@/lib/changes/targets/notify';
import { runConnectionTest } from '@/lib/integrations/run-connection-test';
import { claimSlackTaskPost, releaseSlackTaskPost } from '@/db/queries/slack';
import { loadConnection } from '@/lib/integrations/connection';
import { listSlackChannels } from '@/lib/integrations/slack/channels';
import { change, slackProject, startSlack } from './fixture';

const taskValues = { description: '', status: 'todo' as const, priority: 'high' as const, labels: [], assigneeIds: [], dueDate: '2027-01-15', milestoneId: null, createdBy: null };

describe('Slack notify', () => {
  let fake: Awaited<ReturnType<typeof startSlack>>;
  beforeAll(async () => {
    fake = await startSlack();
    fake.state.seed();
  });
  afterAll(() => fake.stop());

  it('posts a Block Kit message once for a double dispatch, then updates it and replies in its thread', async () => {
    const p = await slackProject(fake);
    const db = getDb();
    const task = await createTask(db, p.project.id, { ...taskValues, title: 'Ship <the> release', assigneeIds: [p.member.id] });
    const created = change(p.project.id, { taskId: task.id });
    await Promise.all([notifyTarget.run(db, created), notifyTarget.run(db, created)]);
    await notifyTarget.run(db, created);
    const posted = fake.state.channelMessages('C0GENERAL1').filter((m) => m.text.includes('Ship'));
    expect(posted).toHaveLength(1);
    const [message] = posted;
    expect(message!.text).toContain('Ship <the> release — To do, high priority');
    const json = JSON.stringify(message!.blocks);
    expect(json).toContain(`/projects/${p.project.id}/tasks/${task.id}|Ship &lt;the&gt; release`);
    for (const piece of ['task_done', 'Mark done', 'Assign to me', 'Open in Taskbridge', '2027-01-15', 'member']) expect(json).toContain(piece);
    const [stored] = await db.select().from(slackTaskMessages).where(eq(slackTaskMessages.taskId, task.id));
    expect(stored).toMatchObject({ channel: 'C0GENERAL1', ts: message!.ts });

    await db.update((await import('@/db/schema')).tasks).set({ status: 'done' }).where(eq((await import('@/db/schema')).tasks.id, task.id));
    const done = change(p.project.id, { kind: 'task.updated', taskId: task.id, fields: ['status'], before: { status: 'todo' }, after: { status: 'done' } });
    await notifyTarget.run(db, done);
    await notifyTarget.run(db, done);
    expect(fake.state.channelMessages('C0GENERAL1').filter((m) => m.text.includes('Ship'))).toHaveLength(1);
    expect(message!.updates).toBe(1);
    expect(message!.text).toContain('Done');
    expect(JSON.stringify(message!.blocks)).not.toContain('task_done');
    const replies = fake.state.repliesTo('C0GENERAL1', message!.ts);
    expect(replies.map((r) => r.text)).toEqual(['✅ Marked done']);
  });

  it('a title edit refreshes the message without a thread reply; an edit of a never-posted task posts nothing', async () => {
    const p = await slackProject(fake, { settings: { notifyOn: ['completed'] } });
    const db = getDb();
    const task = await createTask(db, p.project.id, { ...taskValues, title: 'Quiet task' });
    await notifyTarget.run(db, change(p.project.id, { taskId: task.id })); // task_created not enabled
    await notifyTarget.run(db, change(p.project.id, { kind: 'task.updated', taskId: task.id, fields: ['title'] }));
    expect(fake.state.messages.filter((m) => m.text.includes('Quiet task'))).toHaveLength(0);
  });

  it('waits out a 429 with Retry-After (the library retries) and still posts once', async () => {
    const p = await slackProject(fake);
    const db = getDb();
    const task = await createTask(db, p.project.id, { ...taskValues, title: 'Rate limited task' });
    fake.state.fail('chat.postMessage', { retryAfter: 1 });
    const started = Date.now();
    await notifyTarget.run(db, change(p.project.id, { taskId: task.id }));
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(fake.state.messages.filter((m) => m.text.includes('Rate limited task'))).toHaveLength(1);
    expect(fake.state.calls.filter((c) => c.method === 'chat.postMessage' && c.status === 429)).toHaveLength(1);
  });

  it('not_in_channel marks the integration with the invite hint; a later retry after the invite posts', async () => {
    const p = await slackProject(fake, { channel: 'C0RANDOM01' });
    const db = getDb();
    const task = await createTask(db, p.project.id, { ...taskValues, title: 'Lonely task' });
    const c = change(p.project.id, { taskId: task.id });
    await expect(notifyTarget.run(db, c)).rejects.toThrow();
    const marked = await p.reload();
    expect(marked.connectionStatus).toBe('error');
    expect(marked.connectionError).toMatch(/not a member of C0RANDOM01.*\/invite/);
    fake.state.channels.find((x) => x.id === 'C0RANDOM01')!.is_member = true;
    await notifyTarget.run(db, c); // the claim was released: the retry posts
    expect(fake.state.channelMessages('C0RANDOM01')).toHaveLength(1);
    expect((await p.reload()).connectionStatus).toBe('connected');
  });

  it('a revoked token marks the integration reconnect needed', async () => {
    const p = await slackProject(fake);
    const db = getDb();
    const task = await createTask(db, p.project.id, { ...taskValues, title: 'Revoked' });
    fake.state.fail('chat.postMessage', { error: 'token_revoked' });
    await expect(notifyTarget.run(db, change(p.project.id, { taskId: task.id }))).rejects.toThrow();
    expect((await p.reload()).connectionStatus).toBe('reconnect_needed');
  });

  it('"Test connection" calls auth.test and checks the channel', async () => {
    const p = await slackProject(fake);
    const ok = await runConnectionTest(getDb(), await p.reload());
    expect(ok).toMatchObject({ status: 'connected', externalName: '#general (Acme)' });
    fake.state.channels.push({ id: 'C0OUTSIDE1', name: 'outside', is_private: false, is_member: false });
    await getDb().update(projectIntegrations).set({ externalId: 'C0OUTSIDE1' }).where(eq(projectIntegrations.id, p.integration.id));
    const notMember = await runConnectionTest(getDb(), await p.reload());
    expect(notMember.message).toContain('/invite');
    fake.state.fail('auth.test', { error: 'invalid_auth' });
    expect((await runConnectionTest(getDb(), await p.reload())).status).toBe('reconnect_needed');
  });

  it('the channel picker pages conversations.list by cursor; private channels only where the bot is a member', async () => {
    const p = await slackProject(fake);
    for (let i = 0; i < 230; i++) fake.state.channels.push({ id: `C0MANY${String(i).padStart(4, '0')}`, name: `many-${i}`, is_private: false, is_member: i % 2 === 0 });
    const before = fake.state.calls.filter((c) => c.method === 'conversations.list').length;
    const list = await listSlackChannels(await loadConnection(await p.reload()));
    expect(fake.state.calls.filter((c) => c.method === 'conversations.list').length - before).toBe(2);
    const ids = list.options.map((o) => o.id);
    expect(ids).toContain('G0SECRET01');
    expect(ids).not.toContain('G0HIDDEN01');
    expect(ids).toContain('C0MANY0229');
    expect(list.options.find((o) => o.id === 'C0MANY0001')).toMatchObject({ usable: false, note: expect.stringContaining('/invite') });
    expect(list.hint).toContain('/invite');
  });

  it('while another change of the task is posting its message, a second one is retried (then updates it) instead of posting twice', async () => {
    const p = await slackProject(fake);
    const db = getDb();
    const task = await createTask(db, p.project.id, { ...taskValues, title: 'Raced task' });
    expect(await claimSlackTaskPost(db, p.integration.id, task.id, 'C0GENERAL1')).toBe(true); // the first one, mid-post
    const assigned = change(p.project.id, { kind: 'task.updated', taskId: task.id, fields: ['assigneeIds'] });
    await expect(notifyTarget.run(db, assigned)).rejects.toThrow(/being posted/);
    await releaseSlackTaskPost(db, p.integration.id, task.id); // (it posted nothing after all)
    await notifyTarget.run(db, change(p.project.id, { taskId: task.id }));
    await notifyTarget.run(db, assigned); // the fan-out's retry
    const messages = fake.state.channelMessages('C0GENERAL1').filter((m) => m.text.includes('Raced task'));
    expect(messages).toHaveLength(1);
    expect(messages[0]!.updates).toBe(1);
    expect(fake.state.repliesTo('C0GENERAL1', messages[0]!.ts).map((m) => m.text)).toEqual(['Assigned to nobody']);
  });
});
