import { and, asc, eq, inArray, lte, or, isNull, sql } from 'drizzle-orm';
import { encryptSecret, randomSecret, type SecretContext } from '@/lib/crypto/secrets';
import type { ProviderType } from '@/lib/integrations/provider-types';
import type { DbOrTx } from '../client';
import { isUniqueViolation } from '../pg-errors';
import { integrationProviders, type ProjectIntegration, projectIntegrations } from '../schema';

export type IntegrationWithProvider = ProjectIntegration & {
  provider: { id: string; providerType: ProviderType; name: string; apiBaseUrl: string };
};

/** Where an integration's secret lives: the associated data its ciphertext is bound to. */
export function integrationSecret(
  integrationId: string,
  column: 'access_token' | 'refresh_token' | 'webhook_secret',
): SecretContext {
  return { table: 'project_integrations', column, rowId: integrationId };
}

const providerColumns = {
  id: integrationProviders.id,
  providerType: integrationProviders.providerType,
  name: integrationProviders.name,
  apiBaseUrl: integrationProviders.apiBaseUrl,
};

/** An integration of a project; the project id is always in the where (tenant scoping). */
export async function getProjectIntegration(
  db: DbOrTx,
  projectId: string,
  integrationId: string,
): Promise<IntegrationWithProvider | undefined> {
  const [row] = await db
    .select({ integration: projectIntegrations, provider: providerColumns })
    .from(projectIntegrations)
    .innerJoin(integrationProviders, eq(integrationProviders.id, projectIntegrations.providerId))
    .where(and(eq(projectIntegrations.id, integrationId), eq(projectIntegrations.projectId, projectId)));
  return row && { ...row.integration, provider: row.provider };
}

/** For jobs and webhooks, which know the integration id only (from a URL or an event). */
export async function getIntegrationById(db: DbOrTx, integrationId: string): Promise<IntegrationWithProvider | undefined> {
  const [row] = await db
    .select({ integration: projectIntegrations, provider: providerColumns })
    .from(projectIntegrations)
    .innerJoin(integrationProviders, eq(integrationProviders.id, projectIntegrations.providerId))
    .where(eq(projectIntegrations.id, integrationId));
  return row && { ...row.integration, provider: row.provider };
}

export async function listProjectIntegrations(db: DbOrTx, projectId: string): Promise<IntegrationWithProvider[]> {
  const rows = await db
    .select({ integration: projectIntegrations, provider: providerColumns })
    .from(projectIntegrations)
    .innerJoin(integrationProviders, eq(integrationProviders.id, projectIntegrations.providerId))
    .where(eq(projectIntegrations.projectId, projectId))
    .orderBy(asc(projectIntegrations.createdAt));
  return rows.map((r) => ({ ...r.integration, provider: r.provider }));
}

/**
 * A new integration with its own webhook secret (encrypted). `id` is chosen by the caller when
 * other ciphertexts (a token) are bound to it already; `config` is what the owner entered on
 * the set-up page, written in the same statement (a duplicate external id inserts nothing).
 */
export async function createIntegration(
  db: DbOrTx,
  input: {
    id?: string;
    projectId: string;
    providerRowId: string;
    createdBy: string;
    settings: Record<string, unknown>;
    config?: IntegrationConfigUpdate;
  },
): Promise<ProjectIntegration> {
  const id = input.id ?? crypto.randomUUID(); // chosen before the insert: the webhook secret's ciphertext is bound to it
  const [row] = await db
    .insert(projectIntegrations)
    .values({
      ...input.config,
      id,
      projectId: input.projectId,
      providerId: input.providerRowId,
      createdBy: input.createdBy,
      settings: input.config?.settings ?? input.settings,
      webhookSecret: await encryptSecret(randomSecret(), integrationSecret(id, 'webhook_secret')),
    })
    .returning();
  return row!;
}

export type IntegrationConfigUpdate = Partial<
  Pick<
    typeof projectIntegrations.$inferInsert,
    | 'externalId' | 'externalName' | 'accessToken' | 'accessTokenHint' | 'refreshToken' | 'tokenExpiresAt'
    | 'settings' | 'syncEnabled' | 'syncIntervalSeconds' | 'syncCursor' | 'connectionStatus' | 'connectionError'
    | 'authMethod' | 'grantedScopes' | 'oauthAccount'
  >
>;

