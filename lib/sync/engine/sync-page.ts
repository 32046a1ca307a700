import type { SyncContext, SyncPageResult } from '@/lib/integrations/types';
import type { ExistingLink } from '@/db/queries/task-links';
import { faultPoint } from '../fault-points';
import { type ItemPlan, planItem } from './plan-item';
import { pushPlans } from './push-item';
import { countLinked, readLinks } from '@/db/queries/task-links';
import { type EngineTarget, engineTarget, mapContext } from './target';
import { SafetyTripError, safetyThreshold } from './breaker';
import { planKind } from './plan-kind';
import { writePlans } from './write-page';

const NOTHING = { pages: 0, fetched: 0, created: 0, updated: 0, unchanged: 0 };

/** The circuit breaker's state for this page: closes the run already wrote, and a confirmed hold's one-time bypass. */
export type SafetyCheck = { closedSoFar: number; bypass: boolean };

/** One pulled page and what each of its items would do: read-only (the provider's pull and a read of the links). */
export type PlannedPage = {
  page: Awaited<ReturnType<EngineTarget['cap']['pull']>>;
  plans: ItemPlan[];
  /** The links the plans were made against (the tasks before the write). */
  links: Map<string, ExistingLink>;
  map: ReturnType<typeof mapContext>;
  fetched: number;
};

/**
 * The planning half of a sync page, shared by the real sync and the preview (and the safety
 * check), so they cannot disagree: pull the items changed since the cursor and plan each
 * against its link. Writes nothing.
 */
export async function planTaskPage(t: EngineTarget, cursor: Record<string, unknown> | null): Promise<PlannedPage> {
  const connection = await t.connect();
  const page = await t.cap.pull(connection, cursor);
  if (page.notModified) return { page, plans: [], links: new Map(), map: mapContext(t, []), fetched: 0 };
  const options = t.cap.options(t.settings);
  const wanted = options.accepts ? page.items.filter(options.accepts) : page.items;
  const { links, members } = await readLinks(t.db, {
    integrationId: t.integrationId, projectId: t.projectId, externalIds: wanted.map((i) => t.cap.identify(i, t.scope).externalId),
  });
  const map = mapContext(t, members);
  const plans = wanted.map((i) => planItem(t.cap, i, links.get(t.cap.identify(i, t.scope).externalId), { map, policy: options.conflictPolicy, scope: t.scope })).filter((p) => p !== null);
  return { page, plans, links, map, fetched: page.items.length };
}

/**
 * One page of a sync: plan it (planTaskPage), write the page (tasks, links, milestones,
 * timeline, cursor, progress) in one statement, then push back what the merge kept from
 * Taskbridge. Throws SyncPausedError / ReconnectNeededError from the provider; the caller
 * loops until `done`.
 */
export async function syncTaskPage(ctx: SyncContext, safety?: SafetyCheck): Promise<SyncPageResult & { closes: number }> {
  const t = await engineTarget(ctx.db, ctx.integration, ctx.connection);
  if (!t) throw new Error(`${ctx.integration.provider.name} has no task sync`);
  const { page, plans, links, map, fetched } = await planTaskPage(t, ctx.cursor);
  if (page.notModified) return { cursor: page.cursor, done: true, notModified: true, progress: NOTHING, quota: page.quota ?? null, closes: 0 };
  const closes = plans.filter((p) => planKind(p, links.get(p.externalId)?.task) === 'close').length;
  if (safety && !safety.bypass && closes > 0) {
    // The circuit breaker: checked on the plans, before this page writes anything.
    const linked = await countLinked(ctx.db, t.integrationId);
    const threshold = safetyThreshold(t.settings, linked);
    if (safety.closedSoFar + closes > threshold) throw new SafetyTripError(safety.closedSoFar + closes, linked, threshold);
  }
  const written = await writePlans(ctx.db, t, plans, { cursor: page.cursor, runId: ctx.runId, fetched, unchanged: fetched - plans.length });
  faultPoint('sync.page-written');
  await pushPlans(t, plans, map);
  return {
    cursor: page.cursor,
    done: page.done,
    progress: { pages: 1, fetched, created: written.created, updated: written.updated, unchanged: fetched - plans.length },
    quota: page.quota ?? null,
    closes,
  };
}
