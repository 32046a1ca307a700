import { type InferSelectModel } from 'drizzle-orm';
import { pgTable, primaryKey, text, timestamp, uuid, index } from 'drizzle-orm/pg-core';

/** next-auth users. Sessions are JWTs, so there is no sessions table to keep in step. */
export const users = pgTable('users', {
  id: uuid().primaryKey().defaultRandom(),
  name: text(),
  email: text().notNull().unique(),
  emailVerified: timestamp({ withTimezone: true }),
  image: text(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
export type User = InferSelectModel<typeof users>;

/**
 * next-auth linked accounts (provider + its subject). Sign-in OAuth tokens are not kept:
 * integrations hold their own, encrypted, tokens.
 */
export const accounts = pgTable(
  'accounts',
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    type: text().notNull(),
    provider: text().notNull(),
    providerAccountId: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] }), index().on(t.userId)],
);
export type Account = InferSelectModel<typeof accounts>;
