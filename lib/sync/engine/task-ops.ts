import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { logAction } from '@/db/queries/integration-logs';
import type { IntegrationWithProvider } from '@/db/queries/integrations';
import { tasks } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { FieldsNotWrittenError, ItemGoneError } from '@/lib/integrations/kit/errors';
import type { IntegrationConnection } from '@/lib/integrations/types';
import { ensureMilestone } from './milestones';
import { planItem } from './plan-item';
import { comparedFields, itemSnapshot, pushPlans, recordRefusal } from './push-item';
import { findTaskLink, insertTaskLink, readLinks } from '@/db/queries/task-links';
import { recordTaskSyncEvent } from '@/db/queries/task-timeline';
import { type EngineTarget, engineTarget, mapContext, sameValue } from './target';
import { deletedAt, unlinkItem } from './unlink-item';
import { writePlans } from './write-page';

/** What export and push receive: one task of the integration's project. */
export type TaskSyncContext = { db: DbOrTx; integration: IntegrationWithProvider; connection: IntegrationConnection; taskId: string };
export type ExportResult = { externalKey: string; externalUrl: string | null; created: boolean };
export type PushResult = { pushed: string[]; pulled: string[]; conflicts: number; unlinked?: boolean };

async function targetOf(ctx: TaskSyncContext): Promise<EngineTarget> {
  const t = await engineTarget(ctx.db, ctx.integration, ctx.connection);
  if (!t) throw new AppError('bad_request', `${ctx.integration.provider.name} cannot sync tasks.`, 'integrationId');
  return t;
}

/** The task, only if it belongs to the integration's project (tenant check), and its link (only a syncing one when asked). */
async function loadTaskLink(t: EngineTarget, taskId: string, syncingOnly: boolean) {
  const [task] = await t.db.select().from(tasks).where(and(eq(tasks.id, taskId), eq(tasks.projectId, t.projectId)));
  if (!task) throw new AppError('not_found', 'Task not found in this project.', 'taskId');
  const link = await findTaskLink(t.db, t.integrationId, task.id, syncingOnly);
  return { task, link };
}

/**
 * Export ("Create GitHub issue", bulk export): creates the item for a task and links them. The
 * snapshot is what the provider now holds and the link's external updated-at is the new item's,
 * so the webhook that follows is recognised as our own write. A linked task returns its link.
 */
export async function exportTask(ctx: TaskSyncContext): Promise<ExportResult> {
  const t = await targetOf(ctx);
  const { task, link: existing } = await loadTaskLink(t, ctx.taskId, false);
  if (existing) return { externalKey: existing.externalKey ?? '', externalUrl: existing.externalUrl, created: false };
  const { members } = await readLinks(t.db, { integrationId: t.integrationId, projectId: t.projectId, externalIds: [] });
  const map = mapContext(t, members);
  const fields: Record<string, unknown> = t.cap.fromTask(task, map);
  const milestone = task.milestoneId && t.cap.milestones?.ensure ? await ensureMilestone(t, ctx.connection, task.milestoneId) : null;
  let created: { item: unknown; createdAt: string };
  let refused: FieldsNotWrittenError | null = null;
  try {
    created = await t.cap.create(ctx.connection, fields, { milestone });
  } catch (err) {
    // Created, but a field could not be set (no workflow transition): link it anyway, say why.
    if (!(err instanceof FieldsNotWrittenError) || !err.createdAt) throw err;
    refused = err;
    created = { item: err.item, createdAt: err.createdAt };
  }
  const { item, createdAt } = created;
  const id = t.cap.identify(item, t.scope);
  const sent: Record<string, unknown> = t.cap.milestones ? { ...fields, milestone: milestone?.externalId ?? null } : { ...fields };
  // What the provider refused is what it holds now: the snapshot says so, and a later push tries again.
  if (refused) for (const f of refused.fields) sent[f] = itemSnapshot(t, item, map)[f];
  // Someone edited the new item before our follow-up write landed: keep the creation time, so that edit's webhook is not stale.
  const answer = itemSnapshot(t, item, map);
  const onlyOurs = comparedFields(t).every((f) => sameValue(answer[f], sent[f]));
  const linked = await insertTaskLink(t.db, {
    taskId: task.id, integrationId: t.integrationId, externalId: id.externalId, externalKey: id.externalKey, externalUrl: id.url,
    externalUpdatedAt: new Date(onlyOurs ? id.updatedAt : createdAt), snapshot: sent, lastSyncedAt: new Date(),
  });
  if (!linked) throw new AppError('conflict', `This task was linked to ${t.providerName} at the same time by someone else.`);
  await recordTaskSyncEvent(t.db, {
    taskId: task.id, integrationId: t.integrationId, kind: 'exported',
    summary: `Created ${t.providerName} ${t.cap.itemNoun} ${id.externalKey}`, details: { url: id.url },
  });
  await logAction(t.db, {
    actionType: 'export', providerId: t.providerRowId, integrationId: t.integrationId,
    description: `[${t.slug}] Created ${id.externalKey} from a task.`, details: { taskId: task.id, url: id.url },
  });
  if (refused) await recordRefusal(t, { taskId: task.id, externalKey: id.externalKey }, refused);
  return { externalKey: id.externalKey, externalUrl: id.url, created: true };
}

/**
 * Push: sends a task's edits to its item. Reads the item (one call), merges per field against
 * the snapshot — provider-only changes come in, Taskbridge-only changes go out, both-changed is
 * settled by the conflict policy and recorded — then writes only what the provider lacks.
 */
export async function pushTask(ctx: TaskSyncContext): Promise<PushResult> {
  const t = await targetOf(ctx);
  const { link: mapping } = await loadTaskLink(t, ctx.taskId, true);
  if (!mapping?.externalKey) return { pushed: [], pulled: [], conflicts: 0 };
  let item: unknown;
  try {
    item = await t.cap.fetch(ctx.connection, { externalId: mapping.externalId, externalKey: mapping.externalKey });
  } catch (err) {
    if (!(err instanceof ItemGoneError)) throw err;
    await unlinkItem(t, { externalId: mapping.externalId }, deletedAt(t));
    return { pushed: [], pulled: [], conflicts: 0, unlinked: true };
  }
  const { links, members } = await readLinks(t.db, { integrationId: t.integrationId, projectId: t.projectId, externalIds: [mapping.externalId] });
  const map = mapContext(t, members);
  const plan = planItem(t.cap, item, links.get(mapping.externalId), { map, policy: t.cap.options(t.settings).conflictPolicy, scope: t.scope }, { evenIfNotNewer: true });
  if (!plan) return { pushed: [], pulled: [], conflicts: 0 };
  await writePlans(t.db, t, [plan]);
  await pushPlans(t, [plan], map);
  return { pushed: Object.keys(plan.toRemote), pulled: plan.changedFields, conflicts: plan.conflicts.length };
}
