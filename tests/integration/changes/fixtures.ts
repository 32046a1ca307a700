import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { createIntegration } from '@/db/queries/integrations';
import { insertLocalChange, type NewLocalChange } from '@/db/queries/local-changes';
import { listProviderRows } from '@/db/queries/providers';
import { createTask } from '@/db/queries/tasks';
import { externalTaskMappings, localChanges } from '@/db/schema';
import type { ChangeTarget } from '@/lib/changes/targets/types';
import type { LocalChange } from '@/lib/integrations/contract/changes';
import { createProject, createUser } from '../../helpers/factories';

/** A project with one task and its owner. */
export async function projectWithTask() {
  const owner = await createUser('owner');
  const project = await createProject(owner.id);
  const task = await createTask(getDb(), project.id, {
    title: 'One', description: '', status: 'todo', priority: 'medium', labels: [], assigneeIds: [], dueDate: null, milestoneId: null, createdBy: owner.id,
  });
  return { owner, projectId: project.id, task };
}

/** A GitHub integration of the project, linked to the task. */
export async function linkedIntegration(projectId: string, ownerId: string, taskId: string, n: number) {
  const db = getDb();
  const github = (await listProviderRows(db)).find((p) => p.providerType === 'github')!;
  const integration = await createIntegration(db, { projectId, providerRowId: github.id, createdBy: ownerId, settings: {} });
  await db.insert(externalTaskMappings).values({ taskId, integrationId: integration.id, externalId: `${n}`, externalKey: `o/r#${n}` });
  return integration;
}

/** Records a change directly (as an action's transaction would). */
export function recordChange(projectId: string, taskId: string | null, extra: Partial<NewLocalChange> = {}) {
  return insertLocalChange(getDb(), {
    kind: 'task.updated', projectId, taskId, milestoneId: null, fields: ['title'], before: { title: 'a' }, after: { title: 'b' },
    actorUserId: null, originIntegrationId: null, ...extra,
  });
}

export async function changeRow(id: string) {
  const [row] = await getDb().select().from(localChanges).where(eq(localChanges.id, id));
  return row!;
}

/** A target that records what it got, failing while `failing` is set. */
export function spyTarget(name: string) {
  const seen: LocalChange[] = [];
  const target: ChangeTarget & { seen: LocalChange[]; failing: boolean } = {
    name,
    seen,
    failing: false,
    async run(_db, change) {
      seen.push(change);
      if (target.failing) throw new Error(`${name} is down`);
    },
  };
  return target;
}
