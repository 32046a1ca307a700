import { and, desc, eq, isNotNull, notExists, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { externalTaskMappings, integrationProviders, projectIntegrations, type TaskSyncEvent, taskSyncEvents, tasks } from '../schema';

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

/** The project's active, configured integrations (export candidates; lib/sync/engine/export-targets.ts keeps those with taskSync). */
export async function listConfiguredIntegrations(db: DbOrTx, projectId: string) {
  return db
    .select({ id: projectIntegrations.id, externalId: projectIntegrations.externalId, providerType: integrationProviders.providerType, name: integrationProviders.name })
    .from(projectIntegrations)
    .innerJoin(integrationProviders, eq(integrationProviders.id, projectIntegrations.providerId))
    .where(and(eq(projectIntegrations.projectId, projectId), eq(projectIntegrations.isActive, true), isNotNull(projectIntegrations.externalId), isNotNull(projectIntegrations.accessToken)));
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

/**
 * A fan-out outcome on the task's timeline (a calendar event written, a notification sent),
 * once per change and integration: a retried target records nothing twice.
 */
export async function recordFanOutEvent(
  db: DbOrTx,
  entry: { taskId: string; integrationId: string; changeId: string; kind: 'event_upserted' | 'notified'; summary: string; details?: Record<string, unknown> },
): Promise<void> {
  await db
    .insert(taskSyncEvents)
    .values({
      taskId: entry.taskId, integrationId: entry.integrationId, kind: entry.kind, summary: entry.summary,
      details: { ...entry.details, trigger: { changeId: entry.changeId } }, externalEventId: `${entry.kind}:${entry.changeId}`,
    })
    .onConflictDoNothing();
}

/** One entry on a task's sync timeline (an export, a push, a refused field, a settled conflict). */
export async function recordTaskSyncEvent(
  db: DbOrTx,
  event: Pick<typeof taskSyncEvents.$inferInsert, 'taskId' | 'integrationId' | 'kind' | 'summary' | 'details'>,
): Promise<void> {
  await db.insert(taskSyncEvents).values(event);
}
