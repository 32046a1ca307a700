import { type InferSelectModel } from 'drizzle-orm';
import {
  boolean, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, unique, uuid,
} from 'drizzle-orm/pg-core';
import { projectIntegrations } from './integrations';
import { milestones } from './projects';
import { tasks } from './tasks';

/** `interrupted`: the process running it died or lost its database; a newer run took over from the saved cursor. */
/** 'held': stopped by the safety check (circuit breaker) before writing; see sync_safety_holds. */
export const syncRunStatusEnum = pgEnum('sync_run_status', ['running', 'paused', 'success', 'error', 'interrupted', 'held']);
export const syncRunTriggerEnum = pgEnum('sync_run_trigger', ['manual', 'schedule']);

/**
 * One row per sync run: live progress (updated in the same statement that writes a page),
 * a pause while the provider's rate limit resets, and the result with its duration.
 * `heartbeatAt` moves with every page, pause and resume (and every 30 s while a run is alive
 * in this process), so a run whose process died is recognised as stale within minutes.
 */
export const syncRuns = pgTable(
  'sync_runs',
  {
    id: uuid().primaryKey().defaultRandom(),
    integrationId: uuid().notNull().references(() => projectIntegrations.id, { onDelete: 'cascade' }),
    trigger: syncRunTriggerEnum().notNull(),
    status: syncRunStatusEnum().notNull().default('running'),
    pages: integer().notNull().default(0),
    fetched: integer().notNull().default(0),
    created: integer().notNull().default(0),
    updated: integer().notNull().default(0),
    unchanged: integer().notNull().default(0),
    conflicts: integer().notNull().default(0),
    notModified: boolean().notNull().default(false),
    /** While paused on a rate limit: when the run resumes. */
    resumeAt: timestamp({ withTimezone: true }),
    error: text(),
    heartbeatAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
    durationMs: integer(),
  },
  (t) => [index().on(t.integrationId, t.startedAt)],
);
export type SyncRun = InferSelectModel<typeof syncRuns>;

export const taskSyncEventKindEnum = pgEnum('task_sync_event_kind', [
  'imported', 'updated', 'pushed', 'exported', 'conflict', 'comment', 'unlinked', 'linked_pr',
  // From the local-change fan-out: a deadline's calendar event written or removed, a notification sent.
  'event_upserted', 'notified',
]);

/**
 * A task's sync timeline: what came in, what went out, conflicts and how they were
 * resolved, comments from the external side. `externalEventId` dedups redelivered comments.
 */
export const taskSyncEvents = pgTable(
  'task_sync_events',
  {
    id: uuid().primaryKey().defaultRandom(),
    taskId: uuid().notNull().references(() => tasks.id, { onDelete: 'cascade' }),
    integrationId: uuid().notNull().references(() => projectIntegrations.id, { onDelete: 'cascade' }),
    kind: taskSyncEventKindEnum().notNull(),
    summary: text().notNull(),
    details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    /** Who did it on the external side (a GitHub login), when known. */
    externalActor: text(),
    externalEventId: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.taskId, t.createdAt),
    unique().on(t.integrationId, t.externalEventId),
    // The health dashboard's conflict counts.
    index().on(t.integrationId, t.kind, t.createdAt),
  ],
);
export type TaskSyncEvent = InferSelectModel<typeof taskSyncEvents>;

/** External milestone (GitHub milestone id) → project milestone, so imports never duplicate them. */
export const externalMilestoneMappings = pgTable(
  'external_milestone_mappings',
  {
    integrationId: uuid().notNull().references(() => projectIntegrations.id, { onDelete: 'cascade' }),
    externalId: text().notNull(),
    milestoneId: uuid().notNull().references(() => milestones.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.integrationId, t.externalId] })],
);

/** The provider's API quota as last seen in its response headers (shown on the integration page). */
export const integrationApiQuotas = pgTable('integration_api_quotas', {
  integrationId: uuid()
    .primaryKey()
    .references(() => projectIntegrations.id, { onDelete: 'cascade' }),
  limit: integer(),
  remaining: integer(),
  resetAt: timestamp({ withTimezone: true }),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
export type IntegrationApiQuota = InferSelectModel<typeof integrationApiQuotas>;
