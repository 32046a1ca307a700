import fs from 'node:fs';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { taskSyncEvents } from '@/db/schema';
import { createTask } from '@/lib/actions/create-task';
import { buttonClick, slashCommand } from '../../fakes/slack/requests';
import { as } from '../integrations/fixtures';
import { sendSigned, slackProject, startSlack } from './fixture';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => globalThis.__tbTestUser ?? null }));

// Runs once the change fan-out (branch changes) is merged and lists notifyTarget in lib/changes/targets/index.ts.
const targets = path.join(process.cwd(), 'lib', 'changes', 'targets', 'index.ts');
const fanOutMerged = fs.existsSync(targets) && fs.readFileSync(targets, 'utf8').includes('notifyTarget');

describe.skipIf(!fanOutMerged)('Slack through the change fan-out', () => {
  let fake: Awaited<ReturnType<typeof startSlack>>;
  beforeAll(async () => {
    fake = await startSlack();
    fake.state.seed();
  });
  afterAll(() => fake.stop());
  const poll = async <T>(fn: () => T | undefined | Promise<T | undefined>, ms = 10_000): Promise<T> => {
    const end = Date.now() + ms;
    for (;;) {
      const v = await fn();
      if (v) return v;
      if (Date.now() > end) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  it('a task created in the app is posted; a /task create is posted; Mark done updates and replies in the thread', async () => {
    const p = await slackProject(fake);
    as(p.owner);
    const r = await createTask({ projectId: p.project.id, title: 'Made in the app' });
    expect(r.ok).toBe(true);
    const posted = await poll(() => fake.state.channelMessages('C0GENERAL1').find((m) => m.text.includes('Made in the app')));
    expect(JSON.stringify(posted.blocks)).toContain('Mark done');

    await sendSigned(p.integration.id, p.secret, { form: slashCommand({ text: 'create From the channel', userId: 'U0OWNER', responseUrl: fake.responseUrl() }) });
    await poll(() => fake.state.channelMessages('C0GENERAL1').find((m) => m.text.includes('From the channel')));

    const taskId = (r as { data: { id: string } }).data.id;
    await sendSigned(p.integration.id, p.secret, {
      interaction: buttonClick({ actionId: 'task_done', taskId, userId: 'U0MEMBER', channel: 'C0GENERAL1', ts: posted.ts, responseUrl: fake.responseUrl() }),
    });
    await poll(() => fake.state.repliesTo('C0GENERAL1', posted.ts).find((m) => m.text.includes('Marked done')));
    expect(fake.state.channelMessages('C0GENERAL1').filter((m) => m.text.includes('Made in the app'))).toHaveLength(1);
    expect(posted.text).toContain('Done');
    // The notifications are on the task's timeline, each naming the change that caused it. The
    // fake shows the thread reply as soon as Slack has it; our event row is written once Slack's
    // answer is back, so wait for it rather than read once.
    const notified = await poll(async () => {
      const rows = await getDb().select().from(taskSyncEvents).where(and(eq(taskSyncEvents.taskId, taskId), eq(taskSyncEvents.kind, 'notified')));
      return rows.length >= 2 ? rows : undefined;
    });
    expect(notified.length).toBeGreaterThanOrEqual(2);
    expect(notified[0]!.summary).toMatch(/^Notification sent to Slack/);
    expect(notified.every((e) => typeof (e.details.trigger as { changeId?: string }).changeId === 'string')).toBe(true);
  });
});
