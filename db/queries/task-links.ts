import { and, count, eq, gt, isNull, ne, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import type { TimelineEntry } from '@/lib/integrations/contract/inbound';
import type { SyncMember, TaskForSync } from '@/lib/integrations/contract/task-sync';
import { type ExternalTaskMapping, externalTaskMappings, tasks, taskSyncEvents } from '../schema';

/** A task already linked to an item, as read before a page is planned. */
export type ExistingLink = {
  taskId: string;
  snapshot: Record<string, unknown>;
  externalUpdatedAt: Date | null;
  syncEnabled: boolean;
  task: TaskForSync & { updatedAt: Date; milestoneId: string | null };
  /** The provider milestones mapped to the task's milestone (usually one). */
  milestoneExternalIds?: string[];
};

type LinkRow = {
  external_id: string; task_id: string; snapshot: Record<string, unknown>; external_updated_at: string | null;
  sync_enabled: boolean; title: string; description: string; status: TaskForSync['status']; priority: TaskForSync['priority'];
  labels: string[]; assignee_ids: string[]; external_assignees: string[]; due_date: string | null; updated_at: string;
  milestone_id: string | null; milestone_ext: string[] | null;
};

/**
 * Everything a page needs before it is planned, in one statement: the links (with their
 * tasks and the provider ids of their milestones) of these items, and the project's members.
 */
export async function readLinks(
  db: DbOrTx,
  input: { integrationId: string; projectId: string; externalIds: string[] },
): Promise<{ links: Map<string, ExistingLink>; members: SyncMember[] }> {
  const result = await db.execute<{ links: LinkRow[] | null; members: SyncMember[] | null }>(sql`
    select
      (select json_agg(json_build_object(
          'external_id', m.external_id, 'task_id', m.task_id, 'snapshot', m.snapshot,
          'external_updated_at', m.external_updated_at, 'sync_enabled', m.sync_enabled,
          'title', t.title, 'description', t.description, 'status', t.status, 'priority', t.priority, 'labels', t.labels,
          'assignee_ids', t.assignee_ids, 'external_assignees', t.external_assignees, 'due_date', t.due_date,
          'updated_at', t.updated_at, 'milestone_id', t.milestone_id,
          'milestone_ext', (select json_agg(e.external_id order by e.external_id) from external_milestone_mappings e
            where e.integration_id = m.integration_id and e.milestone_id = t.milestone_id)))
        from external_task_mappings m join tasks t on t.id = m.task_id
        where m.integration_id = ${input.integrationId}
          and m.external_id in (select jsonb_array_elements_text(${JSON.stringify(input.externalIds)}::jsonb))) as links,
      (select json_agg(json_build_object('id', u.id, 'name', u.name, 'email', u.email))
        from project_members pm join users u on u.id = pm.user_id
        where pm.project_id = ${input.projectId}) as members`);
  const row = result.rows[0];
  const links = new Map<string, ExistingLink>();
  for (const r of row?.links ?? []) {
    links.set(r.external_id, {
      taskId: r.task_id,
      snapshot: r.snapshot,
      externalUpdatedAt: r.external_updated_at ? new Date(r.external_updated_at) : null,
      syncEnabled: r.sync_enabled,
      task: {
        title: r.title, description: r.description, status: r.status, priority: r.priority, labels: r.labels,
        assigneeIds: r.assignee_ids, externalAssignees: r.external_assignees, dueDate: r.due_date,
        updatedAt: new Date(r.updated_at), milestoneId: r.milestone_id,
      },
      milestoneExternalIds: r.milestone_ext ?? [],
    });
  }
  return { links, members: row?.members ?? [] };
}

/** The task linked to an item of the integration, by the item's id or its key. */
export async function findLinkedTask(db: DbOrTx, integrationId: string, ref: { externalId: string } | { externalKey: string }): Promise<string | null> {
  const which = 'externalId' in ref ? eq(externalTaskMappings.externalId, ref.externalId) : eq(externalTaskMappings.externalKey, ref.externalKey);
  const [m] = await db
    .select({ taskId: externalTaskMappings.taskId })
    .from(externalTaskMappings)
    .where(and(eq(externalTaskMappings.integrationId, integrationId), which));
  return m?.taskId ?? null;
}

/** A timeline entry from the provider's side, once per externalEventId; returns the rows written (0 or 1). */
export async function recordTimelineEntry(db: DbOrTx, integrationId: string, entry: TimelineEntry): Promise<number> {
  const rows = await db.insert(taskSyncEvents).values({ ...entry, integrationId }).onConflictDoNothing().returning({ id: taskSyncEvents.id });
  return rows.length;
}

/** The task's link to this integration, if any (only a syncing one when asked). */
export async function findTaskLink(db: DbOrTx, integrationId: string, taskId: string, syncingOnly = false): Promise<ExternalTaskMapping | undefined> {
  const [link] = await db
    .select()
    .from(externalTaskMappings)
    .where(and(
      eq(externalTaskMappings.taskId, taskId), eq(externalTaskMappings.integrationId, integrationId),
      ...(syncingOnly ? [eq(externalTaskMappings.syncEnabled, true)] : []),
    ));
  return link;
}

/** How many of the integration's links still sync. */
export async function countLinked(db: DbOrTx, integrationId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(externalTaskMappings)
    .where(and(eq(externalTaskMappings.integrationId, integrationId), eq(externalTaskMappings.syncEnabled, true)));
  return Number(row?.n ?? 0);
}

/** The integrations the task still syncs with, but `excludeIntegrationId` (the one a change came from). */
export async function listSyncingIntegrationIds(db: DbOrTx, taskId: string, excludeIntegrationId?: string | null): Promise<string[]> {
  const rows = await db
    .select({ integrationId: externalTaskMappings.integrationId })
    .from(externalTaskMappings)
    .where(and(
      eq(externalTaskMappings.taskId, taskId), eq(externalTaskMappings.syncEnabled, true),
      ...(excludeIntegrationId ? [ne(externalTaskMappings.integrationId, excludeIntegrationId)] : []),
    ));
  return rows.map((r) => r.integrationId);
}

/** Linked tasks changed after their link's last sync: edits a push has not delivered yet. */
export async function listTasksWithUnsentEdits(db: DbOrTx, integrationId: string, limit: number): Promise<string[]> {
  const rows = await db
    .select({ taskId: externalTaskMappings.taskId })
    .from(externalTaskMappings)
    .innerJoin(tasks, eq(tasks.id, externalTaskMappings.taskId))
    .where(
      and(
        eq(externalTaskMappings.integrationId, integrationId),
        eq(externalTaskMappings.syncEnabled, true),
        or(isNull(externalTaskMappings.lastSyncedAt), gt(tasks.updatedAt, externalTaskMappings.lastSyncedAt)),
      ),
    )
    .limit(limit);
  return rows.map((r) => r.taskId);
}

type NewLink = Pick<typeof externalTaskMappings.$inferInsert,
  'taskId' | 'integrationId' | 'externalId' | 'externalKey' | 'externalUrl' | 'externalUpdatedAt' | 'snapshot' | 'lastSyncedAt'>;

/** Links a task to an item; false when the task or the item was linked meanwhile (nothing written). */
export async function insertTaskLink(db: DbOrTx, link: NewLink): Promise<boolean> {
  const inserted = await db.insert(externalTaskMappings).values(link).onConflictDoNothing().returning({ id: externalTaskMappings.id });
  return inserted.length > 0;
}

/**
 * After a write to the item: merges what was written into the stored snapshot (not the one read
 * before the write: a webhook may have moved it meanwhile) and, when given, stamps the item's
 * updated-at as the link's.
 */
export async function recordLinkWrite(
  db: DbOrTx,
  link: { integrationId: string; taskId: string },
  written: Record<string, unknown>,
  externalUpdatedAt: Date | null,
): Promise<void> {
  await db
    .update(externalTaskMappings)
    .set({
      snapshot: sql`${externalTaskMappings.snapshot} || ${JSON.stringify(written)}::jsonb`,
      ...(externalUpdatedAt ? { externalUpdatedAt } : {}),
      lastSyncedAt: new Date(),
      updatedAt: new Date(),
    })
    .where(and(eq(externalTaskMappings.integrationId, link.integrationId), eq(externalTaskMappings.taskId, link.taskId)));
}

/**
 * Stops a syncing link (by the item's id or the task) and says why, on the link's snapshot and
 * on the task's timeline. Null when no syncing link matched.
 */
export async function unlinkTaskLink(
  db: DbOrTx,
  integrationId: string,
  link: { externalId: string } | { taskId: string },
  why: string,
): Promise<{ taskId: string; key: string | null } | null> {
  const which = 'externalId' in link ? eq(externalTaskMappings.externalId, link.externalId) : eq(externalTaskMappings.taskId, link.taskId);
  const [m] = await db
    .update(externalTaskMappings)
    .set({ syncEnabled: false, snapshot: sql`${externalTaskMappings.snapshot} || ${JSON.stringify({ unlinked: why })}::jsonb`, updatedAt: new Date() })
    .where(and(eq(externalTaskMappings.integrationId, integrationId), which, eq(externalTaskMappings.syncEnabled, true)))
    .returning({ taskId: externalTaskMappings.taskId, key: externalTaskMappings.externalKey });
  if (!m) return null;
  await db.insert(taskSyncEvents).values({ taskId: m.taskId, integrationId, kind: 'unlinked', summary: `Unlinked: ${m.key} was ${why}` });
  return m;
}
