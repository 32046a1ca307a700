import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { createIntegration } from '@/db/queries/integrations';
import { listProviderRows } from '@/db/queries/providers';
import { createTask, listTaskExternalLinks } from '@/db/queries/tasks';
import { externalTaskMappings } from '@/db/schema';
import { createProject, createUser } from '../../helpers/factories';

const taskValues = {
  title: 't', description: '', status: 'todo', priority: 'medium', labels: [], assigneeIds: [],
  dueDate: null, milestoneId: null, createdBy: null,
} as const;

describe('listTaskExternalLinks', () => {
  it("lists the task's mappings with the provider name, only through the task's own project", async () => {
    const db = getDb();
    const owner = await createUser('owner');
    const project = await createProject(owner.id);
    const other = await createProject(owner.id);
    const github = (await listProviderRows(db)).find((p) => p.providerType === 'github')!;
    const integration = await createIntegration(db, {
      projectId: project.id, providerRowId: github.id, createdBy: owner.id, settings: {},
    });
    const task = await createTask(db, project.id, { ...taskValues, labels: [], assigneeIds: [] });
    await db.insert(externalTaskMappings).values({
      taskId: task.id, integrationId: integration.id, externalId: '4242', externalKey: 'acme/site#12',
      externalUrl: 'https://github.com/acme/site/issues/12',
    });
    expect(await listTaskExternalLinks(db, project.id, task.id)).toMatchObject([
      { externalKey: 'acme/site#12', externalUrl: 'https://github.com/acme/site/issues/12', providerName: github.name },
    ]);
    expect(await listTaskExternalLinks(db, other.id, task.id)).toEqual([]);
  });
});
