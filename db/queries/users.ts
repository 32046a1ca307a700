import { and, eq, or, isNotNull, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../client';
import { isUniqueViolation } from '../pg-errors';
import { accounts, type User, users } from '../schema';

/** What a sign-in provider told us about the person (lib/auth/sign-in-identity.ts decides `emailVerified`). */
export type SignInIdentity = {
  provider: string;
  providerAccountId: string;
  type: string;
  email: string;
  /** True only when the provider vouches that this person controls the address. */
  emailVerified: boolean;
  name?: string | null;
  image?: string | null;
};

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

/** Only claimed emails identify a person: verified at a sign-in, or reserved by an invitation. */
export const claimedEmail = (email: string) =>
  and(eq(users.email, normalizeEmail(email)), or(isNotNull(users.emailVerified), eq(users.invited, true)));

/** The partial unique index's predicate, as the ON CONFLICT target needs it. */
export const claimedEmailIndexWhere = sql`${users.emailVerified} is not null or ${users.invited}`;

/**
 * The user behind a sign-in. A known (provider, subject) is that user whatever email it now
 * carries. A new account joins the user who claims its email only when the provider verified
 * the email (and then claims a pending invitation for it); an unverified email gets a new user.
 */
export async function signInUser(db: Db, input: SignInIdentity, attempt = 1): Promise<User> {
  try {
    return await db.transaction(async (tx) => {
      const [linked] = await tx
        .select({ user: users })
        .from(accounts)
        .innerJoin(users, eq(users.id, accounts.userId))
        .where(and(eq(accounts.provider, input.provider), eq(accounts.providerAccountId, input.providerAccountId)));
      if (linked) return linked.user;
      const user = input.emailVerified ? await claimVerifiedEmail(tx, input) : await insertUser(tx, input, null);
      await tx.insert(accounts).values({ userId: user.id, type: input.type, provider: input.provider, providerAccountId: input.providerAccountId });
      return user;
    });
  } catch (err) {
    // A concurrent first sign-in (same account, or the same verified email) won the unique
    // index; this transaction is rolled back, and the retry finds what the winner wrote.
    if (attempt < 3 && isUniqueViolation(err)) return signInUser(db, input, attempt + 1);
    throw err;
  }
}

/** The user claiming a verified email: the existing one (claiming its invitation), or a new one. */
async function claimVerifiedEmail(tx: DbOrTx, input: SignInIdentity): Promise<User> {
  const email = normalizeEmail(input.email);
  const [existing] = await tx.select().from(users).where(claimedEmail(email)).for('update');
  if (existing) {
    const [claimed] = await tx
      .update(users)
      .set({
        invited: false,
        emailVerified: existing.emailVerified ?? new Date(),
        name: sql`coalesce(${users.name}, ${input.name ?? null})`,
        image: sql`coalesce(${users.image}, ${input.image ?? null})`,
      })
      .where(eq(users.id, existing.id))
      .returning();
    return claimed!;
  }
  return insertUser(tx, input, new Date());
}

async function insertUser(tx: DbOrTx, input: SignInIdentity, emailVerified: Date | null): Promise<User> {
  const [user] = await tx
    .insert(users)
    .values({ email: normalizeEmail(input.email), name: input.name ?? null, image: input.image ?? null, emailVerified })
    .returning();
  return user!;
}

/** The user who claims this email (verified or invited), if any. Never an unverified sign-in. */
export async function getUserByClaimedEmail(db: DbOrTx, email: string): Promise<User | undefined> {
  const [row] = await db.select().from(users).where(claimedEmail(email));
  return row;
}

export async function getUserById(db: DbOrTx, id: string): Promise<User | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}
