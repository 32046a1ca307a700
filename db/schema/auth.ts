import { type InferSelectModel, sql } from 'drizzle-orm';
import { boolean, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * next-auth users. Sessions are JWTs, so there is no sessions table to keep in step.
 *
 * An email identifies a person only when it is *claimed*: verified by a sign-in provider
 * (`emailVerified` set) or reserved by an invitation nobody has signed in to yet (`invited`).
 * At most one user claims an email (the partial unique index); invitations and account
 * linking look emails up among claimed users only. A sign-in whose provider does not vouch
 * for the email gets a user of its own whose email is display-only, so several such users
 * may share an address.
 */
export const users = pgTable(
  'users',
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text(),
    email: text().notNull(),
    emailVerified: timestamp({ withTimezone: true }),
    /** Created by an invitation by email; cleared when a verified sign-in claims it. */
    invited: boolean().notNull().default(false),
    image: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_claimed_email_key').on(t.email).where(sql`${t.emailVerified} is not null or ${t.invited}`),
  ],
);
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
