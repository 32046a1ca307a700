import type { Db } from '@/db/client';
import { getIntegrationById, type IntegrationWithProvider } from '@/db/queries/integrations';
import { loadConnection } from '@/lib/integrations/connection';
import { hasCapability } from '@/lib/integrations/registry';
import type { IntegrationConnection } from '@/lib/integrations/types';
import { ReconnectNeededError, SyncPausedError } from '@/lib/integrations/kit/errors';
import { SafetyTripError } from './engine/breaker';
import { type SafetyCheck, syncTaskPage } from './engine/sync-page';
import { saveQuota } from '@/db/queries/sync-runs';

/** What one page step tells its loop (JSON-safe: Inngest memoises step results). */
export type PageStepOutcome =
  | { kind: 'page'; cursor: Record<string, unknown>; done: boolean; notModified: boolean; closes: number }
  | { kind: 'paused'; resumeAt: string; reason: string }
  | { kind: 'failed'; error: string; reconnect: boolean }
  /** The circuit breaker tripped before the page was written. */
  | { kind: 'held'; closes: number; linked: number; threshold: number };

export type LoadedIntegration = { integration: IntegrationWithProvider; connection: IntegrationConnection };

export async function loadForSync(db: Db, integrationId: string): Promise<LoadedIntegration | null> {
  const integration = await getIntegrationById(db, integrationId);
  if (!integration || !integration.isActive) return null;
  return { integration, connection: await loadConnection(integration) };
}

/**
 * Syncs one page: the unit both loops checkpoint on (an Inngest step, or an iteration of
 * the in-process runSync). A rate limit or a refused token is an outcome, not a throw;
 * anything else throws so the step is retried.
 */
export async function syncPageStep(
  db: Db,
  loaded: LoadedIntegration,
  runId: string,
  cursor: Record<string, unknown> | null,
  safety?: SafetyCheck,
): Promise<PageStepOutcome> {
  if (!hasCapability(loaded.integration.provider.providerType, 'taskSync')) {
    return { kind: 'failed', error: `${loaded.integration.provider.name} has no sync`, reconnect: false };
  }
  try {
    const page = await syncTaskPage({ db, ...loaded, runId, cursor }, safety);
    // The quota is stored at the end and when it runs low, not on every page (one write less per page).
    if (page.done || (page.quota?.remaining ?? Infinity) < 500) await saveQuota(db, loaded.integration.id, page.quota);
    return { kind: 'page', cursor: page.cursor, done: page.done, notModified: Boolean(page.notModified), closes: page.closes };
  } catch (err) {
    if (err instanceof SafetyTripError) return { kind: 'held', closes: err.closes, linked: err.linked, threshold: err.threshold };
    if (err instanceof SyncPausedError) return { kind: 'paused', resumeAt: err.resumeAt.toISOString(), reason: err.reason };
    if (err instanceof ReconnectNeededError) return { kind: 'failed', error: err.message, reconnect: true };
    throw err;
  }
}
