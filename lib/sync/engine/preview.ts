import type { DbOrTx } from '@/db/client';
import type { IntegrationWithProvider } from '@/db/queries/integrations';
import type { IntegrationConnection } from '@/lib/integrations/types';
import { countLinked } from '@/db/queries/task-links';
import { planKind } from './plan-kind';
import { planTaskPage } from './sync-page';
import { engineTarget } from './target';

const SAMPLE = 5;
const MAX_PAGES = 2000;

export type PreviewItem = { key: string; title: string };
export type PreviewUpdate = PreviewItem & { changes: { field: string; from: unknown; to: unknown }[] };

/** What the next sync would do, counted from the same per-item plans the sync writes. */
export type SyncPreview = {
  creates: number;
  updates: number;
  closes: number;
  unlinks: number;
  conflicts: number;
  /** Fields the sync would send to the provider (items). */
  pushes: number;
  linked: number;
  samples: { creates: PreviewItem[]; updates: PreviewUpdate[]; closes: PreviewItem[]; unlinks: PreviewItem[] };
};

/**
 * "Preview sync": runs only the planning of every page from the saved cursor (the provider's
 * pull and a read of the links) and counts the plans, each item once. Nothing is written, not even the cursor.
 */
export async function previewSync(db: DbOrTx, integration: IntegrationWithProvider, connection?: IntegrationConnection): Promise<SyncPreview> {
  const t = await engineTarget(db, integration, connection);
  if (!t) throw new Error(`${integration.provider.name} has no task sync`);
  const out: SyncPreview = {
    creates: 0, updates: 0, closes: 0, unlinks: 0, conflicts: 0, pushes: 0, linked: await countLinked(db, t.integrationId),
    samples: { creates: [], updates: [], closes: [], unlinks: [] },
  };
  let cursor = integration.syncCursor ?? null;
  // A provider may list an item again on a later page (GitHub re-reads an overlap): the sync skips
  // it then as already written (not newer than its link), so the preview counts each item once.
  const seen = new Set<string>();
  for (let i = 0; i < MAX_PAGES; i++) {
    const { page, plans, links } = await planTaskPage(t, cursor);
    if (page.notModified) break;
    for (const plan of plans) {
      if (seen.has(plan.externalId)) continue;
      seen.add(plan.externalId);
      const before = links.get(plan.externalId)?.task;
      const kind = planKind(plan, before);
      out.conflicts += plan.conflicts.length;
      if (Object.keys(plan.toRemote).length) out.pushes++;
      const item = { key: plan.externalKey, title: plan.task.title };
      if (kind === 'create') {
        out.creates++;
        if (out.samples.creates.length < SAMPLE) out.samples.creates.push(item);
      } else if (kind === 'close') {
        out.closes++;
        if (out.samples.closes.length < SAMPLE) out.samples.closes.push(item);
      } else if (kind === 'update') {
        out.updates++;
        if (out.samples.updates.length < SAMPLE) {
          const changes = (Object.keys(plan.task) as (keyof typeof plan.task)[])
            .filter((f) => before && JSON.stringify(before[f]) !== JSON.stringify(plan.task[f]))
            .map((f) => ({ field: f, from: before?.[f] ?? null, to: plan.task[f] }));
          out.samples.updates.push({ ...item, changes });
        }
      }
    }
    if (page.done) break;
    cursor = page.cursor;
  }
  return out;
}
