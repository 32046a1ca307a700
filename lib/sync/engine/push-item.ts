import { closeSettledConflicts, recordHeldConflicts } from '@/db/queries/conflicts';
import { logAction } from '@/db/queries/integration-logs';
import { recordLinkWrite } from '@/db/queries/task-links';
import { recordTaskSyncEvent } from '@/db/queries/task-timeline';
import { FieldsNotWrittenError, ItemGoneError } from '@/lib/integrations/kit/errors';
import type { FieldMapContext } from '@/lib/integrations/types';
import { faultPoint } from '../fault-points';
import { outgoingMilestone } from './milestones';
import type { ItemPlan } from './plan-item';
import { type EngineTarget, sameValue } from './target';
import { deletedAt, unlinkItem } from './unlink-item';

type Link = { taskId: string; externalId: string; externalKey: string; snapshot: Record<string, unknown> };

/** The fields the echo check compares: the provider's, and the milestone where it has one. */
export function comparedFields(t: EngineTarget): string[] {
  return t.cap.milestones ? [...t.cap.fields, 'milestone'] : [...t.cap.fields];
}

/** The item's values in snapshot terms. */
export function itemSnapshot(t: EngineTarget, item: unknown, map: FieldMapContext): Record<string, unknown> {
  const fields: Record<string, unknown> = t.cap.toFields(item, map);
  return t.cap.milestones ? { ...fields, milestone: t.cap.milestones.of(item)?.externalId ?? null } : fields;
}

/**
 * Writes fields to an item and records the provider's answer as the new base: snapshot = what
 * both sides now hold, external updated-at = the item's after our write. That stamp is what
 * makes the webhook and the next sync see our own write as "not newer" (no echo).
 */
export async function pushFields(t: EngineTarget, link: Link, fields: Record<string, unknown>, map: FieldMapContext): Promise<{ updatedAt: string } | null> {
  const connection = await t.connect();
  const { milestone, ...rest } = fields;
  const written: Record<string, unknown> = { ...rest };
  const patch: Record<string, unknown> = { ...rest };
  if ('milestone' in fields) {
    const ms = await outgoingMilestone(t, connection, milestone);
    written.milestone = ms?.externalId ?? null;
    patch.milestone = ms;
  }
  let item: unknown;
  let refused: FieldsNotWrittenError | null = null;
  try {
    item = await t.cap.write(connection, { externalId: link.externalId, externalKey: link.externalKey }, patch);
  } catch (err) {
    if (err instanceof FieldsNotWrittenError) {
      // The rest was written; the refused fields stay unsent (not in the snapshot), so a later push retries them.
      refused = err;
      item = err.item;
      for (const f of err.fields) delete written[f];
    } else {
      if (!(err instanceof ItemGoneError)) throw err;
      await unlinkItem(t, { taskId: link.taskId }, deletedAt(t));
      return null;
    }
  }
  faultPoint('push.sent');
  const updatedAt = t.cap.identify(item, t.scope).updatedAt;
  const known: Record<string, unknown> = { ...link.snapshot, ...written };
  const answer = itemSnapshot(t, item, map);
  // Someone edited the item between our read and this write: the answer holds their change, and
  // its webhook is older than this answer. Keep the old external updated-at so that webhook (or
  // the next sync) still merges it; otherwise it would be skipped as stale.
  const onlyOurs = comparedFields(t).every((f) => sameValue(answer[f], known[f]));
  await recordLinkWrite(t.db, { integrationId: t.integrationId, taskId: link.taskId }, written, onlyOurs ? new Date(updatedAt) : null);
  const names = Object.keys(written);
  if (refused) await recordRefusal(t, link, refused);
  if (names.length === 0) return { updatedAt };
  await recordTaskSyncEvent(t.db, {
    taskId: link.taskId, integrationId: t.integrationId, kind: 'pushed',
    summary: `Sent to ${t.providerName} ${link.externalKey}: ${names.join(', ')}`, details: { fields: names },
  });
  await logAction(t.db, {
    actionType: 'export', providerId: t.providerRowId, integrationId: t.integrationId,
    description: `[${t.slug}] Updated ${link.externalKey}: ${names.join(', ')}.`, details: { taskId: link.taskId, fields: names },
  });
  return { updatedAt };
}

/** A field the provider could not take (a Jira workflow without the transition): said on the task and in the log. */
export async function recordRefusal(t: EngineTarget, link: { taskId: string; externalKey: string }, err: FieldsNotWrittenError) {
  await recordTaskSyncEvent(t.db, {
    taskId: link.taskId, integrationId: t.integrationId, kind: 'pushed',
    summary: `Not sent to ${t.providerName} ${link.externalKey}: ${err.fields.join(', ')} — ${err.message}`.slice(0, 1000),
    details: { notWritten: err.fields, message: err.message },
  });
  await logAction(t.db, {
    actionType: 'export', status: 'warning', providerId: t.providerRowId, integrationId: t.integrationId,
    description: `[${t.slug}] ${err.message}`.slice(0, 1000), details: { taskId: link.taskId, notWritten: err.fields },
  });
}

/** After a page, a webhook or a read: log conflicts and send what the merge kept from Taskbridge. */
export async function pushPlans(t: EngineTarget, plans: ItemPlan[], map: FieldMapContext) {
  await recordHeldConflicts(t.db, t.integrationId, plans.flatMap((p) =>
    p.conflicts.filter((c) => c.winner === 'held').map((c) => ({ taskId: p.taskId, field: c.field, base: c.base, appValue: c.local, providerValue: c.remote }))));
  if (t.cap.options(t.settings).conflictPolicy === 'ask') {
    await closeSettledConflicts(t.db, t.integrationId, plans.filter((p) => !p.isNew).map((p) => ({
      taskId: p.taskId, held: p.conflicts.filter((c) => c.winner === 'held').map((c) => c.field),
    })));
  }
  for (const plan of plans) {
    if (plan.conflicts.length) {
      await logAction(t.db, {
        actionType: 'sync', status: 'warning', providerId: t.providerRowId, integrationId: t.integrationId,
        description: `[${t.slug}] Conflict on ${plan.externalKey}: ${plan.conflicts
          .map((c) => `${c.field} → ${c.winner === 'held' ? 'held for the owner' : `${c.winner === 'local' ? 'Taskbridge' : t.providerName} kept`}`)
          .join(', ')} (${plan.conflicts[0]!.policy} policy).`,
        details: { taskId: plan.taskId, conflicts: plan.conflicts.map((c) => ({ field: c.field, winner: c.winner, policy: c.policy })) },
      });
    }
    if (Object.keys(plan.toRemote).length === 0) continue;
    await pushFields(t, { taskId: plan.taskId, externalId: plan.externalId, externalKey: plan.externalKey, snapshot: plan.snapshot }, plan.toRemote, map);
  }
}
