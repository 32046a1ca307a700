import { and, eq, isNull, lt } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { type OAuthState, oauthStates } from '../schema';

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
