import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { createMilestone } from '@/db/queries/milestones';
import { localChanges } from '@/db/schema';
import { fanOutChange } from '@/lib/changes/fan-out';
import { recordMilestoneDeadlines } from '@/lib/changes/milestone-deadlines';
import { slackProject, startSlack } from './fixture';

let fake: Awaited<ReturnType<typeof startSlack>>;
beforeAll(async () => {
  fake = await startSlack();
  fake.state.seed();
});
afterAll(() => fake?.stop());

const day = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000).toISOString().slice(0, 10);

describe('milestones due soon and reached', () => {
  it('become one local change per milestone, state and due date, which Slack posts', async () => {
    const { project } = await slackProject(fake, { settings: { notifyOn: ['milestone_due_soon', 'milestone_reached'] } });
    const db = getDb();
    const now = new Date('2026-12-02T12:00:00Z');
    const soon = await createMilestone(db, project.id, { title: 'Beta', description: '', dueDate: day(now, 1) });
    const today = await createMilestone(db, project.id, { title: 'Launch', description: '', dueDate: day(now, 0) });
    await createMilestone(db, project.id, { title: 'Later', description: '', dueDate: day(now, 20) });
    await createMilestone(db, project.id, { title: 'Long ago', description: '', dueDate: day(now, -30) });
    const before = fake.state.messages.length;
    expect(await recordMilestoneDeadlines(db, now)).toBeGreaterThanOrEqual(2);
    const rows = await db.select().from(localChanges).where(eq(localChanges.projectId, project.id));
    expect(rows.map((r) => [r.milestoneId, r.fields[0]]).sort()).toEqual([[soon.id, 'dueSoon'], [today.id, 'reached']].sort());
    // Again: nothing new (the same milestone, state and date are announced once).
    await recordMilestoneDeadlines(db, now);
    expect(await db.select().from(localChanges).where(eq(localChanges.projectId, project.id))).toHaveLength(2);
    // Dispatched in process already; running the fan-out again posts nothing twice.
    for (const row of rows) await fanOutChange(db, row.id);
    for (let i = 0; i < 50 && fake.state.messages.length < before + 2; i++) await new Promise((r) => setTimeout(r, 100));
    const posted = fake.state.messages.slice(before);
    expect(posted).toHaveLength(2);
    const texts = JSON.stringify(posted);
    expect(texts).toMatch(/Beta.*due soon/);
    expect(texts).toMatch(/Launch.*reached/);
  });
});
