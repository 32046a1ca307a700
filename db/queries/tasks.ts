import { and, asc, desc, eq, ilike, inArray, isNotNull, isNull, notInArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import type { ProviderType } from '@/lib/integrations/provider-types';
import { externalTaskMappings, integrationProviders, projectIntegrations, type Task, tasks } from '../schema';

/** Values a task is created or edited with (ids already checked against the project). */
export type TaskValues = Pick<
  Task,
  'title' | 'description' | 'status' | 'priority' | 'labels' | 'assigneeIds' | 'dueDate' | 'milestoneId'
>;

/** A project's live tasks: open work first (by status order), then newest. The page uses listTaskPage. */
export async function listTasks(db: DbOrTx, projectId: string): Promise<Task[]> {
  return db
    .select()
    .from(tasks)
    .where(and(eq(tasks.projectId, projectId), isNull(tasks.deletedAt)))
    .orderBy(asc(tasks.status), desc(tasks.createdAt));
}

export async function getTask(db: DbOrTx, projectId: string, taskId: string): Promise<Task | undefined> {
  const [row] = await db
    .select()
    .from(tasks)
    .where(and(eq(tasks.projectId, projectId), eq(tasks.id, taskId), isNull(tasks.deletedAt)));
  return row;
}

/** The live task, locked until the transaction ends (an edit reads its before-values with this). */
export async function getTaskForUpdate(tx: DbOrTx, projectId: string, taskId: string): Promise<Task | undefined> {
  const [row] = await tx
    .select()
    .from(tasks)
    .where(and(eq(tasks.projectId, projectId), eq(tasks.id, taskId), isNull(tasks.deletedAt)))
    .for('update');
  return row;
}

export async function createTask(
  db: DbOrTx,
  projectId: string,
  values: TaskValues & { createdBy: string | null },
): Promise<Task> {
  const [row] = await db
    .insert(tasks)
    .values({ ...values, projectId })
    .returning();
  return row!;
}

/**
 * Applies an edit and always bumps updatedAt (the GitHub sync's three-way merge compares it
 * with the mapping's last sync). Returns undefined when the task is not in the project.
 */
export async function updateTask(
  db: DbOrTx,
  projectId: string,
  taskId: string,
  patch: Partial<TaskValues>,
): Promise<Task | undefined> {
  const [row] = await db
    .update(tasks)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(tasks.projectId, projectId), eq(tasks.id, taskId), isNull(tasks.deletedAt)))
    .returning();
  return row;
}

const liveIn = (projectId: string) => and(eq(tasks.projectId, projectId), isNull(tasks.deletedAt));
const isOpen = notInArray(tasks.status, ['done', 'cancelled']);

/** Live tasks whose id starts with `prefix` (hex and dashes: the caller checks), ignoring case. */
export async function findTasksByIdPrefix(db: DbOrTx, projectId: string, prefix: string, limit: number): Promise<Task[]> {
  return db.select().from(tasks).where(and(liveIn(projectId), sql`${tasks.id}::text like ${`${prefix.toLowerCase()}%`}`)).limit(limit);
}

/** Live tasks titled exactly `title`, ignoring case. */
export async function findTasksByTitle(db: DbOrTx, projectId: string, title: string, limit: number): Promise<Task[]> {
  return db.select().from(tasks).where(and(liveIn(projectId), sql`lower(${tasks.title}) = ${title.toLowerCase()}`)).limit(limit);
}

/** Open live tasks whose title contains `fragment` as typed (LIKE's wildcards escaped), most recently updated first. */
export async function searchOpenTasksByTitle(db: DbOrTx, projectId: string, fragment: string, limit: number): Promise<Task[]> {
  const escaped = fragment.replace(/[\\%_]/g, (c) => `\\${c}`);
  return db
    .select()
    .from(tasks)
    .where(and(liveIn(projectId), isOpen, ilike(tasks.title, `%${escaped}%`)))
    .orderBy(desc(tasks.updatedAt))
    .limit(limit);
}

/** Open live tasks (those assigned to `assigneeId` when given): soonest due first, then most recently updated. */
export async function listOpenTasks(db: DbOrTx, projectId: string, assigneeId: string | null, limit: number): Promise<Task[]> {
  return db
    .select()
    .from(tasks)
    .where(and(liveIn(projectId), isOpen, assigneeId ? sql`${tasks.assigneeIds} @> array[${assigneeId}]::uuid[]` : undefined))
    .orderBy(sql`coalesce(${tasks.dueDate}, 'infinity'::date)`, desc(tasks.updatedAt))
    .limit(limit);
}

/** Soft delete (undo = restoreTasks). Returns the ids that were live in the project and are now deleted. */
export async function softDeleteTasks(db: DbOrTx, projectId: string, taskIds: string[]): Promise<string[]> {
  if (taskIds.length === 0) return [];
  const rows = await db
    .update(tasks)
    .set({ deletedAt: new Date() })
    .where(and(eq(tasks.projectId, projectId), inArray(tasks.id, taskIds), isNull(tasks.deletedAt)))
    .returning({ id: tasks.id });
  return rows.map((r) => r.id);
}

/** Brings deleted tasks of the project back; returns the ids restored. */
export async function restoreTasks(db: DbOrTx, projectId: string, taskIds: string[]): Promise<string[]> {
  if (taskIds.length === 0) return [];
  const rows = await db
    .update(tasks)
    .set({ deletedAt: null })
    .where(and(eq(tasks.projectId, projectId), inArray(tasks.id, taskIds), isNotNull(tasks.deletedAt)))
    .returning({ id: tasks.id });
  return rows.map((r) => r.id);
}

/** Of these tasks, the ids linked to at least one integration (the delete dialog asks about those). */
export async function linkedTaskIds(db: DbOrTx, taskIds: string[]): Promise<Set<string>> {
  if (taskIds.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ taskId: externalTaskMappings.taskId })
    .from(externalTaskMappings)
    .where(inArray(externalTaskMappings.taskId, taskIds));
  return new Set(rows.map((r) => r.taskId));
}

export type TaskExternalLink = {
  id: string;
  externalKey: string | null;
  externalId: string;
  externalUrl: string | null;
  providerName: string;
  /** The provider slug and the integration, for what the provider syncs and its wording. */
  providerType: ProviderType;
  integrationId: string;
  externalName: string | null;
  lastSyncedAt: Date | null;
};

/** The task's counterparts in the project's integrations (rows of external_task_mappings). */
export async function listTaskExternalLinks(db: DbOrTx, projectId: string, taskId: string): Promise<TaskExternalLink[]> {
  return db
    .select({
      id: externalTaskMappings.id,
      externalKey: externalTaskMappings.externalKey,
      externalId: externalTaskMappings.externalId,
      externalUrl: externalTaskMappings.externalUrl,
      providerName: integrationProviders.name,
      providerType: integrationProviders.providerType,
      integrationId: externalTaskMappings.integrationId,
      externalName: projectIntegrations.externalName,
      lastSyncedAt: externalTaskMappings.lastSyncedAt,
    })
    .from(externalTaskMappings)
    .innerJoin(projectIntegrations, eq(projectIntegrations.id, externalTaskMappings.integrationId))
    .innerJoin(integrationProviders, eq(integrationProviders.id, projectIntegrations.providerId))
    .where(and(eq(projectIntegrations.projectId, projectId), eq(externalTaskMappings.taskId, taskId)))
    .orderBy(asc(integrationProviders.name));
}
