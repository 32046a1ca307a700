import { and, desc, eq, gte, isNull, lt } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { type OAuthState, oauthStates, type PendingIntegrationSetup } from '../schema';

/** Housekeeping: deletes the states that expired before `before`. */
export async function purgeOAuthStates(db: DbOrTx, before: Date): Promise<void> {
  await db.delete(oauthStates).where(lt(oauthStates.expiresAt, before));
}

export async function insertOAuthState(db: DbOrTx, values: typeof oauthStates.$inferInsert): Promise<void> {
  await db.insert(oauthStates).values(values);
}

/**
 * Spends a state exactly once (an atomic UPDATE … WHERE consumed_at IS NULL): the row for the
 * first caller, undefined for any later one (or an unknown hash).
 */
export async function spendOAuthState(db: DbOrTx, stateHash: string, now: Date): Promise<OAuthState | undefined> {
  const [row] = await db
    .update(oauthStates)
    .set({ consumedAt: now })
    .where(and(eq(oauthStates.stateHash, stateHash), isNull(oauthStates.consumedAt)))
    .returning();
  return row;
}

export async function findOAuthState(db: DbOrTx, stateHash: string): Promise<OAuthState | undefined> {
  const [row] = await db.select().from(oauthStates).where(eq(oauthStates.stateHash, stateHash));
  return row;
}

/**
 * What the user had entered on a project's set-up page before their latest connect there that
 * came back (spent at or after `since`): the set-up page refills its form from it after a
 * failed connect. Only their own states, and only set-up ones (not a reconnect).
 */
export async function latestSpentSetUp(
  db: DbOrTx,
  where: { userId: string; projectId: string; providerType: string; since: Date },
): Promise<PendingIntegrationSetup | null> {
  const [row] = await db
    .select({ pendingSetup: oauthStates.pendingSetup })
    .from(oauthStates)
    .where(and(
      eq(oauthStates.userId, where.userId),
      eq(oauthStates.projectId, where.projectId),
      eq(oauthStates.providerType, where.providerType),
      isNull(oauthStates.integrationId),
      gte(oauthStates.consumedAt, where.since),
    ))
    .orderBy(desc(oauthStates.consumedAt))
    .limit(1);
  return row?.pendingSetup ?? null;
}