/** The owner's configuration save; a second integration on the same external id is reported, not thrown. */
export async function updateIntegrationConfig(
  db: DbOrTx,
  projectId: string,
  integrationId: string,
  values: IntegrationConfigUpdate,
): Promise<{ ok: true; integration: ProjectIntegration } | { ok: false; reason: 'duplicate' | 'not_found' }> {
  try {
    const [row] = await db
      .update(projectIntegrations)
      .set({ ...values, updatedAt: new Date() })
      .where(and(eq(projectIntegrations.id, integrationId), eq(projectIntegrations.projectId, projectId)))
      .returning();
    return row ? { ok: true, integration: row } : { ok: false, reason: 'not_found' };
  } catch (err) {
    if (isUniqueViolation(err)) return { ok: false, reason: 'duplicate' };
    throw err;
  }
}

/** Stores the outcome of a connection test (status, external name, user-safe error). */
export async function recordConnectionStatus(
  db: DbOrTx,
  integrationId: string,
  values: Pick<ProjectIntegration, 'connectionStatus' | 'connectionError'> & { externalName?: string | null },
): Promise<void> {
  await db
    .update(projectIntegrations)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(projectIntegrations.id, integrationId));
}

/** Replaces the webhook secret (rotation, or a provider-issued one such as Slack's signing secret). */
export async function setWebhookSecret(db: DbOrTx, projectId: string, integrationId: string, plaintext: string): Promise<boolean> {
  const rows = await db
    .update(projectIntegrations)
    .set({ webhookSecret: await encryptSecret(plaintext, integrationSecret(integrationId, 'webhook_secret')), webhookConfirmedAt: null, updatedAt: new Date() })
    .where(and(eq(projectIntegrations.id, integrationId), eq(projectIntegrations.projectId, projectId)))
    .returning({ id: projectIntegrations.id });
  return rows.length > 0;
}

/** Deletes an integration; FK cascades remove its task mappings, deliveries and logs. */
export async function deleteProjectIntegration(db: DbOrTx, projectId: string, integrationId: string): Promise<boolean> {
  const rows = await db
    .delete(projectIntegrations)
    .where(and(eq(projectIntegrations.id, integrationId), eq(projectIntegrations.projectId, projectId)))
    .returning({ id: projectIntegrations.id });
  return rows.length > 0;
}

/** The seed's needs_sync: enabled, active, not already running, and last sync + interval ≤ now. */
export function integrationNeedsSync(i: ProjectIntegration, now: Date = new Date()): boolean {
  if (!i.isActive || !i.syncEnabled || i.syncStatus === 'syncing' || i.syncStatus === 'queued') return false;
  if (i.connectionStatus === 'reconnect_needed') return false; // paused until the owner reconnects
  if (!i.lastSyncAt) return true;
  return i.lastSyncAt.getTime() + i.syncIntervalSeconds * 1000 <= now.getTime();
}

/** The seed's is_token_valid: a token is stored and not expired (with a minute of slack). */
export function integrationTokenValid(i: ProjectIntegration, now: Date = new Date()): boolean {
  if (!i.accessToken || i.connectionStatus === 'reconnect_needed') return false;
  return !i.tokenExpiresAt || i.tokenExpiresAt.getTime() - 60_000 > now.getTime();
}

export async function needsSync(db: DbOrTx, integrationId: string, now: Date = new Date()): Promise<boolean> {
  const i = await getIntegrationById(db, integrationId);
  return Boolean(i && integrationNeedsSync(i, now));
}

export async function isTokenValid(db: DbOrTx, integrationId: string, now: Date = new Date()): Promise<boolean> {
  const i = await getIntegrationById(db, integrationId);
  return Boolean(i && integrationTokenValid(i, now));
}

/**
 * Integrations due for a scheduled sync, in SQL (the cron's fan-out). Only providers that can
 * sync: a provider without sync would be "due" every minute, since a run that does nothing
 * leaves "Last sync" unset.
 */
export async function listIntegrationsNeedingSync(db: DbOrTx, syncing: ProviderType[], now: Date = new Date(), limit = 500) {
  if (syncing.length === 0) return [];
  return db
    .select({ id: projectIntegrations.id })
    .from(projectIntegrations)
    .innerJoin(integrationProviders, eq(integrationProviders.id, projectIntegrations.providerId))
    .where(
      and(
        inArray(integrationProviders.providerType, syncing),
        eq(projectIntegrations.isActive, true),
        eq(projectIntegrations.syncEnabled, true),
        sql`${projectIntegrations.syncStatus} not in ('syncing', 'queued')`,
        sql`${projectIntegrations.connectionStatus} <> 'reconnect_needed'`, // paused until the owner reconnects
        or(
          isNull(projectIntegrations.lastSyncAt),
          lte(
            sql`${projectIntegrations.lastSyncAt} + make_interval(secs => ${projectIntegrations.syncIntervalSeconds})`,
            now,
          ),
        ),
      ),
    )
    .limit(limit);
}
