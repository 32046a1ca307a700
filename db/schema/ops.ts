import { type InferSelectModel, sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { projectIntegrations } from './integrations';
import { projects } from './projects';

/**
 * Operations: the health dashboard's quota time series, alerts with their hourly dedupe key,
 * owners' in-app notifications and their per-channel choices.
 */

/** Why an alert fires (lib/alerts/causes.ts describes each). */
export const alertCauses = [
  'sync_failed_twice', 'reconnect_needed', 'delivery_failed', 'webhook_silent', 'subscription_expiring', 'breaker_tripped',
] as const;
export type AlertCause = (typeof alertCauses)[number];

/**
 * The provider's API quota over time: one sample per integration and minute at most (the
 * current value stays in integration_api_quotas). The dashboard charts the minimum per bucket.
 */
export const integrationQuotaSamples = pgTable(
  'integration_quota_samples',
  {
    integrationId: uuid().notNull().references(() => projectIntegrations.id, { onDelete: 'cascade' }),
    /** Truncated to the minute: the primary key makes a sample per minute (a sync page calls this many times). */
    sampledAt: timestamp({ withTimezone: true }).notNull(),
    limit: integer(),
    remaining: integer(),
  },
  (t) => [primaryKey({ columns: [t.integrationId, t.sampledAt] })],
);

/**
 * One alert per integration, cause and hour bucket (the unique key is the dedupe: two
 * evaluators racing insert one row). `resolvedAt` is set when the cause clears; the row is
 * then "resolved" and a resolved notice went out.
 */
export const alerts = pgTable(
  'alerts',
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid().notNull().references(() => projects.id, { onDelete: 'cascade' }),
    integrationId: uuid().notNull().references(() => projectIntegrations.id, { onDelete: 'cascade' }),
    cause: text().$type<AlertCause>().notNull(),
    hourBucket: timestamp({ withTimezone: true }).notNull(),
    message: text().notNull(),
    details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    unique().on(t.integrationId, t.cause, t.hourBucket),
    index().on(t.integrationId, t.cause).where(sql`${t.resolvedAt} is null`),
    index().on(t.projectId, t.createdAt),
  ],
);
export type Alert = InferSelectModel<typeof alerts>;

/** In-app notifications (the header bell): one per owner per alert notice. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid().notNull().references(() => users.id, { onDelete: 'cascade' }),
    projectId: uuid().notNull().references(() => projects.id, { onDelete: 'cascade' }),
    alertId: uuid().references(() => alerts.id, { onDelete: 'cascade' }),
    title: text().notNull(),
    body: text().notNull(),
    href: text(),
    readAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.userId, t.createdAt),
    index().on(t.userId).where(sql`${t.readAt} is null`),
  ],
);
export type Notification = InferSelectModel<typeof notifications>;

/** An owner's choice per channel ('in_app', 'email', 'slack', or any appended sender's name); no row = on. */
export const alertChannelPreferences = pgTable(
  'alert_channel_preferences',
  {
    projectId: uuid().notNull().references(() => projects.id, { onDelete: 'cascade' }),
    userId: uuid().notNull().references(() => users.id, { onDelete: 'cascade' }),
    channel: text().notNull(),
    enabled: boolean().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.userId, t.channel] })],
);

/**
 * Hourly rollup of what the health dashboard charts (deliveries by status, sync runs, errors
 * by kind), so a 30-day chart reads ~720 rows per integration instead of every delivery.
 * lib/ops/health-rollup.ts rewrites the last 24 closed hours every minute (late status changes
 * land); the current hour and anything not rolled yet are read live.
 */
export const integrationHealthHourly = pgTable(
  'integration_health_hourly',
  {
    integrationId: uuid().notNull().references(() => projectIntegrations.id, { onDelete: 'cascade' }),
    hour: timestamp({ withTimezone: true }).notNull(),
    received: integer().notNull().default(0),
    processed: integer().notNull().default(0),
    failed: integer().notNull().default(0),
    pending: integer().notNull().default(0),
    runs: integer().notNull().default(0),
    runsOk: integer().notNull().default(0),
    runsFailed: integer().notNull().default(0),
    /** Error log lines by action type: { sync: 3, auth: 1 }. */
    errors: jsonb().$type<Record<string, number>>().notNull().default({}),
  },
  (t) => [primaryKey({ columns: [t.integrationId, t.hour] })],
);

/** Up to when (exclusive, an hour boundary) an integration's hourly rollup is complete. */
export const integrationHealthRollupState = pgTable('integration_health_rollup_state', {
  integrationId: uuid().primaryKey().references(() => projectIntegrations.id, { onDelete: 'cascade' }),
  rolledUntil: timestamp({ withTimezone: true }).notNull(),
});
