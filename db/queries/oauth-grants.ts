import { and, eq, isNotNull, lte, ne, sql } from 'drizzle-orm';
import type { ProviderType } from '@/lib/integrations/provider-types';
import type { Db, DbOrTx } from '../client';
import { integrationProviders, type ProjectIntegration, projectIntegrations } from '../schema';

/**
 * An OAuth grant's columns on project_integrations: writing a grant (connect, refresh), the
 * lock-and-rotate of a refresh, clearing it (disconnect), and "reconnect needed".
 */
export type GrantColumns = Partial<
  Pick<
    typeof projectIntegrations.$inferInsert,
    | 'authMethod' | 'accessToken' | 'accessTokenHint' | 'refreshToken' | 'tokenExpiresAt' | 'tokenRefreshedAt'
    | 'grantedScopes' | 'oauthAccount' | 'connectionStatus' | 'connectionError' | 'updatedAt'
  >
>;

/** Writes a grant's columns (already encrypted by the caller); nothing else on the row changes. */
export async function writeGrant(db: DbOrTx, integrationId: string, values: GrantColumns): Promise<void> {
  await db.update(projectIntegrations).set(values).where(eq(projectIntegrations.id, integrationId));
}

/** Disconnect: the credential and grant facts go; mappings, cursors and settings stay. */
export async function clearGrant(db: DbOrTx, integrationId: string): Promise<void> {
  await writeGrant(db, integrationId, {
    accessToken: null,
    accessTokenHint: null,
    refreshToken: null,
    tokenExpiresAt: null,
    tokenRefreshedAt: null,
    grantedScopes: null,
    oauthAccount: null,
    authMethod: 'token',
    connectionStatus: 'not_configured',
    connectionError: null,
    updatedAt: new Date(),
  });
}

export type LockedGrant = { integration: ProjectIntegration; providerType: ProviderType };

/**
 * Lock-and-rotate of one grant. The integration row is locked (SELECT … FOR UPDATE) for as long
 * as `rotate` runs, its token request included, and the columns it returns are written in that
 * same transaction: a second caller waits on the lock, then reads the rotated row, so a rotating
 * refresh token is spent once. `rotate` gets undefined when the integration is gone; a throw
 * rolls back and writes nothing.
 */
export async function rotateGrant<T>(
  db: Db,
  integrationId: string,
  rotate: (locked: LockedGrant | undefined) => Promise<{ result: T; write?: GrantColumns }>,
): Promise<T> {
  return db.transaction(async (tx) => {
    const [locked] = await tx
      .select({ integration: projectIntegrations, providerType: integrationProviders.providerType })
      .from(projectIntegrations)
      .innerJoin(integrationProviders, eq(integrationProviders.id, projectIntegrations.providerId))
      .where(eq(projectIntegrations.id, integrationId))
      .for('update', { of: projectIntegrations });
    const { result, write } = await rotate(locked);
    if (write) await writeGrant(tx, integrationId, write);
    return result;
  });
}

/** OAuth grants with a refresh token, not waiting for a reconnect, whose token expires by `before`. */
export async function listGrantsExpiringBy(db: DbOrTx, before: Date, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: projectIntegrations.id })
    .from(projectIntegrations)
    .where(
      and(
        eq(projectIntegrations.authMethod, 'oauth'),
        isNotNull(projectIntegrations.refreshToken),
        ne(projectIntegrations.connectionStatus, 'reconnect_needed'),
        lte(projectIntegrations.tokenExpiresAt, before),
      ),
    )
    .limit(limit);
  return rows.map((r) => r.id);
}

/**
 * Sets "reconnect needed" with its reason unless already set. The integration's provider row id
 * when this call set it; undefined when it was set already (or the integration is gone).
 */
export async function flagReconnectNeeded(db: DbOrTx, integrationId: string, reason: string): Promise<{ providerId: string } | undefined> {
  const [row] = await db
    .update(projectIntegrations)
    .set({
      connectionStatus: 'reconnect_needed',
      connectionError: reason,
      updatedAt: new Date(),
    })
    .where(and(eq(projectIntegrations.id, integrationId), ne(projectIntegrations.connectionStatus, 'reconnect_needed')))
    .returning({ providerId: projectIntegrations.providerId });
  return row;
}

/** The OAuth integrations connected to one Slack workspace (`oauthAccount.teamId`), with their account facts. */
export async function listSlackTeamGrants(db: DbOrTx, teamId: string) {
  return db
    .select({ id: projectIntegrations.id, account: projectIntegrations.oauthAccount })
    .from(projectIntegrations)
    .where(and(eq(projectIntegrations.authMethod, 'oauth'), sql`${projectIntegrations.oauthAccount}->>'teamId' = ${teamId}`));
}
