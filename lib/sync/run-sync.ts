import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { logAction } from '@/db/queries/integration-logs';
import { getIntegrationById, loadConnection } from '@/db/queries/integrations';
import { projectIntegrations } from '@/db/schema';
import { getProvider } from '@/lib/integrations/registry';

/**
 * Runs one sync of an integration end to end, recording status and a log entry with its
 * duration. Providers without a sync capability are recorded honestly as such.
 * The Inngest sync function and the in-process fallback both call this.
 */
export async function runSync(db: Db, integrationId: string): Promise<void> {
  const integration = await getIntegrationById(db, integrationId);
  if (!integration || !integration.isActive) return;
  const provider = getProvider(integration.provider.providerType);
  const started = Date.now();
  const setStatus = (values: Partial<typeof projectIntegrations.$inferInsert>) =>
    db.update(projectIntegrations).set({ ...values, updatedAt: new Date() }).where(eq(projectIntegrations.id, integrationId));
  if (!provider.sync) {
    await setStatus({ syncStatus: 'idle', lastSyncAt: new Date(), lastSyncError: null });
    await logAction(db, {
      actionType: 'sync',
      status: 'warning',
      providerId: integration.providerId,
      integrationId,
      description: `No sync handler for ${provider.defaults.name} yet: nothing was synced.`,
      durationMs: Date.now() - started,
    });
    return;
  }
  await setStatus({ syncStatus: 'syncing' });
  try {
    const outcome = await provider.sync({
      connection: await loadConnection(integration),
      reportProgress: async (progress) => {
        await setStatus({ syncCursor: { ...(integration.syncCursor ?? {}), progress } });
      },
    });
    await setStatus({ syncStatus: 'success', lastSyncAt: new Date(), lastSyncError: null });
    await logAction(db, {
      actionType: 'sync',
      providerId: integration.providerId,
      integrationId,
      description: outcome.notModified
        ? 'Nothing changed since the last sync.'
        : `Synced: ${outcome.created} created, ${outcome.updated} updated, ${outcome.unchanged} unchanged.`,
      durationMs: Date.now() - started,
      details: { ...outcome },
    });
  } catch (err) {
    const message = err instanceof Error ? err.message : 'sync failed';
    await setStatus({ syncStatus: 'error', lastSyncAt: new Date(), lastSyncError: message });
    await logAction(db, {
      actionType: 'sync',
      status: 'error',
      providerId: integration.providerId,
      integrationId,
      description: `Sync failed: ${message}`,
      durationMs: Date.now() - started,
    });
  }
}
