import { type InferSelectModel, sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { projectIntegrations } from './integrations';
import { projects } from './projects';

/** What the owner entered on the set-up page before "Connect with …": no secrets, only settings. */
export type PendingIntegrationSetup = {
  externalId: string | null;
  settings: Record<string, unknown>;
  syncEnabled: boolean;
  syncIntervalSeconds: number;
};

/**
 * One pending OAuth authorization (the `state` of an authorization-code flow). Only the
 * SHA-256 of the state is stored; it is bound to the user who started the flow and either to
 * an integration (connect / reconnect) or, from the set-up page, to a project and the
 * settings entered so far (`pendingSetup`): the integration is then created only by a
 * successful callback. It expires after 10 minutes and is consumed once (`consumedAt`), so a
 * reused state is told apart from an unknown one. The PKCE verifier is encrypted like a token.
 */
export const oauthStates = pgTable(
  'oauth_states',
  {
    id: uuid().primaryKey().defaultRandom(),
    stateHash: text().notNull().unique(),
    userId: uuid().notNull().references(() => users.id, { onDelete: 'cascade' }),
    integrationId: uuid().references(() => projectIntegrations.id, { onDelete: 'cascade' }),
    projectId: uuid().references(() => projects.id, { onDelete: 'cascade' }),
    pendingSetup: jsonb().$type<PendingIntegrationSetup>(),
    providerType: text().notNull(),
    codeVerifier: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    consumedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index().on(t.expiresAt),
    check('oauth_states_target', sql`${t.integrationId} IS NOT NULL OR (${t.projectId} IS NOT NULL AND ${t.pendingSetup} IS NOT NULL)`),
  ],
);
export type OAuthState = InferSelectModel<typeof oauthStates>;
