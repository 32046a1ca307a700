import { type InferSelectModel, sql } from 'drizzle-orm';
import {
  boolean, index, integer, jsonb, pgEnum, pgTable, text, timestamp, unique, uuid,
} from 'drizzle-orm/pg-core';
import { providerTypes } from '../../lib/integrations/provider-types';
import { users } from './auth';
import { projects } from './projects';
import { tasks } from './tasks';

export const providerTypeEnum = pgEnum('provider_type', providerTypes);
export const connectionStatusEnum = pgEnum('connection_status', [
  'not_configured', 'connected', 'error', 'reconnect_needed',
]);
export const syncStatusEnum = pgEnum('sync_status', ['idle', 'queued', 'syncing', 'success', 'error']);
/** `invalid`: verified but malformed for processing (fails the provider's schema); permanent, never retried or bulk-replayed. */
export const webhookStatusEnum = pgEnum('webhook_status', [
  'pending', 'processing', 'processed', 'failed', 'no_handler', 'invalid',
]);
export const syncDirectionEnum = pgEnum('sync_direction', ['import', 'export', 'bidirectional']);
export const logActionEnum = pgEnum('log_action', [
  'auth', 'sync', 'webhook', 'api_call', 'export', 'error', 'config',
]);
export const logStatusEnum = pgEnum('log_status', ['success', 'error', 'warning', 'info']);

/** Encrypted values: `v2.<keyId>.<iv>.<ciphertext>`, bound to table, column and row id (lib/crypto/secrets.ts). */
type Encrypted = string;

/** One row per provider (the seed's IntegrationProvider), upserted by `npm run integrations:init`. */
export const integrationProviders = pgTable(
  'integration_providers',
  {
    id: uuid().primaryKey().defaultRandom(),
    providerType: providerTypeEnum().notNull().unique(),
    name: text().notNull(),
    description: text().notNull().default(''),
    apiBaseUrl: text().notNull(),
    authUrl: text(),
    tokenUrl: text(),
    revokeUrl: text(),
    scopes: text().array().notNull().default(sql`'{}'::text[]`),
    oauthClientId: text(),
    oauthClientSecret: text().$type<Encrypted>(),
    supportsWebhooks: boolean().notNull().default(true),
    webhookEvents: text().array().notNull().default(sql`'{}'::text[]`),
    webhookSettings: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    isActive: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.providerType, t.isActive)],
);
export type IntegrationProvider = InferSelectModel<typeof integrationProviders>;

/**
 * A project's connection to one external resource (a repo, a channel, a Jira project,
 * a calendar). Several of one provider per project are allowed, hence the unique key
 * on (project, provider, external id); external id is null until configured.
 */
export const projectIntegrations = pgTable(
  'project_integrations',
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid().notNull().references(() => projects.id, { onDelete: 'cascade' }),
    providerId: uuid().notNull().references(() => integrationProviders.id, { onDelete: 'restrict' }),
    externalId: text(),
    externalName: text(),
    accessToken: text().$type<Encrypted>(),
    /** Last 4 characters of the access token, for display only. */
    accessTokenHint: text(),
    refreshToken: text().$type<Encrypted>(),
    tokenExpiresAt: timestamp({ withTimezone: true }),
    /** How the credential was obtained: pasted, or an OAuth grant (which may refresh). */
    authMethod: text().$type<'token' | 'oauth'>().notNull().default('token'),
    /** Scopes the provider actually granted (shown; a missing required one is named). */
    grantedScopes: text().array(),
    /** Non-secret facts of the grant: Slack team and bot user, Atlassian cloud id, account email. */
    oauthAccount: jsonb().$type<Record<string, unknown>>(),
    tokenRefreshedAt: timestamp({ withTimezone: true }),
    /** A push channel we created and must renew (repo hook, Jira dynamic webhook, Google channel, Graph subscription). */
    subscriptionId: text(),
    subscriptionResourceId: text(),
    subscriptionExpiresAt: timestamp({ withTimezone: true }),
    webhookSecret: text().$type<Encrypted>().notNull(),
    webhookConfirmedAt: timestamp({ withTimezone: true }),
    /** Id of the webhook we registered at the provider, if we registered it ourselves. */
    webhookExternalId: text(),
    settings: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    syncEnabled: boolean().notNull().default(false),
    syncIntervalSeconds: integer().notNull().default(300),
    syncStatus: syncStatusEnum().notNull().default('idle'),
    lastSyncAt: timestamp({ withTimezone: true }),
    lastSyncError: text(),
    syncCursor: jsonb().$type<Record<string, unknown>>(),
    connectionStatus: connectionStatusEnum().notNull().default('not_configured'),
    connectionError: text(),
    isActive: boolean().notNull().default(true),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique().on(t.projectId, t.providerId, t.externalId),
    index().on(t.projectId, t.isActive),
    index().on(t.providerId, t.isActive),
    index().on(t.syncStatus),
    index().on(t.subscriptionExpiresAt).where(sql`${t.subscriptionExpiresAt} is not null`),
    index().on(t.tokenExpiresAt).where(sql`${t.tokenExpiresAt} is not null`),
  ],
);
export type ProjectIntegration = InferSelectModel<typeof projectIntegrations>;

