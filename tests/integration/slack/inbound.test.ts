import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { createTask, listTasks } from '@/db/queries/tasks';
import { tasks } from '@/db/schema';
import { notifyTarget } from '@/lib/changes/targets/notify';
import { appUninstalled, buttonClick, messageShortcut, slashCommand, tokensRevoked, viewSubmission, type BlockActionsPayload } from '../../fakes/slack/requests';
import { change, sendSigned, slackProject, startSlack } from './fixture';

describe('Slack commands, buttons, modals and events', () => {
  let fake: Awaited<ReturnType<typeof startSlack>>;
  beforeAll(async () => {
    fake = await startSlack();
    fake.state.seed();
  });
  afterAll(() => fake.stop());

  const responsesTo = (url: string) => fake.state.responses.filter((r) => url.endsWith(r.id)).map((r) => String(r.body.text));

  it('/task create parses title, @user, #label, due: and !priority and creates the task as the member', async () => {
    const p = await slackProject(fake);
    const url = fake.responseUrl();
    const text = `create Fix the login page <@U0MEMBER|member> #bug #UI due:2027-02-03 !urgent`;
    const res = await sendSigned(p.integration.id, p.secret, { form: slashCommand({ text, userId: 'U0OWNER', responseUrl: url }) });
    expect(res.status).toBe(200);
    expect(res.body).toBeNull(); // empty ack: the answer comes through response_url
    expect(res.rows[0]).toMatchObject({ status: 'processed', eventType: 'slash_command' });
    const [task] = await listTasks(getDb(), p.project.id);
    expect(task).toMatchObject({
      title: 'Fix the login page', labels: ['bug', 'ui'], dueDate: '2027-02-03', priority: 'urgent', assigneeIds: [p.member.id], createdBy: p.owner.id,
    });
    expect(responsesTo(url)[0]).toMatch(/^Created <http.*\|Fix the login page>/);
  });

  it('answers help and parse errors in the ack itself', async () => {
    const p = await slackProject(fake);
    const help = await sendSigned(p.integration.id, p.secret, { form: slashCommand({ text: 'help', userId: 'U0OWNER', responseUrl: fake.responseUrl() }) });
    expect(help.body).toMatchObject({ response_type: 'ephemeral' });
    expect(String(help.body!.text)).toContain('/task create');
    const bad = await sendSigned(p.integration.id, p.secret, { form: slashCommand({ text: 'create X due:2027-13-40', userId: 'U0OWNER', responseUrl: fake.responseUrl() }) });
    expect(String(bad.body!.text)).toContain('not a date');
    expect(await listTasks(getDb(), p.project.id)).toHaveLength(0);
  });

  it('refuses a Slack user who is not a member, saying how to link; nothing is created', async () => {
    const p = await slackProject(fake);
    const url = fake.responseUrl();
    await sendSigned(p.integration.id, p.secret, { form: slashCommand({ text: 'create Sneaky task', userId: 'U0STRANGER', responseUrl: url }) });
    expect(await listTasks(getDb(), p.project.id)).toHaveLength(0);
    expect(responsesTo(url)[0]).toMatch(/stranger@elsewhere\.test is not a member.*ask a project owner to add/);
  });

  it('a repeated request (same trigger_id, or an event retried with X-Slack-Retry-Num) is processed once', async () => {
    const p = await slackProject(fake);
    const form = slashCommand({ text: 'create Only once', userId: 'U0OWNER', responseUrl: fake.responseUrl() });
    await sendSigned(p.integration.id, p.secret, { form });
    const again = await sendSigned(p.integration.id, p.secret, { form });
    expect(again.status).toBe(200);
    expect((await listTasks(getDb(), p.project.id)).filter((t) => t.title === 'Only once')).toHaveLength(1);

    const event = appUninstalled('EvUNINSTALL1');
    expect((await sendSigned(p.integration.id, p.secret, { event })).status).toBe(202);
    const retry = await sendSigned(p.integration.id, p.secret, { event }, { retryNum: 1 });
    expect(retry.status).toBe(200);
    expect(retry.rows.filter((r) => r.deliveryId === 'EvUNINSTALL1')).toHaveLength(1);
    expect(await p.reload()).toMatchObject({ connectionStatus: 'reconnect_needed' });
  });

  it('tokens_revoked for the bot marks the connection reconnect needed', async () => {
    const p = await slackProject(fake);
    await sendSigned(p.integration.id, p.secret, { event: tokensRevoked('EvREVOKED1') });
    expect((await p.reload()).connectionError).toMatch(/revoked the bot token/);
  });

  it('"Mark done" marks the task done with the member\'s permissions and updates the message; strangers are refused', async () => {
    const p = await slackProject(fake);
    const db = getDb();
    const task = await createTask(db, p.project.id, {
      title: 'Button task', description: '', status: 'todo', priority: 'medium', labels: [], assigneeIds: [], dueDate: null, milestoneId: null, createdBy: null,
    });
    await notifyTarget.run(db, change(p.project.id, { taskId: task.id }));
    const message = fake.state.channelMessages('C0GENERAL1').find((m) => m.text.includes('Button task'))!;

    const strangerUrl = fake.responseUrl();
    const click = (userId: string, responseUrl: string, actionId: BlockActionsPayload['actions'][number]['action_id'] = 'task_done') =>
      sendSigned(p.integration.id, p.secret, {
        interaction: buttonClick({ actionId: actionId as 'task_done', taskId: task.id, userId, channel: 'C0GENERAL1', ts: message.ts, responseUrl, blocks: message.blocks }),
      });
    const refused = await click('U0STRANGER', strangerUrl);
    expect(refused.status).toBe(200);
    expect((await db.select().from(tasks).where(eq(tasks.id, task.id)))[0]!.status).toBe('todo');
    expect(responsesTo(strangerUrl)[0]).toContain('is not a member');

    await click('U0MEMBER', fake.responseUrl());
    expect((await db.select().from(tasks).where(eq(tasks.id, task.id)))[0]!.status).toBe('done');
    // The button updates its message; the change's notification (the fan-out, in the background)
    // may refresh the same message again with the same content — never a new top-level post.
    expect(message.updates).toBeGreaterThanOrEqual(1);
    expect(fake.state.channelMessages('C0GENERAL1').filter((m) => m.text.includes('Button task'))).toHaveLength(1);
    expect(message.text).toContain('Done');
    expect(JSON.stringify(message.blocks)).not.toContain('task_done');

    await click('U0MEMBER', fake.responseUrl(), 'task_assign_me');
    expect((await db.select().from(tasks).where(eq(tasks.id, task.id)))[0]!.assigneeIds).toEqual([p.member.id]);
  });

  it('/task done <ref> and /task list', async () => {
    const p = await slackProject(fake);
    const db = getDb();
    const base = { description: '', status: 'todo' as const, priority: 'medium' as const, labels: [], dueDate: null, milestoneId: null, createdBy: null };
    const mine = await createTask(db, p.project.id, { ...base, title: 'Write the docs', assigneeIds: [p.owner.id] });
    await createTask(db, p.project.id, { ...base, title: 'Someone else', assigneeIds: [] });
    const listUrl = fake.responseUrl();
    await sendSigned(p.integration.id, p.secret, { form: slashCommand({ text: 'list', userId: 'U0OWNER', responseUrl: listUrl }) });
    expect(responsesTo(listUrl)[0]).toMatch(/Your open tasks[\s\S]*Write the docs/);
    expect(responsesTo(listUrl)[0]).not.toContain('Someone else');
    const doneUrl = fake.responseUrl();
    await sendSigned(p.integration.id, p.secret, { form: slashCommand({ text: `done ${mine.id.slice(0, 8)}`, userId: 'U0MEMBER', responseUrl: doneUrl }) });
    expect((await db.select().from(tasks).where(eq(tasks.id, mine.id)))[0]!.status).toBe('done');
    expect(responsesTo(doneUrl)[0]).toContain('Marked');
  });

  it('/task create with no title opens the modal; its submission creates the task; the message shortcut pre-fills it', async () => {
    const p = await slackProject(fake);
    await sendSigned(p.integration.id, p.secret, { form: slashCommand({ text: 'create', userId: 'U0OWNER', responseUrl: fake.responseUrl(), triggerId: 'trigger-modal-1' }) });
    expect(fake.state.views.find((v) => v.trigger_id === 'trigger-modal-1')?.view).toMatchObject({ callback_id: 'taskbridge_create_task' });

    const empty = await sendSigned(p.integration.id, p.secret, { interaction: viewSubmission({ userId: 'U0OWNER', title: '  ' }) });
    expect(empty.body).toEqual({ response_action: 'errors', errors: { title: 'Enter a title.' } });
    const ok = await sendSigned(p.integration.id, p.secret, { interaction: viewSubmission({ userId: 'U0OWNER', title: 'From the form', description: 'Details' }) });
    expect(ok.body).toBeNull();
    expect((await listTasks(getDb(), p.project.id)).map((t) => [t.title, t.description])).toEqual([['From the form', 'Details']]);
    expect(fake.state.ephemerals.at(-1)).toMatchObject({ user: 'U0OWNER', text: expect.stringContaining('Created') });

    fake.state.messages.push({ channel: 'C0GENERAL1', ts: '1700000999.000100', text: 'The export button is broken\nsteps: click it', blocks: [], updates: 0, history: [] });
    await sendSigned(p.integration.id, p.secret, {
      interaction: messageShortcut({ userId: 'U0MEMBER', channel: 'C0GENERAL1', ts: '1700000999.000100', text: 'The export button is broken\nsteps: click it', responseUrl: fake.responseUrl(), triggerId: 'trigger-shortcut-1' }),
    });
    const view = fake.state.views.find((v) => v.trigger_id === 'trigger-shortcut-1')!;
    const json = JSON.stringify(view.view);
    expect(json).toContain('"initial_value":"The export button is broken"');
    expect(json).toContain('https://acme.slack.com/archives/C0GENERAL1/p1700000999000100');
  });

  it('typed fixtures: a mistyped payload does not compile', () => {
    // @ts-expect-error 'task_close' is not an action this helper sends
    buttonClick({ actionId: 'task_close', taskId: 'x', userId: 'U', channel: 'C', ts: '1', responseUrl: 'u' });
    // @ts-expect-error block_actions payloads have a `container` of type 'message', not 'view' with these fields
    const bad: BlockActionsPayload['container'] = { type: 'view', message_ts: '1', channel_id: 'C', is_ephemeral: false };
    expect(bad).toBeDefined();
  });
});
