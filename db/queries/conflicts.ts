import { and, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { projectIntegrations, syncConflicts, tasks } from '../schema';

export type HeldConflict = { taskId: string; field: string; base: unknown; appValue: unknown; providerValue: unknown };

/** Opens (or refreshes: a later divergence updates the open row) one inbox entry per held field. */
export async function recordHeldConflicts(db: DbOrTx, integrationId: string, held: HeldConflict[]) {
  if (held.length === 0) return;
  const rows = held.map((h) => ({
    task_id: h.taskId, field: h.field, base: h.base ?? null, app_value: h.appValue ?? null, provider_value: h.providerValue ?? null,
  }));
  await db.execute(sql`
    insert into sync_conflicts (integration_id, task_id, field, base, app_value, provider_value)
    select ${integrationId}, task_id, field, base, app_value, provider_value
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(task_id uuid, field text, base jsonb, app_value jsonb, provider_value jsonb)
    on conflict (integration_id, task_id, field) where status = 'open' do update set
      base = excluded.base, app_value = excluded.app_value, provider_value = excluded.provider_value, updated_at = now()`);
}

export type ConflictRow = {
  id: string; integrationId: string; integrationName: string | null; taskId: string; taskTitle: string; field: string;
  base: unknown; appValue: unknown; providerValue: unknown; status: 'open' | 'resolved'; chosen: string | null;
  resolvedValue: unknown; resolvedBy: string | null; resolvedAt: Date | null; updatedAt: Date;
};

/** A project's conflicts, newest first: open ones, or the resolved history (the latest `limit`). */
export async function listConflicts(db: DbOrTx, projectId: string, status: 'open' | 'resolved', limit = 100): Promise<ConflictRow[]> {
  return db
    .select({
      id: syncConflicts.id, integrationId: syncConflicts.integrationId, integrationName: sql<string>`coalesce(${projectIntegrations.externalName}, ${projectIntegrations.externalId}, '')`,
      taskId: syncConflicts.taskId, taskTitle: tasks.title, field: syncConflicts.field, base: syncConflicts.base,
      appValue: syncConflicts.appValue, providerValue: syncConflicts.providerValue, status: syncConflicts.status,
      chosen: syncConflicts.chosen, resolvedValue: syncConflicts.resolvedValue, resolvedBy: syncConflicts.resolvedBy,
      resolvedAt: syncConflicts.resolvedAt, updatedAt: syncConflicts.updatedAt,
    })
    .from(syncConflicts)
    .innerJoin(projectIntegrations, eq(projectIntegrations.id, syncConflicts.integrationId))
    .innerJoin(tasks, eq(tasks.id, syncConflicts.taskId))
    .where(and(eq(projectIntegrations.projectId, projectId), eq(syncConflicts.status, status)))
    .orderBy(desc(status === 'open' ? syncConflicts.updatedAt : syncConflicts.resolvedAt))
    .limit(limit);
}

/** One open conflict of the project (tenant check), or undefined. */
export async function getOpenConflict(db: DbOrTx, projectId: string, conflictId: string) {
  const [row] = await db
    .select({ conflict: syncConflicts })
    .from(syncConflicts)
    .innerJoin(projectIntegrations, eq(projectIntegrations.id, syncConflicts.integrationId))
    .where(and(eq(syncConflicts.id, conflictId), eq(projectIntegrations.projectId, projectId), eq(syncConflicts.status, 'open')));
  return row?.conflict;
}

export async function markConflictResolved(db: DbOrTx, id: string, r: { chosen: string; value: unknown; userId: string }) {
  await db
    .update(syncConflicts)
    .set({ status: 'resolved', chosen: r.chosen, resolvedValue: r.value ?? null, resolvedBy: r.userId, resolvedAt: new Date(), updatedAt: new Date() })
    .where(and(eq(syncConflicts.id, id), eq(syncConflicts.status, 'open')));
}

/**
 * The sync settled these tasks' fields itself (the sides agree again, or one side went back to
 * the base): their open rows that are not held any more close as resolved by the sync.
 */
export async function closeSettledConflicts(db: DbOrTx, integrationId: string, items: { taskId: string; held: string[] }[]) {
  if (items.length === 0) return;
  const rows = items.map((i) => ({ task_id: i.taskId, held: i.held }));
  await db.execute(sql`
    update sync_conflicts c set status = 'resolved', chosen = 'sync', resolved_at = now(), updated_at = now()
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(task_id uuid, held text[])
    where c.integration_id = ${integrationId} and c.status = 'open' and c.task_id = x.task_id and not (c.field = any(x.held))`);
}