/** Every verified inbound delivery, stored before we answer 2xx; unique per delivery id. */
export const integrationWebhooks = pgTable(
  'integration_webhooks',
  {
    id: uuid().primaryKey().defaultRandom(),
    integrationId: uuid().notNull().references(() => projectIntegrations.id, { onDelete: 'cascade' }),
    providerId: uuid().notNull().references(() => integrationProviders.id, { onDelete: 'restrict' }),
    deliveryId: text().notNull(),
    eventType: text().notNull(),
    eventAction: text(),
    payload: jsonb().notNull(),
    /** Request headers with signatures and tokens redacted. */
    headers: jsonb().$type<Record<string, string>>().notNull().default({}),
    status: webhookStatusEnum().notNull().default('pending'),
    processed: boolean().notNull().default(false),
    attempts: integer().notNull().default(0),
    result: jsonb(),
    error: text(),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp({ withTimezone: true }),
    /** When the current/last processing attempt started (the pending backoff counts from it). */
    lastAttemptAt: timestamp({ withTimezone: true }),
    /** While 'processing': the claim's lease, renewed as the attempt runs; once past, the sweep reclaims it (a crash). */
    leaseExpiresAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    unique().on(t.integrationId, t.deliveryId),
    index().on(t.status, t.receivedAt),
    index().on(t.providerId, t.receivedAt),
    // The logs page's keyset pages, one index per filter it offers (see db/queries/keyset.ts).
    // The first also serves the health dashboard's counts by status per time bucket (index-only
    // scan: status rides at its end), so no second index on the same prefix competes with it.
    index().on(t.integrationId, t.receivedAt, t.id, t.status),
    index().on(t.integrationId, t.status, t.receivedAt, t.id),
    index().on(t.integrationId, t.eventType, t.receivedAt, t.id),
    index().on(t.processed),
  ],
);
export type IntegrationWebhook = InferSelectModel<typeof integrationWebhooks>;

/** Links a task to its counterpart in one integration, with the last-synced snapshot. */
export const externalTaskMappings = pgTable(
  'external_task_mappings',
  {
    id: uuid().primaryKey().defaultRandom(),
    taskId: uuid().notNull().references(() => tasks.id, { onDelete: 'cascade' }),
    integrationId: uuid().notNull().references(() => projectIntegrations.id, { onDelete: 'cascade' }),
    externalId: text().notNull(),
    externalKey: text(),
    externalUrl: text(),
    externalUpdatedAt: timestamp({ withTimezone: true }),
    syncDirection: syncDirectionEnum().notNull().default('bidirectional'),
    syncEnabled: boolean().notNull().default(true),
    /** Field values as they were at the last successful sync (base of the three-way merge). */
    snapshot: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    lastSyncedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique().on(t.taskId, t.integrationId),
    unique().on(t.integrationId, t.externalId),
    index().on(t.integrationId, t.syncEnabled),
    index().on(t.externalId),
  ],
);
export type ExternalTaskMapping = InferSelectModel<typeof externalTaskMappings>;

/** Audit log of everything an integration did (the seed's IntegrationLog). */
export const integrationLogs = pgTable(
  'integration_logs',
  {
    id: uuid().primaryKey().defaultRandom(),
    integrationId: uuid().references(() => projectIntegrations.id, { onDelete: 'cascade' }),
    providerId: uuid().notNull().references(() => integrationProviders.id, { onDelete: 'restrict' }),
    actionType: logActionEnum().notNull(),
    status: logStatusEnum().notNull(),
    description: text().notNull(),
    details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    durationMs: integer(),
    timestamp: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The logs page's keyset pages, one index per filter it offers (see db/queries/keyset.ts).
    index().on(t.integrationId, t.timestamp, t.id),
    // The status one also serves the health dashboard's errors by kind per time bucket (index-only
    // scan: action_type rides at its end), so no second index on the same prefix competes with it.
    index().on(t.integrationId, t.status, t.timestamp, t.id, t.actionType),
    index().on(t.integrationId, t.actionType, t.timestamp, t.id),
    index().on(t.providerId, t.timestamp),
  ],
);
export type IntegrationLog = InferSelectModel<typeof integrationLogs>;
