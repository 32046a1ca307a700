import type { DbOrTx } from '@/db/client';
import { listConfiguredIntegrations } from '@/db/queries/task-timeline';
import { providerWith } from '@/lib/integrations/registry';

/** The project's configured integrations that can create an item from a task ("Create GitHub issue"), with their item noun. */
export async function listExportTargets(db: DbOrTx, projectId: string) {
  const rows = await Promise.all((await listConfiguredIntegrations(db, projectId)).map(async (r) => {
    const provider = await providerWith(r.providerType, 'taskSync');
    return provider ? [{ ...r, itemNoun: provider.taskSync.itemNoun }] : [];
  }));
  return rows.flat();
}
