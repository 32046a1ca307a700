import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { accounts, type User, users } from '../schema';

/** Finds or creates the user behind a sign-in, and links the account it came through. */
export async function upsertSignInUser(
  db: DbOrTx,
  input: { email: string; name?: string | null; image?: string | null; provider: string; providerAccountId: string; type: string },
): Promise<User> {
  const email = input.email.trim().toLowerCase();
  const [user] = await db
    .insert(users)
    .values({ email, name: input.name ?? null, image: input.image ?? null })
    .onConflictDoUpdate({
      target: users.email,
      set: { name: sql`coalesce(excluded.name, ${users.name})`, image: sql`coalesce(excluded.image, ${users.image})` },
    })
    .returning();
  await db
    .insert(accounts)
    .values({ userId: user!.id, type: input.type, provider: input.provider, providerAccountId: input.providerAccountId })
    .onConflictDoNothing();
  return user!;
}

export async function getUserByEmail(db: DbOrTx, email: string): Promise<User | undefined> {
  const [row] = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase()));
  return row;
}

export async function getUserById(db: DbOrTx, id: string): Promise<User | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}
