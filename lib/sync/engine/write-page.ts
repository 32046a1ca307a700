import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { dispatchLocalChange } from '@/lib/changes/dispatch-change';
import type { ItemPlan } from './plan-item';

export type PageCheckpoint = {
  /** Saved in the same statement, so a sync that dies resumes after the last written page. */
  cursor: Record<string, unknown>;
  runId: string;
  fetched: number;
  unchanged: number;
};

/**
 * Writes a page of planned items in ONE statement: milestones, mappings (unique per
 * integration + external id, ON CONFLICT), tasks (only for mappings this statement
 * created, or existing ones that changed), timeline events, the cursor and the run's
 * progress. Concurrent imports of the same issue cannot duplicate it: the mapping insert
 * waits for the other transaction and the loser updates the winner's task instead.
 */
export async function writePlans(
  db: DbOrTx,
  target: { integrationId: string; projectId: string; providerName: string },
  plans: ItemPlan[],
  checkpoint?: PageCheckpoint,
  /** What caused the write, kept on each timeline entry: a sync run (the checkpoint's) or a webhook delivery. */
  trigger?: Record<string, unknown>,
): Promise<{ created: number; updated: number }> {
  const cause = trigger ?? (checkpoint ? { syncRunId: checkpoint.runId } : undefined);
  const milestones = new Map<string, Record<string, unknown>>();
  for (const p of plans) {
    if (p.setsMilestone && p.milestone && !milestones.has(p.milestone.externalId)) {
      const m = p.milestone;
      milestones.set(m.externalId, { external_id: m.externalId, milestone_id: crypto.randomUUID(), title: m.title, description: m.description, due_date: m.dueDate });
    }
  }
  const rows = plans.map((p) => ({
    task_id: p.taskId, external_id: p.externalId, external_key: p.externalKey, external_url: p.externalUrl,
    external_updated_at: p.externalUpdatedAt, snapshot: p.snapshot, write_task: p.writeTask,
    owes_push: Object.keys(p.toRemote).length > 0,
    title: p.task.title, description: p.task.description, status: p.task.status, priority: p.task.priority,
    labels: p.task.labels, due_date: p.task.dueDate,
    assignee_ids: p.task.assigneeIds, external_assignees: p.task.externalAssignees,
    milestone_ext: p.setsMilestone ? (p.milestone?.externalId ?? null) : null,
    milestone_id: p.setsMilestone ? null : p.keepMilestoneId,
  }));
  const events = plans.flatMap((p) =>
    p.isNew ? [] : [
      ...(p.changedFields.length ? [{ task_id: p.taskId, kind: 'updated', summary: `Updated from ${target.providerName}: ${p.changedFields.join(', ')}`, details: { fields: p.changedFields, ...(cause ? { trigger: cause } : {}) } }] : []),
      ...p.conflicts.map((c) => ({
        task_id: p.taskId, kind: 'conflict',
        summary: c.winner === 'held'
          ? `Conflict on ${c.field}: changed on both sides, held for the owner (conflict inbox)`
          : `Conflict on ${c.field}: ${c.winner === 'local' ? 'Taskbridge' : target.providerName} value kept (${c.policy} policy)`,
        details: { ...c, outcome: c.winner === 'held' ? 'held' : 'settled', ...(cause ? { trigger: cause } : {}) },
      })),
    ],
  );
  // Local changes for the fan-out (Slack, calendars, other linked providers), tagged with this
  // integration as their origin so nothing is pushed back to it. Edits always; a new task only
  // when a webhook brought it (an import's thousands of new tasks are not announced one by one).
  const changes = plans.flatMap((p) => {
    if (!p.isNew && p.changedTaskFields.length) {
      const after = Object.fromEntries(p.changedTaskFields.map((f) => [f, (p.task as Record<string, unknown>)[f] ?? null]));
      return [{ task_id: p.taskId, kind: 'task.updated', fields: p.changedTaskFields, after }];
    }
    if (p.isNew && cause && 'deliveryId' in cause) return [{ task_id: p.taskId, kind: 'task.created', fields: [], after: { title: p.task.title } }];
    return [];
  });
  const conflictCount = plans.reduce((n, p) => n + p.conflicts.length, 0);
  const cp: SQL = checkpoint
    ? sql`,
      cursor_saved as (update project_integrations set sync_cursor = ${JSON.stringify(checkpoint.cursor)}::jsonb, updated_at = now()
        where id = ${target.integrationId} returning 1),
      progress as (update sync_runs set pages = pages + 1, heartbeat_at = now(), fetched = fetched + ${checkpoint.fetched},
          unchanged = unchanged + ${checkpoint.unchanged}, conflicts = conflicts + ${conflictCount},
          created = created + (select count(*) from maps where inserted),
          updated = updated + (select count(*) from tasks_written) - (select count(*) from maps where inserted)
        where id = ${checkpoint.runId} returning 1)`
    : sql``;
  const result = await db.execute<{ created: number; updated: number }>(sql`
    with input as (
      select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(
        task_id uuid, external_id text, external_key text, external_url text, external_updated_at timestamptz,
        snapshot jsonb, write_task boolean, owes_push boolean, title text, description text, status task_status,
        priority task_priority, labels text[], due_date date,
        assignee_ids uuid[], external_assignees text[], milestone_ext text, milestone_id uuid)
    ),
    ms_in as (
      -- a milestone of the same name already in the project is reused (names are unique per project)
      select x.external_id, coalesce((select m.id from milestones m where m.project_id = ${target.projectId}
          and lower(m.title) = lower(x.title)), x.milestone_id) as milestone_id, x.title, x.description, x.due_date
      from jsonb_to_recordset(${JSON.stringify([...milestones.values()])}::jsonb)
        as x(external_id text, milestone_id uuid, title text, description text, due_date date)
    ),
    ms_map as (
      insert into external_milestone_mappings (integration_id, external_id, milestone_id)
      select ${target.integrationId}, external_id, milestone_id from ms_in
      on conflict do nothing returning external_id, milestone_id
    ),
    ms_rows as (
      insert into milestones (id, project_id, title, description, due_date)
      select ms_map.milestone_id, ${target.projectId}, ms_in.title, ms_in.description, ms_in.due_date
      from ms_map join ms_in using (external_id) on conflict do nothing returning id
    ),
    maps as (
      insert into external_task_mappings
        (task_id, integration_id, external_id, external_key, external_url, external_updated_at, snapshot, last_synced_at)
      select task_id, ${target.integrationId}, external_id, external_key, external_url, external_updated_at, snapshot,
        case when owes_push then null else now() end
      from input
      on conflict (integration_id, external_id) do update set
        external_key = excluded.external_key, external_url = excluded.external_url,
        external_updated_at = excluded.external_updated_at, snapshot = excluded.snapshot,
        -- a link that still owes the provider a push keeps its last sync time: pushPendingTasks finds
        -- it there (task changed after it) when the push fails or the process dies before it
        last_synced_at = case when excluded.last_synced_at is null then external_task_mappings.last_synced_at else now() end,
        updated_at = now()
      returning task_id, external_id, (xmax = 0) as inserted
    ),
    tasks_written as (
      insert into tasks (id, project_id, title, description, status, priority, labels, due_date, assignee_ids, external_assignees, milestone_id)
      select maps.task_id, ${target.projectId}, i.title, i.description, i.status, i.priority, i.labels, i.due_date,
        i.assignee_ids, i.external_assignees,
        case when i.milestone_ext is null then i.milestone_id else coalesce(
          (select milestone_id from ms_map where ms_map.external_id = i.milestone_ext),
          (select milestone_id from external_milestone_mappings e
            where e.integration_id = ${target.integrationId} and e.external_id = i.milestone_ext)) end
      from maps join input i using (external_id)
      where maps.inserted or i.write_task
      on conflict (id) do update set
        title = excluded.title, description = excluded.description, status = excluded.status, priority = excluded.priority,
        labels = excluded.labels, due_date = excluded.due_date,
        assignee_ids = excluded.assignee_ids, external_assignees = excluded.external_assignees,
        milestone_id = excluded.milestone_id, updated_at = now()
      returning id
    ),
    events as (
      insert into task_sync_events (task_id, integration_id, kind, summary, details)
      select task_id, ${target.integrationId}, kind, summary, details
      from jsonb_to_recordset(${JSON.stringify(events)}::jsonb) as x(task_id uuid, kind task_sync_event_kind, summary text, details jsonb)
      returning 1
    ),
    changes as (
      insert into local_changes (kind, project_id, task_id, fields, after, origin_integration_id)
      select c.kind, ${target.projectId}, c.task_id, c.fields, c.after, ${target.integrationId}
      from jsonb_to_recordset(${JSON.stringify(changes)}::jsonb) as c(task_id uuid, kind text, fields text[], after jsonb)
      where c.task_id in (select id from tasks_written)
      returning id
    )${cp}
    select (select count(*) from maps where inserted)::int as created,
      ((select count(*) from tasks_written) - (select count(*) from maps where inserted))::int as updated,
      (select coalesce(array_agg(id::text), '{}') from changes) as change_ids`);
  const row = result.rows[0] as { created: number; updated: number; change_ids?: string[] } | undefined;
  // Handed to the fan-out now; should this process die first, the sweep sends them (they are pending).
  for (const id of row?.change_ids ?? []) await dispatchLocalChange({ id, projectId: target.projectId });
  return { created: Number(row?.created ?? 0), updated: Number(row?.updated ?? 0) };
}
