import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { tasks } from '@/db/schema';
import { exportTaskToIntegration } from '@/lib/actions/export-task-to-integration';
import type { FakeJira } from '@/tests/fakes/jira/server';
import { as } from '../integrations/fixtures';
import { createJiraIntegration } from './engine-fixture';
import { startJira } from './jira-fixture';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => globalThis.__tbTestUser ?? null }));

let fake: FakeJira & { stop: () => Promise<void> };
beforeAll(async () => {
  fake = await startJira();
});
afterAll(() => fake.stop());

describe('"Create Jira issue" on a task', () => {
  it('creates the issue; an issue type with a required field Taskbridge cannot fill is a clear error, not a retry', async () => {
    const { db, owner, project, id, key } = await createJiraIntegration(fake, { settings: { issueType: 'Story' } });
    const [task] = await db.insert(tasks).values({ projectId: project.id, title: 'Needs a team' }).returning();
    as(owner);
    const refused = await exportTaskToIntegration({ projectId: project.id, integrationId: id, taskId: task!.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'bad_request', message: expect.stringMatching(/Jira requires "Team" for a Story in/) } });
    expect(fake.issues.filter((i) => i.projectKey === key)).toHaveLength(0);

    const other = await createJiraIntegration(fake);
    const [t2] = await db.insert(tasks).values({ projectId: other.project.id, title: 'Plain task' }).returning();
    as(other.owner);
    const created = await exportTaskToIntegration({ projectId: other.project.id, integrationId: other.id, taskId: t2!.id });
    expect(created).toMatchObject({ ok: true, data: { created: true, externalKey: `${other.key}-1` } });
  });
});
