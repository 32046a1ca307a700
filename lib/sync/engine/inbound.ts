import type { Db } from '@/db/client';
import type { IntegrationWithProvider } from '@/db/queries/integrations';
import { loadConnection } from '@/lib/integrations/connection';
import { ItemGoneError } from '@/lib/integrations/kit/errors';
import type { InboundContext, InboundItems } from '@/lib/integrations/types';
import { planItem } from './plan-item';
import { pushPlans } from './push-item';
import { findLinkedTask, readLinks, recordTimelineEntry } from '@/db/queries/task-links';
import { type EngineTarget, engineTarget, mapContext } from './target';
import { deletedAt, unlinkItem } from './unlink-item';
import { writePlans } from './write-page';

/** One item from a webhook: the same plan/write/push path as a sync page. */
async function applyItem(t: EngineTarget, item: unknown, opts: { isRemoved?: () => Promise<boolean> } = {}, trigger?: Record<string, unknown>) {
  const { externalId } = t.cap.identify(item, t.scope);
  const options = t.cap.options(t.settings);
  const { links, members } = await readLinks(t.db, { integrationId: t.integrationId, projectId: t.projectId, externalIds: [externalId] });
  const existing = links.get(externalId);
  if (!existing && options.accepts && !options.accepts(item)) return { skipped: 'import filter' };
  if (!existing && opts.isRemoved && (await opts.isRemoved())) return { skipped: `${t.cap.itemNoun} was deleted or moved` };
  const map = mapContext(t, members);
  const ctx = { map, policy: options.conflictPolicy, scope: t.scope };
  let plan = planItem(t.cap, item, existing, ctx);
  if (!plan) return { unchanged: true };
  if (existing && Object.keys(plan.toRemote).length) {
    // A payload can be older than the item: merged against it, a local edit would overwrite a
    // newer edit made at the provider since (the model test found it: seed 1151337198). Before
    // writing to the provider, merge against the item as it is now, as a push does.
    let fresh: unknown;
    try {
      fresh = await t.cap.fetch(await t.connect(), { externalId: plan.externalId, externalKey: plan.externalKey });
    } catch (err) {
      if (!(err instanceof ItemGoneError)) throw err;
      return unlinkItem(t, { externalId }, deletedAt(t));
    }
    plan = planItem(t.cap, fresh, existing, ctx, { evenIfNotNewer: true });
    if (!plan) return { unchanged: true };
  }
  const written = await writePlans(t.db, t, [plan], undefined, trigger);
  if (Object.keys(plan.toRemote).length || plan.conflicts.length) await pushPlans(t, [plan], map);
  return { taskId: plan.taskId, ...written, fields: plan.changedFields, conflicts: plan.conflicts.length };
}

function inboundItems(t: EngineTarget, trigger?: Record<string, unknown>): InboundItems {
  return {
    apply: (item, opts) => applyItem(t, item, opts, trigger),
    unlink: (externalId, why) => unlinkItem(t, { externalId }, why),
    taskOf: (ref) => findLinkedTask(t.db, t.integrationId, ref),
    record: (entry) => recordTimelineEntry(t.db, t.integrationId, entry),
  };
}

/** What a stored delivery's processor receives; `items` for providers with `taskSync`. */
export async function inboundContext(db: Db, integration: IntegrationWithProvider, delivery?: { deliveryId: string }): Promise<InboundContext> {
  let loaded: ReturnType<typeof loadConnection> | null = null;
  const connect = () => (loaded ??= loadConnection(integration));
  const t = await engineTarget(db, integration, connect);
  const trigger = delivery ? { deliveryId: delivery.deliveryId } : undefined;
  return { db, integration, loadConnection: connect, ...(t ? { items: inboundItems(t, trigger) } : {}) };
}
