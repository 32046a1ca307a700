import type { DbOrTx } from '@/db/client';
import type { IntegrationWithProvider } from '@/db/queries/integrations';
import { loadConnection } from '@/lib/integrations/connection';
import type { FieldMapContext, IntegrationConnection, ItemScope, SyncMember, TaskSyncCapability } from '@/lib/integrations/types';
import { providerWith } from '@/lib/integrations/registry';

/** One integration with the `taskSync` capability, as every engine step sees it. */
export type EngineTarget = {
  db: DbOrTx;
  integrationId: string;
  projectId: string;
  /** integration_providers row id, for logs. */
  providerRowId: string;
  /** Provider slug, for log prefixes ("[github]"). */
  slug: string;
  /** "GitHub": timeline and log wording. */
  providerName: string;
  settings: Record<string, unknown>;
  /** The integration's external id (repo, project key): the scope of its items' keys. */
  scope: ItemScope;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  cap: TaskSyncCapability<any, any>;
  /** The connection, loaded on first use (a webhook that needs no push never decrypts the token). */
  connect: () => Promise<IntegrationConnection>;
};

/** The engine's view of an integration; null when its provider has no `taskSync`. */
export async function engineTarget(
  db: DbOrTx,
  integration: IntegrationWithProvider,
  connection?: IntegrationConnection | (() => Promise<IntegrationConnection>),
): Promise<EngineTarget | null> {
  const provider = await providerWith(integration.provider.providerType, 'taskSync');
  if (!provider) return null;
  let loaded: Promise<IntegrationConnection> | null = null;
  const connect =
    typeof connection === 'function' ? connection
    : connection ? async () => connection
    : () => (loaded ??= loadConnection(integration));
  return {
    db, integrationId: integration.id, projectId: integration.projectId, providerRowId: integration.providerId,
    slug: provider.id, providerName: provider.defaults.name, settings: integration.settings ?? {}, scope: { externalId: integration.externalId }, cap: provider.taskSync, connect,
  };
}

export function mapContext(t: EngineTarget, members: SyncMember[]): FieldMapContext {
  return { settings: t.settings, members };
}

export const sameValue = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
