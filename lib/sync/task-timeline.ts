import { and, desc, eq, isNotNull, notExists, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { externalTaskMappings, integrationProviders, projectIntegrations, type TaskSyncEvent, taskSyncEvents, tasks } from '@/db/schema';
import { getProvider } from '@/lib/integrations/registry';

/** A task's sync timeline (newest first), tenant-scoped through the integration's project. */
export async function listTaskSyncEvents(db: DbOrTx, projectId: string, taskId: string, limit = 30): Promise<TaskSyncEvent[]> {
  const rows = await db
    .select({ event: taskSyncEvents })
    .from(taskSyncEvents)
    .innerJoin(projectIntegrations, eq(projectIntegrations.id, taskSyncEvents.integrationId))
    .where(and(eq(taskSyncEvents.taskId, taskId), eq(projectIntegrations.projectId, projectId)))
    .orderBy(desc(taskSyncEvents.createdAt))
    .limit(limit);
  return rows.map((r) => r.event);
}

/** Per link of the task: is it still syncing, and if not, why (a deleted or transferred issue). */
export async function listTaskLinkStates(db: DbOrTx, projectId: string, taskId: string) {
  const rows = await db
    .select({ id: externalTaskMappings.id, integrationId: externalTaskMappings.integrationId, syncEnabled: externalTaskMappings.syncEnabled, snapshot: externalTaskMappings.snapshot })
    .from(externalTaskMappings)
    .innerJoin(projectIntegrations, eq(projectIntegrations.id, externalTaskMappings.integrationId))
    .where(and(eq(externalTaskMappings.taskId, taskId), eq(projectIntegrations.projectId, projectId)));
  return new Map(rows.map((r) => [r.id, { integrationId: r.integrationId, syncEnabled: r.syncEnabled, unlinked: typeof r.snapshot.unlinked === 'string' ? r.snapshot.unlinked : null }]));
}

/** The project's configured integrations that can create an item from a task ("Create GitHub issue"). */
export async function listExportTargets(db: DbOrTx, projectId: string) {
  const rows = await db
    .select({ id: projectIntegrations.id, externalId: projectIntegrations.externalId, providerType: integrationProviders.providerType, name: integrationProviders.name })
    .from(projectIntegrations)
    .innerJoin(integrationProviders, eq(integrationProviders.id, projectIntegrations.providerId))
    .where(and(eq(projectIntegrations.projectId, projectId), eq(projectIntegrations.isActive, true), isNotNull(projectIntegrations.externalId), isNotNull(projectIntegrations.accessToken)));
  return rows.filter((r) => Boolean(getProvider(r.providerType).exportTask));
}

/** Tasks of the project with no link to this integration yet (candidates for bulk export). */
export async function listUnlinkedTasks(db: DbOrTx, projectId: string, integrationId: string, limit = 200) {
  return db
    .select({ id: tasks.id, title: tasks.title, status: tasks.status })
    .from(tasks)
    .where(
      and(
        eq(tasks.projectId, projectId),
        notExists(
          db.select({ one: sql`1` }).from(externalTaskMappings)
            .where(and(eq(externalTaskMappings.taskId, tasks.id), eq(externalTaskMappings.integrationId, integrationId))),
        ),
      ),
    )
    .orderBy(desc(tasks.createdAt))
    .limit(limit);
}
